export type { QueryOptions, SqlDriver, SqlExecutor } from './driver';
export { isConnectionFailure, isStatementTimeout, isStoreUnavailable, isTransientSqlError, StoreUnavailableError } from './errors';
export { createPgDriver, type PgDriverOptions } from './pgDriver';
export { createPgliteDriver } from './pgliteDriver';
