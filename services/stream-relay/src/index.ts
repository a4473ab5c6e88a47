export * from './cloudEvents';
export * from './relay';
export * from './topics';
export * from './metricsServer';
export * from './testing';
export * from './schemas';
