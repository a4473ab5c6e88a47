export type { GatewayDeps, HubCommands, HubContext } from './context';
export { schema } from './schema';
export { createServer, type GatewayOptions } from './server';
export { httpLifecycle } from './http';
