import { createPgDriver, type SqlExecutor } from '@hub/sql';
import { TEST_POSTGRES_ADMIN_URL } from '@hub/sql/testing';

/*
 * The generated companies the benches keep between runs on the test server (a large one takes
 * minutes to write): database `hub_bench_<scale>`, written by the rebuild bench with seed 42, taken
 * as it is by the load bench at the large scale. Imported by relative path, like benchGoals.ts.
 */

/** The seed every kept company is generated with. */
export const KEPT_SEED = 42;

export const keptDatabaseName = (scale: string) => `hub_bench_${scale}`;

export const keptDatabaseUrl = (scale: string) => {
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${keptDatabaseName(scale)}`;
  return url.toString();
};

/** The events a store holds (0 before it has its table). */
export const countEvents = async (db: SqlExecutor) => {
  const [table] = await db.query<{ name: string | null }>(`SELECT to_regclass('hub_events.events')::text AS name`);
  if (table?.name == null) return 0;
  const [row] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM hub_events.events');
  return Number(row!.n);
};

/**
 * The kept company of `scale`: `exists` when its database is there, `events` what it holds (only a
 * whole company counts: a run stopped while generating leaves part of one).
 */
export const keptCompany = async (scale: string): Promise<{ url: string; exists: boolean; events: number }> => {
  const url = keptDatabaseUrl(scale);
  const admin = createPgDriver(TEST_POSTGRES_ADMIN_URL, { max: 1 });
  try {
    const [found] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [keptDatabaseName(scale)]);
    if (!found) return { url, exists: false, events: 0 };
  } finally {
    await admin.close();
  }
  const db = createPgDriver(url, { max: 1 });
  try {
    return { url, exists: true, events: await countEvents(db) };
  } finally {
    await db.close();
  }
};
