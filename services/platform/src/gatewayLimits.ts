import { DEFAULT_LIMITS, type GatewayLimits } from '@hub/gateway';
import type { HubConfig } from './config';

/**
 * The gateway's limits from the settings. Without HUB_CORS_ORIGINS only the console's own origin
 * may call it from a browser; `consoleOrigins` is read when asked, since with port 0 the console's
 * port is known only once it listens.
 */
export const gatewayLimits = (config: HubConfig, consoleOrigins: () => readonly string[]): GatewayLimits => {
  const configured = config.HUB_CORS_ORIGINS?.split(',');
  return {
    ...DEFAULT_LIMITS,
    corsOrigins: configured ? () => configured : consoleOrigins,
    maxBodyBytes: config.HUB_MAX_BODY_BYTES,
    rateLimit: { perMinute: config.HUB_RATE_LIMIT_PER_MINUTE },
    requestTimeoutMs: config.HUB_REQUEST_TIMEOUT_MS,
    viewConcurrency: config.HUB_VIEW_CONCURRENCY,
  };
};

/** How a browser names the console at `port` on this machine. */
export const localOrigins = (port: number) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
