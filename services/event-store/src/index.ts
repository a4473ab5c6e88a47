export * from './errors';
export type * from './port';
export { createEsdbEventStore } from './eventstoredb/esdbEventStore';
export { createSqlEventStore } from './postgres/sqlEventStore';
export * from './commandHandler';
export * from './decider';
