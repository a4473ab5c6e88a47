export * from './errors';
export type * from './port';
export * from './commandHandler';
export * from './decider';
