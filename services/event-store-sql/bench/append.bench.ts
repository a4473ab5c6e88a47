import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDriver, createPgliteDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { createSqlEventStore } from '../src/sqlEventStore';
import { benchEngines, benchResultsDir, benchScale, writeBenchResults, type GoalResult } from '../../../scripts/benchGoals';

/*
 * `npm run bench` (event store): what the store's guarantees — the global-order lock, the
 * idempotency and revision checks — cost against a bare INSERT of the same batches into a table of
 * the same shape and indexes (`LIKE hub_events.events INCLUDING ALL`), on the same engine, in the
 * same run. Batches of 1 and of 100 events, 1 and 8 concurrent writers (PostgreSQL; PGlite has one
 * connection), PGlite on disk as `npm start` uses it. Rounds alternate which side goes first, so
 * neither always runs on a warmer cache. Results: bench-results/event-store.json (goal 3 of issue
 * #14: append/raw ≥ 0.5) and .md at the repository root. Not a test: nothing here passes or fails
 * on time. BENCH_SCALE sets the events per case and the rounds; BENCH_ENGINE the engines.
 */

const SCALE = {
  smoke: { events: 100, rounds: 2 },
  small: { events: 1000, rounds: 2 },
  medium: { events: 2000, rounds: 4 },
  large: { events: 4000, rounds: 4 },
}[benchScale()];
const EVENTS = Number(process.env.BENCH_APPENDS ?? SCALE.events);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? SCALE.rounds);
const GOAL = 0.5;
const metadata = { correlationId: 'bench', causationId: 'bench', actor: 'bench', occurredAt: new Date().toISOString(), schemaVersion: 1 };

const seconds = async (fn: () => Promise<void>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/** The same rows the store writes, built the same way, inserted with nothing around them. */
const rawInsert = (db: SqlDriver, stream: string, firstRevision: number, batch: number, i: number) => {
  const params: unknown[] = [];
  const values = Array.from({ length: batch }, (_, k) => {
    params.push(randomUUID(), stream, String(firstRevision + k), 'Benchmarked', JSON.stringify({ i, k }), JSON.stringify(metadata));
    const n = k * 6;
    return `($${n + 1}::uuid, $${n + 2}, $${n + 3}::bigint, $${n + 4}, $${n + 5}::jsonb, $${n + 6}::jsonb)`;
  });
  // One statement in its own (implicit) transaction, as an append is: neither side pays BEGIN/COMMIT.
  return db.query(
    `INSERT INTO bench_raw.events (event_id, stream_name, stream_revision, type, data, metadata) VALUES ${values.join(', ')}`,
    params,
  );
};

const measure = async (engine: string, db: SqlDriver, concurrency: number, batch: number, round: number) => {
  const store = await createSqlEventStore(db);
  await db.exec(
    'CREATE SCHEMA IF NOT EXISTS bench_raw; CREATE TABLE IF NOT EXISTS bench_raw.events (LIKE hub_events.events INCLUDING ALL)',
  );
  const appendsPerWriter = Math.max(1, Math.floor(EVENTS / batch / concurrency));
  const writers = (op: (w: number, i: number) => Promise<unknown>) =>
    seconds(async () => {
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          for (let i = 0; i < appendsPerWriter; i++) await op(w, i);
        }),
      );
    });
  const tag = `${engine}-${concurrency}-${batch}-${round < 0 ? 'warm' : `r${round}`}`.replace(/\W+/g, '-');
  const raw = () => writers((w, i) => rawInsert(db, `raw-${tag}-${w}`, i * batch, batch, i));
  const store_ = () =>
    writers((w, i) =>
      store.append(
        `bench-${tag}-${w}`,
        Array.from({ length: batch }, (_, k) => ({ id: randomUUID(), type: 'Benchmarked', data: { i, k }, metadata })),
      ),
    );
  // Alternate which goes first, round by round.
  let rawSeconds: number;
  let storeSeconds: number;
  if (round % 2 === 0) {
    rawSeconds = await raw();
    storeSeconds = await store_();
  } else {
    storeSeconds = await store_();
    rawSeconds = await raw();
  }
  await store.close();
  return { events: appendsPerWriter * concurrency * batch, rawSeconds, storeSeconds };
};

const readAllRate = async (db: SqlDriver) => {
  const store = await createSqlEventStore(db);
  let events = 0;
  const s = await seconds(async () => {
    let after: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ ...(after === undefined ? {} : { after }), limit: 1000 });
      if (page.length === 0) break;
      events += page.length;
      after = page[page.length - 1]!.position;
    }
  });
  await store.close();
  return Math.round(events / s);
};

type Result = {
  engine: string;
  writers: number;
  batch: number;
  rounds: number;
  events: number;
  rawEventsPerSecond: number;
  appendEventsPerSecond: number;
  appendToRawRatio: number;
};

const run = async (engine: string, db: SqlDriver, concurrency: number, batch: number): Promise<Result> => {
  const sum = { events: 0, rawSeconds: 0, storeSeconds: 0 };
  await measure(engine, db, concurrency, batch, -1); // warm-up round, not counted
  for (let round = 0; round < ROUNDS; round++) {
    const r = await measure(engine, db, concurrency, batch, round);
    sum.events += r.events;
    sum.rawSeconds += r.rawSeconds;
    sum.storeSeconds += r.storeSeconds;
  }
  return {
    engine,
    writers: concurrency,
    batch,
    rounds: ROUNDS,
    events: sum.events,
    rawEventsPerSecond: Math.round(sum.events / sum.rawSeconds),
    appendEventsPerSecond: Math.round(sum.events / sum.storeSeconds),
    appendToRawRatio: Number((sum.rawSeconds / sum.storeSeconds).toFixed(3)),
  };
};

const results: Result[] = [];
const reads: { engine: string; readAllEventsPerSecond: number }[] = [];
const engines = benchEngines();
const skipped = engines.includes('PGlite') ? ['PGlite with 8 writers: it has one connection, so its appends are serial by design'] : [];

// PGlite on disk, in its worker thread, as the product runs it.
if (engines.includes('PGlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-pglite-'));
  try {
    const pglite = await createPgliteDriver(dir);
    for (const batch of [1, 100]) results.push(await run('PGlite (embedded, on disk)', pglite, 1, batch));
    reads.push({ engine: 'PGlite (embedded, on disk)', readAllEventsPerSecond: await readAllRate(pglite) });
    await pglite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (engines.includes('PostgreSQL')) {
  const database = await createTestDatabase('bench');
  try {
    const db = createPgDriver(database.url, { max: 10 });
    for (const concurrency of [1, 8]) for (const batch of [1, 100]) results.push(await run('PostgreSQL (pg)', db, concurrency, batch));
    reads.push({ engine: 'PostgreSQL (pg)', readAllEventsPerSecond: await readAllRate(db) });
    await db.close();
  } finally {
    await database.drop();
  }
}

const goals: GoalResult[] = results.map((r) => ({
  goal: 3,
  name: `appends, ${r.writers} writer${r.writers === 1 ? '' : 's'}, batches of ${r.batch}`,
  engine: r.engine.startsWith('PGlite') ? 'PGlite' : 'PostgreSQL',
  measured: r.appendEventsPerSecond,
  baseline: r.rawEventsPerSecond,
  unit: 'events/s',
  ratio: r.appendToRawRatio,
  target: `≥ ${GOAL} × raw INSERT`,
  met: r.appendToRawRatio >= GOAL,
  note: `${r.events.toLocaleString('en')} events each side over ${r.rounds} alternating rounds`,
}));
const file = writeBenchResults('event-store', { benchmark: 'event-store append', results, reads }, goals, skipped);
const table = [
  '| engine | writers | events per append | append events/s | raw INSERT events/s | append / raw |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.engine} | ${r.writers} | ${r.batch} | ${r.appendEventsPerSecond.toLocaleString('en')} | ${r.rawEventsPerSecond.toLocaleString('en')} | ${(r.appendToRawRatio * 100).toFixed(0)} % |`,
  ),
].join('\n');
writeFileSync(join(benchResultsDir(), 'event-store.md'), `${table}\n`);
console.log(table);
console.table(reads);
console.log(`written to ${file} and event-store.md`);
