export type { GatewayDeps, HubCommands, HubContext } from './context';
export { schema } from './schema';
export { createServer, type GatewayOptions } from './server';
export { httpLifecycle } from './http';
export type { HealthReport } from './health';
export { DEFAULT_VIEW_WAIT_MS, ViewLaggingError } from './viewLag';
