import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDriver, SqlExecutor } from './driver';

const executor = (db: PGlite | Transaction): SqlExecutor => ({
  async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
    const result = await db.query<R>(sql, params);
    return result.rows;
  },
  async exec(sql: string) {
    await db.exec(sql);
  },
});

/**
 * The embedded default: real PostgreSQL compiled to WASM, in this process. With a `dataDir` it
 * persists there across restarts; without one it lives in memory (tests).
 */
export const createPgliteDriver = async (dataDir?: string): Promise<SqlDriver> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  return {
    kind: 'pglite',
    ...executor(db),
    // PGlite has one connection and runs one transaction at a time, so transactions never interleave.
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: () => db.close(),
  };
};
