export * from './config';
export * from './demo/seed';
export * from './hub';
export { createCommandClient } from './rpc/commandClient';
export { createCommandServer } from './rpc/commandServer';
export { createWebServer } from './web/webServer';
