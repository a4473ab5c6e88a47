export type { SqlDriver, SqlExecutor } from './driver';
export { createPgDriver } from './pgDriver';
export { createPgliteDriver } from './pgliteDriver';
