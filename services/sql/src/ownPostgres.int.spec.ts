import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from './errors';
import { ownPostgresUnavailable, startOwnPostgres } from './ownPostgres';
import { createPgDriver } from './pgDriver';

const skipReason = ownPostgresUnavailable();
if (skipReason) console.warn(`[sql] SKIPPED own-PostgreSQL tests: ${skipReason}.`);

describe.skipIf(Boolean(skipReason))(`a PostgreSQL server of the test's own${skipReason ? ` — SKIPPED: ${skipReason}` : ''}`, () => {
  it('starts on its own port, refuses connections while stopped (StoreUnavailableError, fast) and comes back', async () => {
    const server = await startOwnPostgres();
    const db = createPgDriver(server.url, { max: 2 });
    try {
      expect(server.port).not.toBe(5432);
      await db.exec('CREATE TABLE t (n int)');
      await db.query('INSERT INTO t VALUES (1)');

      // A query and a transaction in flight when the server shuts down (57P01) fail the same way.
      const inFlight = db.query('SELECT pg_sleep(30)').catch((e: unknown) => e);
      const inFlightTx = db
        .transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (3)');
          await tx.query('SELECT pg_sleep(30)');
        })
        .catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 300));
      await server.stop();
      expect(isStoreUnavailable(await inFlight), String(await inFlight)).toBe(true);
      expect(isStoreUnavailable(await inFlightTx), String(await inFlightTx)).toBe(true);
      const started = Date.now();
      const refused = await db.query('SELECT n FROM t').catch((e: unknown) => e);
      expect(isStoreUnavailable(refused), String(refused)).toBe(true);
      const inTx = await db.transaction((tx) => tx.query('INSERT INTO t VALUES (2)')).catch((e: unknown) => e);
      expect(isStoreUnavailable(inTx), String(inTx)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);

      await server.start();
      // The same pool recovers by itself: no new driver, no restart.
      expect(await db.query('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
      await server.dispose();
    }
    // Its files are gone, and nothing listens on its port any more.
    const client = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 1_000 });
    await expect(client.connect()).rejects.toThrow();
  });
});
