import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { ALL_PROJECTIONS, createProjector, type Projection } from '@hub/read-model';
import { createPgDriver, createPgliteDriver, type SqlDriver } from '@hub/sql';
import { TEST_POSTGRES_ADMIN_URL } from '@hub/sql/testing';
import { generateCompany, SCALES, type Scale } from '@hub/platform/generate';

/*
 * `npm run bench` (rebuild, issue #14 goal 2): the view rebuilt from zero against an ordered scan of
 * the same events — the store read in the same 1,000-event batches the rebuild reads, nothing
 * projected — on the same engine in the same run, rounds alternating which goes first. At the
 * large scale the medium company is rebuilt in the same run too, for the cost per event at 5 M
 * against 500 k (linear?). The projector's peak resident memory across the rebuild (goal 4) is
 * sampled. At the small scale the same rebuild with every projection handed one event at a time
 * (as before set-based projection) runs beside it. Generated companies are kept between runs
 * (PostgreSQL database `hub_bench_<scale>`, PGlite folder in the temp dir) since a large one takes
 * minutes to write. Results: bench-results/rebuild.json. Not a test: nothing fails on time.
 */

const scale = (process.env.BENCH_SCALE ?? 'small') as Scale;
if (!(scale in SCALES)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
// PGlite is single-connection WebAssembly: the large company is PostgreSQL's unless asked for.
const engines = (process.env.BENCH_ENGINES ?? (scale === 'large' ? 'postgres' : 'postgres,pglite')).split(',');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? { small: 3, medium: 2, large: 1 }[scale]);
const SEED = 42;

interface Opened {
  db: SqlDriver;
  store: EventStore;
  events: number;
  close: () => Promise<void>;
}

const progress = (label: string) => {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < 5_000 && done < total) return;
    last = now;
    console.error(`[bench rebuild] ${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
  };
};

/** The generated company of `size` in `db`'s store: reused when a previous run left it complete. */
const company = async (db: SqlDriver, which: Scale, label: string): Promise<{ store: EventStore; events: number }> => {
  const store = await createSqlEventStore(db);
  const { events } = await generateCompany({ append: async () => ({ nextExpectedRevision: 0n, position: 0n }) }, SCALES[which], {
    seed: SEED,
  });
  const [held] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM hub_events.events');
  if (Number(held!.n) === events) return { store, events };
  if (Number(held!.n) !== 0) throw new Error(`${label} holds ${held!.n} events, not the ${events} of the ${which} company: drop it`);
  const show = progress(`generating the ${which} company into ${label}`);
  await generateCompany(store, SCALES[which], { seed: SEED, concurrency: 8, onProgress: (n) => show(n, events) });
  return { store, events };
};

const open = async (engine: string, which: Scale): Promise<Opened> => {
  if (engine === 'pglite') {
    const dir = join(tmpdir(), `hub-bench-${which}-pglite`);
    mkdirSync(dir, { recursive: true });
    const db = await createPgliteDriver(dir);
    const { store, events } = await company(db, which, dir);
    return { db, store, events, close: async () => (await store.close(), await db.close()) };
  }
  const name = `hub_bench_${which}`;
  const admin = createPgDriver(TEST_POSTGRES_ADMIN_URL, { max: 1 });
  const [exists] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  // Generated data can be generated again: its database commits without waiting for the disk, so a
  // large company (millions of one-event appends) is written in minutes. Reads are unaffected.
  if (!exists) {
    await admin.exec(`CREATE DATABASE "${name}"`);
    await admin.exec(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  }
  await admin.close();
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = createPgDriver(url.toString(), { max: 4 });
  const { store, events } = await company(db, which, `database ${name}`);
  return { db, store, events, close: async () => (await store.close(), await db.close()) };
};

const seconds = async (fn: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/** The rebuild's own reading, without projecting: every event in order, 1,000 at a time. */
const scan = async (store: EventStore) => {
  let after: bigint | undefined;
  let n = 0;
  for (;;) {
    const batch = await store.readAll({ ...(after === undefined ? {} : { after }), limit: 1000 });
    if (batch.length === 0) return n;
    n += batch.length;
    after = batch[batch.length - 1]!.position;
  }
};

/** Every projection handed one event at a time: the projector as it was before set-based projection. */
const oneAtATime = (p: Projection): Projection => ({
  ...p,
  apply: async (tx, events) => {
    for (const e of events) await p.apply(tx, [e]);
  },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Resident memory sampled while `fn` runs (the projector is this process; PGlite's worker included). */
const peakRss = async <T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 200);
  try {
    const value = await fn();
    return { value, peakMb: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
};

interface Measured {
  events: number;
  scanPerSecond: number;
  rebuildPerSecond: number;
  oneAtATimePerSecond?: number;
  peakRssMb: number;
}

const measure = async (engine: string, which: Scale): Promise<Measured> => {
  const opened = await open(engine, which);
  try {
    const label = `${engine} ${which} (${opened.events.toLocaleString('en')} events)`;
    const projector = createProjector({ store: opened.store, db: opened.db, log: () => undefined });
    const slow = createProjector({
      store: opened.store,
      db: opened.db,
      projections: ALL_PROJECTIONS.map(oneAtATime),
      log: () => undefined,
    });
    const scans: number[] = [];
    const rebuilds: number[] = [];
    const slows: number[] = [];
    let peakRssMb = 0;
    const show = progress(`${label} rebuild`);
    const rebuild = async () => {
      const { value, peakMb } = await peakRss(() =>
        seconds(() => projector.rebuild(undefined, { onProgress: (_, stats) => show(stats.applied, opened.events) })),
      );
      peakRssMb = Math.max(peakRssMb, peakMb);
      rebuilds.push(value);
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which side goes first, so neither always runs on the warmer cache.
      const sides = [async () => scans.push(await seconds(() => scan(opened.store))), rebuild];
      for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
      if (which === 'small') slows.push(await seconds(() => slow.rebuild()));
      console.error(
        `[bench rebuild] ${label} round ${round + 1}/${ROUNDS}: scan ${scans.at(-1)!.toFixed(1)} s, rebuild ${rebuilds.at(-1)!.toFixed(1)} s`,
      );
    }
    return {
      events: opened.events,
      scanPerSecond: opened.events / median(scans),
      rebuildPerSecond: opened.events / median(rebuilds),
      ...(slows.length > 0 ? { oneAtATimePerSecond: opened.events / median(slows) } : {}),
      peakRssMb,
    };
  } finally {
    await opened.close();
  }
};

const ENGINE_NAMES: Record<string, 'PostgreSQL' | 'PGlite'> = { postgres: 'PostgreSQL', pglite: 'PGlite' };
const goals: object[] = [];
const details: Record<string, unknown> = {};
for (const engine of engines) {
  const name = ENGINE_NAMES[engine];
  if (!name) throw new Error(`BENCH_ENGINES: unknown engine "${engine}" (postgres, pglite)`);
  const m = await measure(engine, scale);
  details[name] = m;
  const ratio = m.rebuildPerSecond / m.scanPerSecond;
  goals.push({
    goal: 2,
    name: `rebuild from zero vs ordered scan (${m.events.toLocaleString('en')} events, events/s)`,
    engine: name,
    measured: Math.round(m.rebuildPerSecond),
    baseline: Math.round(m.scanPerSecond),
    unit: 'events/s',
    ratio,
    target: '≥ 0.30',
    met: ratio >= 0.3,
    ...(m.oneAtATimePerSecond ? { note: `one event at a time (before set-based): ${Math.round(m.oneAtATimePerSecond)} events/s` } : {}),
  });
  goals.push({
    goal: 4,
    name: `projector's peak resident memory across the rebuild (${m.events.toLocaleString('en')} events)`,
    engine: name,
    measured: Math.round(m.peakRssMb),
    baseline: null,
    unit: 'MB',
    ratio: null,
    target: '< 512 MB',
    met: m.peakRssMb < 512,
  });
  if (scale === 'large') {
    const base = await measure(engine, 'medium');
    details[`${name} medium`] = base;
    const perEvent = 1e6 / m.rebuildPerSecond;
    const basePerEvent = 1e6 / base.rebuildPerSecond;
    goals.push({
      goal: 2,
      name: `rebuild cost per event at ${m.events.toLocaleString('en')} vs ${base.events.toLocaleString('en')} events (linear)`,
      engine: name,
      measured: Number(perEvent.toFixed(1)),
      baseline: Number(basePerEvent.toFixed(1)),
      unit: 'µs/event',
      ratio: perEvent / basePerEvent,
      target: '≤ 1.2',
      met: perEvent / basePerEvent <= 1.2,
    });
  }
}

const out = new URL('../../bench-results/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('rebuild.json', out), `${JSON.stringify({ scale, at: new Date().toISOString(), goals, details }, null, 2)}\n`);
for (const g of goals as { name: string; engine: string; measured: number; baseline: number | null; unit: string; ratio: number | null }[])
  console.log(
    `${g.engine.padEnd(10)} ${g.name}: ${g.measured} ${g.unit}${g.baseline === null ? '' : ` vs ${g.baseline}`}${g.ratio === null ? '' : ` (${g.ratio.toFixed(2)})`}`,
  );
console.log('→ bench-results/rebuild.json');
