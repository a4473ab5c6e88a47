import pg from 'pg';
import type { SqlDriver, SqlExecutor } from './driver';

// Keep int8 as strings (the default) and let callers turn them into bigint; never lose precision.

const executor = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
  async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
    const result = await client.query(sql, params);
    return result.rows as R[];
  },
  async exec(sql: string) {
    await client.query(sql);
  },
});

/** `statementTimeoutMs`: the server cancels any statement of this pool that runs longer (for the gateway's reads). */
export const createPgDriver = (connectionString: string, options: { max?: number; statementTimeoutMs?: number } = {}): SqlDriver => {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}) });
  // An idle client that dies (server restart) must not crash the process.
  pool.on('error', (e) => console.error('[sql] idle PostgreSQL client error:', e.message));
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};
