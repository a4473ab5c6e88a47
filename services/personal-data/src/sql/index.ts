export * from './accessLog';
export * from './masterKey';
export * from './personalDataStore';
