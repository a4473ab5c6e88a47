export * from './asOf';
export * from './coverage/reach';
export * from './projection';
export * from './projector';
export * from './queries/cafeSessions';
export * from './queries/directory';
export * from './queries/employees';
export { decodeCursor, encodeCursor } from './queries/rows';
export { READ_MODEL_DDL, VIEW_SCHEMA } from './schema';
