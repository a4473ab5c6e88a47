import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SqlDriver } from './driver';
import { createPgDriver } from './pgDriver';
import { createPgliteDriver } from './pgliteDriver';

/** The PostgreSQL server tests use; the machine's own server unless told otherwise. */
export const TEST_POSTGRES_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh database on the real PostgreSQL server, so concurrent test runs never collide.
 * `drop()` removes it (and any connection still open to it).
 */
export const createTestDatabase = async (label = 'hub'): Promise<{ url: string; name: string; drop: () => Promise<void> }> => {
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
};

/** Both engines the hub runs on; specs that touch SQL run once per engine with `describe.each`. */
export const SQL_ENGINES = [
  {
    name: 'PGlite (embedded)',
    async create(): Promise<{ db: SqlDriver; dispose: () => Promise<void> }> {
      const db = await createPgliteDriver();
      return { db, dispose: () => db.close() };
    },
  },
  {
    name: 'PostgreSQL (pg)',
    async create(): Promise<{ db: SqlDriver; dispose: () => Promise<void> }> {
      const database = await createTestDatabase();
      const db = createPgDriver(database.url, { max: 12 });
      return {
        db,
        dispose: async () => {
          await db.close();
          await database.drop();
        },
      };
    },
  },
] as const;

export { findPostgresBin, ownPostgresUnavailable, startOwnPostgres, type OwnPostgres } from './ownPostgres';
