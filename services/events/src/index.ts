export * from './businessTime';
export * from './channels';
export * from './errors';
export * from './events/index';
export * from './grades';
export * from './primitives';
export * from './validation';
