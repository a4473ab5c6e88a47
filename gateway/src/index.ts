export type { GatewayDeps, HubCommands, HubContext } from './context';
export { schema } from './schema';
export { createServer, type GatewayOptions } from './server';
export { httpLifecycle } from './http';
export { DEFAULT_LIMITS, type GatewayLimits } from './server';
export { refuseMalformedTarget, SECURITY_HEADERS } from './http';
export { CSRF_HEADER } from './plugins/csrf';
export type { HealthReport } from './health';
export { DEFAULT_VIEW_WAIT_MS, ViewLaggingError } from './viewLag';
