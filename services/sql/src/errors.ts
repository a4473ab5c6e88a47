/**
 * The database cannot be reached right now (server down, restarting, connection lost). Nothing
 * the caller asked for happened because of it; the same request may succeed once the server is
 * back. Every driver turns its own connection failures into this one error.
 */
export class StoreUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`The database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}

export const isStoreUnavailable = (e: unknown): e is StoreUnavailableError => e instanceof StoreUnavailableError;

// Socket errors Node reports when the server is not there or went away.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// SQLSTATEs of a server that is shutting down, starting up or dropped the connection (class 08).
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
// What `pg` says when a socket ends or a pool cannot connect in time (no code attached).
const PG_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /not queryable/i, /connection.*ended/i];

/** True when `e` (from any driver) means the server is unreachable, not that the SQL was wrong. */
export const isConnectionFailure = (e: unknown): boolean => {
  if (isStoreUnavailable(e)) return true;
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  if (e instanceof AggregateError) return e.errors.some(isConnectionFailure);
  return PG_MESSAGES.some((m) => m.test(e.message));
};

/**
 * Worth retrying as is: the server was unreachable, or it gave up on the transaction for a
 * reason that passes (serialization failure, deadlock, out of connections or memory).
 */
export const isTransientSqlError = (e: unknown): boolean => {
  if (isConnectionFailure(e)) return true;
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === '40001' || code === '40P01' || code.startsWith('53'));
};

/**
 * The server cancelled the statement (SQLSTATE 57014, whatever the server's language): its
 * `statement_timeout`, since the drivers never cancel a statement themselves.
 */
export const isStatementTimeout = (e: unknown): boolean => e instanceof Error && (e as { code?: unknown }).code === '57014';
