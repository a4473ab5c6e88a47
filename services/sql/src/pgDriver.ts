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
  const checkout = async () => {
    const client = await pool.connect();
    if (prepared.has(client)) return client;
    // pg-pool stops listening for errors on a checked-out client: without a listener of ours, the
    // connection dropping during these statements would be an uncaught exception.
    let failure: unknown;
    const onError = (e: unknown) => {
      failure = e;
    };
    client.on('error', onError);
    try {
      for (const setting of SETTINGS) {
        try {
          await client.query(setting);
        } catch (e) {
          if (isConnectionFailure(e)) throw e;
        }
      }
      if (failure !== undefined) throw failure;
    } catch (e) {
      client.release(true);
      throw e;
    } finally {
      client.off('error', onError);
    }
    prepared.add(client);
    return client;
  };
  /** One statement on a pooled connection; a connection that failed under it is discarded. */
  const once = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await checkout();
    let broken = false;
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      return await fn(client);
    } catch (e) {
      broken = broken || isConnectionFailure(e);
      throw e;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  };
  return {
    kind: 'postgres',
    ...executor(once),
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await checkout();
      } catch (e) {
        throw translate(e);
      }
      let broken = false;
      // pg-pool drops its idle error listener while a client is checked out: a server that goes away
      // between two statements of this transaction would otherwise crash the process.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN').catch((e: unknown) => Promise.reject(translate(e)));
        const result = await fn(executor((f) => f(client)));
        await client.query('COMMIT').catch((e: unknown) => Promise.reject(translate(e)));
        return result;
      } catch (e) {
        broken = broken || isConnectionFailure(e);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        // A client whose connection failed is discarded, never handed to the next caller.
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
};
