import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { ALL_PROJECTIONS, createProjector, oneEventAtATime, REBUILD_BATCH } from '@hub/read-model';
import { createPgDriver, createPgliteDriver, type SqlDriver } from '@hub/sql';
import { TEST_POSTGRES_ADMIN_URL } from '@hub/sql/testing';
import { countCompany, generateCompany, SCALES, type CompanySize } from '@hub/platform/generate';
import { progressBar } from '@hub/platform/progress';
import {
  benchEngines,
  benchScale,
  ratioOf,
  writeBenchResults,
  type BenchEngine,
  type BenchScale,
  type GoalResult,
} from '../../scripts/benchGoals';
import { countEvents, KEPT_SEED, keptCompany, keptDatabaseName } from '../../scripts/keptCompany';

/*
 * `npm run bench` (rebuild, issue #14 goal 2): the view rebuilt from zero against an ordered scan of
 * the same events — the store read in the same batches the rebuild reads (REBUILD_BATCH), nothing
 * projected — on the same engine in the same run, rounds alternating which goes first. At the
 * large scale the medium company is rebuilt in the same run too, for the cost per event at 5 M
 * against 500 k (linear?). The projector's peak resident memory across the rebuild (goal 4) is
 * sampled. At the small scale the same rebuild with every projection handed one event at a time
 * (as before set-based projection) runs beside it. Generated companies are kept between runs
 * (PostgreSQL database `hub_bench_<scale>`, PGlite folder in the temp dir) since a large one takes
 * minutes to write. Results: bench-results/rebuild.json. Not a test: nothing fails on time.
 */

const scale = benchScale();
// The smoke scale only proves the bench runs (npm test): a company of a few thousand events.
const SIZES: Record<BenchScale, CompanySize> = {
  smoke: {
    ...SCALES.small,
    employees: 150,
    branches: 10,
    fcsPerBranch: 5,
    cafeSessions: 10,
    townHalls: 3,
    videos: 2,
    viewsPerVideo: 100,
    customers: 100,
    activityWeeks: 4,
  },
  small: SCALES.small,
  medium: SCALES.medium,
  large: SCALES.large,
};
// PGlite is single-connection WebAssembly: the large company is PostgreSQL's unless asked for by name.
const skipped: string[] = [];
const engines = benchEngines().filter((engine) => {
  if (engine !== 'PGlite' || scale !== 'large' || process.env.BENCH_ENGINE === 'pglite') return true;
  skipped.push(
    'large: PGlite (an embedded 5-million-event store takes about half an hour to write here, and its rebuild longer; BENCH_ENGINE=pglite asks for it)',
  );
  return false;
});
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? { smoke: 1, small: 3, medium: 2, large: 1 }[scale]);

interface Opened {
  db: SqlDriver;
  store: EventStore;
  events: number;
  close: () => Promise<void>;
}

/**
 * The generated company of `which` scale on `engine`, kept between runs (a large one takes minutes
 * to write): reused when it holds exactly that company's events, written again otherwise.
 */
const open = async (engine: BenchEngine, which: BenchScale): Promise<Opened> => {
  const { events } = await countCompany(SIZES[which], {
    seed: KEPT_SEED,
  });
  const generate = async (db: SqlDriver, label: string) => {
    const store = await createSqlEventStore(db);
    if ((await countEvents(db)) !== events) {
      const bar = progressBar(`[bench rebuild] generating the ${which} company into ${label}`, events);
      await generateCompany(store, SIZES[which], { seed: KEPT_SEED, concurrency: 8, onProgress: (n) => bar.update(n) });
      bar.done();
    }
    return { db, store, events, close: async () => (await store.close(), await db.close()) };
  };
  if (engine === 'PGlite') {
    const dir = join(tmpdir(), `hub-bench-${which}-pglite`);
    mkdirSync(dir, { recursive: true });
    let db = await createPgliteDriver(dir);
    const held = await countEvents(db);
    if (held !== 0 && held !== events) {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
      db = await createPgliteDriver(dir);
    }
    return generate(db, dir);
  }
  const kept = await keptCompany(which);
  const name = keptDatabaseName(which);
  if (kept.exists && kept.events === events) return generate(createPgDriver(kept.url, { max: 4 }), `database ${name}`);
  const admin = createPgDriver(TEST_POSTGRES_ADMIN_URL, { max: 1 });
  try {
    if (kept.exists) await admin.exec(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE "${name}"`);
    // Generated data can be generated again: its database commits without waiting for the disk, so a
    // large company (millions of one-event appends) is written in minutes. Reads are unaffected.
    await admin.exec(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } finally {
    await admin.close();
  }
  return generate(createPgDriver(kept.url, { max: 4 }), `database ${name}`);
};

const seconds = async (fn: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/** The rebuild's own reading, without projecting: every event in order, in the rebuild's batches. */
const scan = async (store: EventStore) => {
  let after: bigint | undefined;
  let n = 0;
  for (;;) {
    const batch = await store.readAll({ ...(after === undefined ? {} : { after }), limit: REBUILD_BATCH });
    if (batch.length === 0) return n;
    n += batch.length;
    after = batch[batch.length - 1]!.position;
  }
};

/** The middle value (of an even count, the mean of the two middle ones). */
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

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

const measure = async (engine: BenchEngine, which: BenchScale, rounds = ROUNDS): Promise<Measured> => {
  const opened = await open(engine, which);
  try {
    const label = `${engine} ${which} (${opened.events.toLocaleString('en')} events)`;
    const projector = createProjector({ store: opened.store, db: opened.db, log: () => undefined });
    const slow = createProjector({
      store: opened.store,
      db: opened.db,
      projections: ALL_PROJECTIONS.map(oneEventAtATime),
      log: () => undefined,
    });
    const scans: number[] = [];
    const rebuilds: number[] = [];
    const slows: number[] = [];
    let peakRssMb = 0;
    const rebuild = async () => {
      const { value, peakMb } = await peakRss(() =>
        seconds(async () => {
          const bar = progressBar(`[bench rebuild] ${label} rebuild`, opened.events);
          await projector.rebuild(undefined, { onProgress: (_, stats) => bar.update(stats.applied) });
          bar.done();
        }),
      );
      peakRssMb = Math.max(peakRssMb, peakMb);
      rebuilds.push(value);
    };
    for (let round = 0; round < rounds; round++) {
      // Alternating which side goes first, so neither always runs on the warmer cache.
      const sides = [async () => scans.push(await seconds(() => scan(opened.store))), rebuild];
      for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
      if (which === 'small') slows.push(await seconds(() => slow.rebuild()));
      console.error(
        `[bench rebuild] ${label} round ${round + 1}/${rounds}: scan ${scans.at(-1)!.toFixed(1)} s, rebuild ${rebuilds.at(-1)!.toFixed(1)} s`,
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

const goals: GoalResult[] = [];
const details: Record<string, Measured> = {};
for (const engine of engines) {
  const m = await measure(engine, scale);
  details[engine] = m;
  const ratio = ratioOf(m.rebuildPerSecond, m.scanPerSecond);
  goals.push({
    goal: 2,
    name: `rebuild from zero vs an ordered scan of the same ${m.events.toLocaleString('en')} events`,
    engine,
    measured: Math.round(m.rebuildPerSecond),
    baseline: Math.round(m.scanPerSecond),
    unit: 'events/s',
    ratio,
    target: '≥ 0.30 × scan',
    met: ratio !== null && ratio >= 0.3,
    ...(m.oneAtATimePerSecond
      ? { note: `one event at a time (before set-based projection): ${Math.round(m.oneAtATimePerSecond)} events/s` }
      : {}),
  });
  goals.push({
    goal: 4,
    name: `projector's peak resident memory across the rebuild of ${m.events.toLocaleString('en')} events`,
    engine,
    measured: Math.round(m.peakRssMb),
    baseline: null,
    unit: 'MB',
    ratio: null,
    target: '< 512 MB',
    met: m.peakRssMb < 512,
  });
  if (scale === 'large') {
    // Linear? The cost per event at 5 M against 500 k, the medium company rebuilt in the same run.
    // Three rounds of the medium one (half a minute each): one round moves by a fifth between runs.
    const base = await measure(engine, 'medium', 3);
    details[`${engine} medium`] = base;
    const perEvent = 1e6 / m.rebuildPerSecond;
    const basePerEvent = 1e6 / base.rebuildPerSecond;
    const linear = ratioOf(perEvent, basePerEvent);
    goals.push({
      goal: 2,
      name: `rebuild cost per event at ${m.events.toLocaleString('en')} vs ${base.events.toLocaleString('en')} events (linear)`,
      engine,
      measured: Number(perEvent.toFixed(1)),
      baseline: Number(basePerEvent.toFixed(1)),
      unit: 'µs/event',
      ratio: linear,
      target: '≤ 1.2',
      met: linear !== null && linear <= 1.2,
    });
  }
}

const file = writeBenchResults('rebuild', { rounds: ROUNDS, details }, goals, skipped);
for (const g of goals)
  console.log(
    `${(g.engine ?? '').padEnd(10)} ${g.name}: ${g.measured} ${g.unit}${g.baseline === null ? '' : ` vs ${g.baseline}`}${g.ratio === null ? '' : ` (${g.ratio})`}`,
  );
console.log(`→ ${file}`);
