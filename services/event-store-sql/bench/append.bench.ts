import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createPgDriver, createPgliteDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { createSqlEventStore } from '../src/sqlEventStore';

/*
 * `npm run bench`: what the event store's guarantees (advisory lock, idempotency and revision
 * checks) cost against a bare INSERT of the same row on the same connection, in the same run.
 * Results go to bench-results/event-store.json at the repository root. Not a test: nothing here
 * passes or fails on time.
 */

const N = Number(process.env.BENCH_APPENDS ?? 2000);
const metadata = { correlationId: 'bench', causationId: 'bench', actor: 'bench', occurredAt: new Date().toISOString(), schemaVersion: 1 };

const time = async (fn: () => Promise<void>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const measure = async (engine: string, db: SqlDriver, concurrency: number) => {
  await db.exec('CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, stream text, data jsonb, metadata jsonb)');
  const store = await createSqlEventStore(db);
  const perWorker = Math.floor(N / concurrency);
  const run = (op: (w: number, i: number) => Promise<unknown>) =>
    time(async () => {
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          for (let i = 0; i < perWorker; i++) await op(w, i);
        }),
      );
    });
  // Warm up both paths so neither pays for first-use costs.
  await db.transaction((tx) => tx.query('INSERT INTO bench_raw VALUES ($1, $2, $3, $4)', [randomUUID(), 'warm', '{}', '{}']));
  await store.append('warm-up', [{ id: randomUUID(), type: 'Warm', data: {}, metadata }]);

  const raw = await run((w, i) =>
    db.transaction((tx) =>
      tx.query('INSERT INTO bench_raw VALUES ($1, $2, $3::jsonb, $4::jsonb)', [
        randomUUID(),
        `raw-${w}`,
        JSON.stringify({ i }),
        JSON.stringify(metadata),
      ]),
    ),
  );
  const appends = await run((w, i) => store.append(`bench-${w}`, [{ id: randomUUID(), type: 'Benchmarked', data: { i }, metadata }]));
  const readAll = await time(async () => {
    let after: bigint | undefined;
    for (;;) {
      const batch = await store.readAll({ ...(after === undefined ? {} : { after }), limit: 1000 });
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.position;
    }
  });
  await store.close();
  const ops = perWorker * concurrency;
  return {
    engine,
    concurrency,
    operations: ops,
    rawInsertsPerSecond: Math.round(ops / raw),
    appendsPerSecond: Math.round(ops / appends),
    appendToRawRatio: Number((raw / appends).toFixed(3)),
    readAllEventsPerSecond: Math.round(ops / readAll),
  };
};

const results = [];
const pglite = await createPgliteDriver();
results.push(await measure('PGlite (embedded)', pglite, 1));
await pglite.close();

const database = await createTestDatabase('bench');
try {
  for (const concurrency of [1, 8]) {
    const db = createPgDriver(database.url, { max: concurrency + 2 });
    results.push(await measure('PostgreSQL (pg)', db, concurrency));
    await db.close();
  }
} finally {
  await database.drop();
}

const out = new URL('../../../bench-results/', import.meta.url);
mkdirSync(out, { recursive: true });
const report = { benchmark: 'event-store append', at: new Date().toISOString(), node: process.version, results };
writeFileSync(new URL('event-store.json', out), `${JSON.stringify(report, null, 2)}\n`);
console.table(results);
console.log(`written to ${new URL('event-store.json', out).pathname}`);
