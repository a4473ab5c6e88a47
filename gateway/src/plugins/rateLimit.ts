import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { bearerOf } from './authentication';

/*
 * Requests per client address and per API token (a token-bucket each: `perMinute` requests a
 * minute, up to `perMinute` at once). Keyed on a hash of the bearer string as sent, so it works
 * whatever the token is worth and keeps no token in memory; an unknown token is limited the same.
 * Over the limit: HTTP 429 with Retry-After and extensions.code RATE_LIMITED, before any parsing.
 */
export interface RateLimit {
  /** Requests a minute per address and per token. */
  perMinute: number;
  /**
   * Peers allowed to name the real client in X-Forwarded-For (the console's web server forwards
   * /graphql from loopback); anyone else's header is ignored, so it cannot be used to dodge the limit.
   */
  trustedProxies?: readonly string[];
}

export const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const MAX_KEYS = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Who is asking: the socket's peer, or the address a trusted proxy forwarded (in-memory calls: "local"). */
export const clientAddress = (serverContext: unknown, request: Request, trusted: readonly string[]) => {
  const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  const peer = req?.socket?.remoteAddress ?? 'local';
  if (!trusted.includes(peer)) return peer;
  return request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || peer;
};

const bearerHash = (request: Request) => {
  const value = bearerOf(request);
  return value == null ? undefined : createHash('sha256').update(value).digest('base64url').slice(0, 22);
};

export const createRateLimiter = ({ perMinute }: Pick<RateLimit, 'perMinute'>, now: () => number = Date.now) => {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  /** Takes one request from `key`'s bucket; answers how many seconds to wait when it is empty. */
  const take = (key: string): number | undefined => {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    }
    bucket.tokens -= 1;
    buckets.delete(key); // re-insert: the Map's order is then least recently used first
    buckets.set(key, bucket);
    if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value!);
    return undefined;
  };
  return { take };
};

export const rateLimit = (options: RateLimit): Plugin => {
  const limiter = createRateLimiter(options);
  const trusted = options.trustedProxies ?? LOOPBACK;
  return {
    onRequest({ request, serverContext, endResponse }) {
      const token = bearerHash(request);
      const waits = [
        limiter.take(`address:${clientAddress(serverContext, request, trusted)}`),
        token ? limiter.take(`token:${token}`) : undefined,
      ];
      const wait = Math.max(...waits.map((w) => w ?? 0));
      if (wait === 0) return;
      endResponse(
        new Response(
          JSON.stringify({
            errors: [
              { message: `Too many requests: try again in ${wait} s`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait } },
            ],
          }),
          {
            status: 429,
            headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(wait) },
          },
        ),
      );
    },
  };
};
