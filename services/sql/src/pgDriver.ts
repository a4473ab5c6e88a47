import pg from 'pg';
import type { SqlDriver, SqlExecutor } from './driver';
import { isConnectionFailure, StoreUnavailableError } from './errors';

/** A lost or refused connection becomes the one StoreUnavailableError; SQL errors pass unchanged. */
const translate = (e: unknown): unknown =>
  isConnectionFailure(e) && !(e instanceof StoreUnavailableError) ? new StoreUnavailableError(e) : e;

// Keep int8 as strings (the default) and let callers turn them into bigint; never lose precision.
const executor = (run: <T>(fn: (client: pg.PoolClient) => Promise<T>) => Promise<T>): SqlExecutor => ({
  async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
    try {
      const result = await run((client) => client.query(sql, params));
      return result.rows as R[];
    } catch (e) {
      throw translate(e);
    }
  },
  async exec(sql: string) {
    try {
      await run((client) => client.query(sql));
    } catch (e) {
      throw translate(e);
    }
  },
});

export interface PgDriverOptions {
  max?: number;
  /** How long to wait for a connection before giving up with StoreUnavailableError. */
  connectionTimeoutMillis?: number;
  /** The server cancels any statement of this pool that runs longer (for the gateway's reads). */
  statementTimeoutMs?: number;
}

export const createPgDriver = (connectionString: string, options: PgDriverOptions = {}): SqlDriver => {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Without it a connect to a dead server can hang for the OS's TCP timeout; fail fast instead.
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3_000,
    // Notice a half-open connection (server host gone) instead of waiting forever on it.
    keepAlive: true,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle client that dies (server restart) must not crash the process.
  pool.on('error', (e) => console.error('[sql] idle PostgreSQL client error:', e.message));
  // Settings for the hub's many short questions, set once per connection before its first
  // statement — not as startup options, which poolers such as PgBouncer refuse; awaited, not queued
  // from the pool's 'connect' event, which pg deprecates (a query while one is running):
  // - no JIT: the server compiles a statement whose estimated cost is high, which costs more than
  //   it saves here (a gap list of 30,000 customers: 0.5 s compiling for 0.25 s of work);
  // - no parallel workers: starting them costs milliseconds per statement, and with many clients
  //   asking at once the cores are busy anyway;
  // - 16 MB per sort or hash, so a year of a large company's touches is summed in memory, not on disk.
  // A server that refuses one keeps its own value for it (each is its own statement).
  const SETTINGS = ['SET jit = off', 'SET max_parallel_workers_per_gather = 0', "SET work_mem = '16MB'"];
  const prepared = new WeakSet<pg.PoolClient>();
  /**
   * `fn` on a pooled connection of its own, the settings applied first if the connection is new.
   * pg-pool drops its idle error listener while a client is checked out: a server that goes away
   * meanwhile would otherwise crash the process. A connection that failed under `fn` (or under the
   * settings) is discarded, never handed to the next caller.
   */
  const withClient = async <T>(fn: (client: pg.PoolClient, broken: () => boolean) => Promise<T>): Promise<T> => {
    // Its own failures (checking out, the settings) come translated; `fn`'s are its caller's to translate.
    const client = await pool.connect().catch((e: unknown) => Promise.reject(translate(e)));
    let failure: unknown;
    const onError = (e: unknown) => {
      failure ??= e;
    };
    client.on('error', onError);
    try {
      if (!prepared.has(client)) {
        for (const setting of SETTINGS)
          await client.query(setting).catch((e: unknown) => {
            if (isConnectionFailure(e)) throw translate(e);
          });
        if (failure !== undefined) throw translate(failure);
        prepared.add(client);
      }
      return await fn(client, () => failure !== undefined);
    } catch (e) {
      failure ??= isConnectionFailure(e) ? e : undefined;
      throw e;
    } finally {
      client.off('error', onError);
      client.release(failure !== undefined);
    }
  };
  return {
    kind: 'postgres',
    ...executor(withClient),
    transaction: (fn) =>
      withClient(async (client, broken) => {
        try {
          await client.query('BEGIN').catch((e: unknown) => Promise.reject(translate(e)));
          const result = await fn(executor((f) => f(client)));
          await client.query('COMMIT').catch((e: unknown) => Promise.reject(translate(e)));
          return result;
        } catch (e) {
          if (!broken() && !isConnectionFailure(e)) await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    close: () => pool.end(),
  };
};
