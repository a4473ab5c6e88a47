import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { CoverageQuery, EmployeeGapsQuery, ReachQuery } from '@hub/web/operations';
import { print } from 'graphql';
import { countCompany, SCALES, type Scale } from '../src/generate/company';
import {
  benchEngines,
  benchResultsDir,
  benchScale,
  ratioOf,
  writeBenchResults,
  type BenchEngine,
  type GoalResult,
} from '../../../scripts/benchGoals';
import { countEvents, KEPT_SEED, keptCompany } from '../../../scripts/keptCompany';

/*
 * `npm run bench:load -w @hub/platform` (also part of `npm run bench`): the hub started exactly as
 * `npm start` starts it, then 20 clients over HTTP to 127.0.0.1, each asking the overview's
 * questions (coverage, employee gaps, café-session reach by org unit) with its own periods (mostly
 * the console's presets for varied months, some custom runs of days), segments and channels,
 * bounded in count and time. Side by side in the same run: a trivial
 * `{ __typename }` alone, and the same while the load runs (starvation check), and the hub
 * process's resident memory (itself and any child, peak and during the load). Goals of issue #14:
 * 1 (p95 < 50 ms per question, the trivial query's p95 under load ≤ 2× alone) and 4 (RSS < 512 MB).
 *
 * Companies: the demo (a fresh data folder seeded on the first start, as `npm start` does) at every
 * scale, and from BENCH_SCALE=small up also a generated company of that scale (`npm run generate`,
 * then `npm start` projects it): on PostgreSQL, and on PGlite when asked for (BENCH_ENGINE or
 * --engine naming pglite; at small always). A large company (~5 million events) takes longer to
 * generate and project than a bench run should: generate it once into a database
 * (`DATABASE_URL=… npm run generate -- --scale large`, then `npm start` once to project it) and run
 * the bench with that DATABASE_URL — it is then used as it is (never dropped) at any scale.
 *
 * Options: `--engine pglite|postgres|both` (default BENCH_ENGINE, else both; postgres gets a fresh
 * database on the test server, dropped afterwards), `--label NAME` (default "current"; results of
 * other labels already in bench-results/load.json are kept, so a "before" and an "after" sit side
 * by side). BENCH_LOAD_PGLITE_MAIN=1 adds the demo with PGlite on the gateway's thread (the former
 * default) before the worker, for comparison. Results: bench-results/load.json and load.md. Not a
 * test: nothing fails on time.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCALE = benchScale();
const CLIENTS = 20;
/** smoke proves the bench runs: a few requests, the demo on one engine. */
const PLANS: Record<typeof SCALE, { requestsPerClient: number; probesAlone: number; loadSeconds: number; company?: Scale }> = {
  smoke: { requestsPerClient: 2, probesAlone: 20, loadSeconds: 30 },
  small: { requestsPerClient: 15, probesAlone: 200, loadSeconds: 120, company: 'small' },
  medium: { requestsPerClient: 15, probesAlone: 200, loadSeconds: 120, company: 'medium' },
  large: { requestsPerClient: 15, probesAlone: 200, loadSeconds: 180, company: 'large' },
};
const PLAN = PLANS[SCALE];
const REQUESTS_PER_CLIENT = PLAN.requestsPerClient;
const LOAD_SECONDS = PLAN.loadSeconds;
const REQUEST_TIMEOUT_MS = 30_000;
const PROBES_ALONE = PLAN.probesAlone;
const PROBE_INTERVAL_MS = 50;
const P95_GOAL_MS = 50;
const STARVATION_GOAL = 2;
const RSS_GOAL_MB = 512;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
if (process.argv.includes('--engine')) process.env.BENCH_ENGINE = arg('engine', 'both');
const engines = benchEngines();
/** PGlite for a generated company of medium or large size only when asked for by name (it takes minutes). */
const pgliteAskedFor = process.env.BENCH_ENGINE === 'pglite' || process.env.BENCH_ENGINE === 'both';
type Variant = 'pglite-main' | 'pglite-worker' | 'postgres';
const ENGINE_NAMES: Record<Variant, string> = {
  'pglite-main': "PGlite on the gateway's thread (HUB_PGLITE_THREAD=main, the former default)",
  'pglite-worker': 'PGlite in its own worker thread (npm start)',
  postgres: 'PostgreSQL (DATABASE_URL)',
};
const ENGINE_OF: Record<Variant, BenchEngine> = { 'pglite-main': 'PGlite', 'pglite-worker': 'PGlite', postgres: 'PostgreSQL' };
const label = arg('label', 'current');

// The documents exactly as the console sends them: its own, from web/src/operations.ts.
const COVERAGE = print(CoverageQuery);
const EMPLOYEE_GAPS = print(EmployeeGapsQuery);
const REACH = print(ReachQuery);
const TRIVIAL = '{ __typename }';

/** Deterministic per client: every client asks its own questions, the same in every run. */
const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** What a company holds for the questions to vary over: its org units and the days its history covers. */
type Company = { name: string; days: number; segments: readonly (Record<string, unknown> | null)[] };
const DEMO: Company = {
  name: 'demo',
  // March 2014 – June 2015.
  days: 450,
  segments: [
    null,
    { orgUnitId: 'CORP' },
    { orgUnitId: 'IT' },
    { cafeEligible: true },
    { region: 'Seoul' },
    { gradeAtMost: 'DEPUTY_GENERAL_MANAGER' },
    { orgUnitIds: ['MKT', 'CS'] },
  ],
};
const generatedCompany = (name: string): Company => ({
  name,
  // From March 2014: the generator's café sessions, town halls, videos and PRIDE weeks run for years.
  days: 900,
  segments: [
    null,
    { orgUnitId: 'HQ' },
    { orgUnitId: 'D3' },
    { cafeEligible: true },
    { region: 'Busan' },
    { gradeAtMost: 'DEPUTY_GENERAL_MANAGER' },
    { orgUnitIds: ['D1', 'D2'] },
  ],
});

/** The last day of the month `months` after March 2014 (UTC date arithmetic on calendar days). */
const monthDay = (months: number, dayOfMonth: number) => day(new Date(Date.UTC(2014, 2 + months, dayOfMonth)));
/**
 * A period inside the company's history, as the console asks it: three times in four one of its
 * presets (this month, quarter, year to date, last 12 months) for a reference month, else a custom
 * run of 7 to 91 days from any day.
 */
const period = (random: () => number, company: Company) => {
  const months = Math.floor(company.days / 30);
  if (random() < 0.75) {
    const ref = Math.floor(random() * months);
    const refMonth = (2 + ref) % 12;
    const presets: Record<string, [number, number]> = {
      month: [ref, ref],
      quarter: [ref - (refMonth % 3), ref - (refMonth % 3) + 2],
      ytd: [ref - refMonth, ref],
      last12: [ref - 11, ref],
    };
    const [first, last] = presets[pick(random, Object.keys(presets))]!;
    // Not before the company's first month (March 2014): a period of empty months asks nothing.
    return { fromDay: monthDay(Math.max(first, 0), 1), toDay: monthDay(last + 1, 0) };
  }
  const from = new Date(Date.UTC(2014, 2, 1) + Math.floor(random() * company.days) * 86_400_000);
  const days = pick(random, [7, 30, 31, 91]);
  return { fromDay: day(from), toDay: day(new Date(from.getTime() + (days - 1) * 86_400_000)) };
};
const asOf = (random: () => number) =>
  random() < 0.25 ? new Date(Date.UTC(2015, Math.floor(random() * 6), 1 + Math.floor(random() * 27))).toISOString() : null;
const CHANNELS = [null, 'CAFE_SESSION', 'TOWN_HALL', 'BRANCH_VISIT', 'VIDEO_MESSAGE', 'CUSTOMER_VISIT', 'PRIDE'] as const;

type Ask = { query: 'coverage' | 'gaps' | 'reach'; document: string; variables: Record<string, unknown> };
const ask = (random: () => number, i: number, company: Company): Ask => {
  const kind = (['coverage', 'gaps', 'reach'] as const)[i % 3]!;
  if (kind === 'coverage') {
    return {
      query: kind,
      document: COVERAGE,
      variables: {
        population: pick(random, ['EMPLOYEE', 'FC', 'CUSTOMER']),
        period: period(random, company),
        channel: pick(random, CHANNELS),
        asOf: asOf(random),
      },
    };
  }
  if (kind === 'gaps') {
    const at = new Date(Date.UTC(2014, 5, 1) + Math.floor(random() * (company.days - 60)) * 86_400_000).toISOString();
    return {
      query: kind,
      document: EMPLOYEE_GAPS,
      variables: { at, days: pick(random, [30, 60, 90, 180]), segment: pick(random, company.segments), asOf: asOf(random), first: 50 },
    };
  }
  return { query: kind, document: REACH, variables: { period: period(random, company), asOf: asOf(random) } };
};

type Outcome = { ms: number; ok: boolean; error?: string };
const post = async (url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<Outcome> => {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': 'bench', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    const ms = performance.now() - started;
    if (!response.ok || body.errors?.length)
      return { ms, ok: false, error: body.errors?.[0]?.extensions?.code ?? body.errors?.[0]?.message ?? `HTTP ${response.status}` };
    return { ms, ok: true };
  } catch (e) {
    return { ms: performance.now() - started, ok: false, error: e instanceof Error ? e.name : String(e) };
  }
};

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
};
const summary = (outcomes: Outcome[]) => {
  const ok = outcomes.filter((o) => o.ok).map((o) => o.ms);
  const errors: Record<string, number> = {};
  for (const o of outcomes) if (!o.ok) errors[o.error!] = (errors[o.error!] ?? 0) + 1;
  return {
    requests: outcomes.length,
    ok: ok.length,
    p50Ms: percentile(ok, 50),
    p95Ms: percentile(ok, 95),
    maxMs: percentile(ok, 100),
    /** Failed requests counted at the time they took (a timeout is slow, not missing): what the goal is judged on. */
    p95AllMs: percentile(
      outcomes.map((o) => o.ms),
      95,
    ),
    errors,
  };
};

/** Resident memory (kB) of a process and all its descendants (a worker thread is in its own process's figure). */
const status = (pid: number) => {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
};
const descendants = (pid: number): number[] => {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((t) => {
    try {
      return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
  return [pid, ...children.flatMap(descendants)];
};
/** The hub: `scripts/start.mjs` itself is only a launcher, so count what it started. */
const hubMemoryMb = (launcher: number) => {
  const pids = descendants(launcher).filter((p) => p !== launcher);
  const figures = pids.map(status);
  const mb = (kb: number) => Math.round(kb / 1024);
  return { rssMb: mb(figures.reduce((s, f) => s + f.rss, 0)), peakMb: mb(figures.reduce((s, f) => s + f.peak, 0)), processes: pids.length };
};

type Started = { child: ChildProcess; graphqlUrl: string; token: string; startSeconds: number; stop: () => Promise<void> };
/** `npm start` with the given settings; the caller's store settings never leak in (PGlite means no DATABASE_URL). */
const startHub = (env: Record<string, string>): Promise<Started> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const { DATABASE_URL: _database, EVENTSTORE_URL: _eventStore, ...inherited } = process.env;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO_ROOT,
      env: {
        ...inherited,
        KAFKA_BROKERS: '',
        HUB_RELAY_PORT: '0',
        HUB_GATEWAY_PORT: '0',
        HUB_WEB_PORT: '0',
        HUB_HOST: '127.0.0.1',
        TURBO_TELEMETRY_DISABLED: '1',
        HUB_RATE_LIMIT_PER_MINUTE: '1000000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    // A generated company is projected before the hub says it started: minutes at medium scale.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start was not ready within 30 minutes:\n${out}`));
    }, 1_800_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const graphqlUrl = /GraphQL:\s+(http:\S+)/.exec(out)?.[1];
      const token = /LEADERSHIP\s+Authorization: Bearer (\S+)/.exec(out)?.[1];
      if (graphqlUrl && token && /Started in/.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        resolve({
          child,
          graphqlUrl: graphqlUrl.replace('localhost', '127.0.0.1'),
          token,
          startSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
          stop: async () => {
            child.kill('SIGINT');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm start exited before it was ready:\n${out}`));
    });
  });

/** Seeds the demo once (as the first `npm start` does), measuring the hub's memory while it seeds. */
const seedTemplate = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-load-template-'));
  console.log('[load] npm start on a fresh data folder: seeding the demo company…');
  const hub = await startHub({ HUB_DATA_DIR: dataDir });
  const memory = hubMemoryMb(hub.child.pid!);
  await hub.stop();
  return { dataDir, seedSeconds: hub.startSeconds, memoryAfterSeeding: memory };
};

/** `npm run generate -- --scale …` into a fresh store, as a user would, with its progress on stderr. */
const generate = (scale: Scale, env: Record<string, string>) =>
  new Promise<void>((resolve, reject) => {
    const { DATABASE_URL: _database, EVENTSTORE_URL: _eventStore, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'services/platform/src/bin/generate.ts', '--scale', scale], {
      cwd: REPO_ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run generate -- --scale ${scale} exited with ${code}`))));
  });

const eventCount = async (url: string) => {
  const db = createPgDriver(url, { max: 1 });
  try {
    return await countEvents(db);
  } finally {
    await db.close();
  }
};

/** Where a run's hub keeps its data: a data folder (PGlite, copied from a template or generated), or a database. */
type Store = { dataDir: string; databaseUrl?: string; description: string; dispose: () => Promise<void> };

const runOn = async (variant: Variant, company: Company, store: Store) => {
  const engine = ENGINE_NAMES[variant];
  console.log(`[load] ${engine}, ${company.name} company: npm start (${store.description})…`);
  const hub = await startHub({
    HUB_DATA_DIR: store.dataDir,
    ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
    ...(variant === 'pglite-main' ? { HUB_PGLITE_THREAD: 'main' } : {}),
  });
  const launcher = hub.child.pid!;
  try {
    const memoryAfterStart = hubMemoryMb(launcher);
    const { graphqlUrl: url, token } = hub;
    // Warm up: every query once, so the first-use costs stay out of both sides.
    const warm = prng(1);
    for (let i = 0; i < 6; i++) {
      const a = ask(warm, i, company);
      await post(url, token, a.document, a.variables);
    }

    const alone: Outcome[] = [];
    for (let i = 0; i < PROBES_ALONE; i++) alone.push(await post(url, token, TRIVIAL));

    console.log(`[load] ${engine}: ${CLIENTS} clients × ${REQUESTS_PER_CLIENT} requests (at most ${LOAD_SECONDS} s)…`);
    const byQuery: Record<Ask['query'], Outcome[]> = { coverage: [], gaps: [], reach: [] };
    const underLoad: Outcome[] = [];
    const deadline = performance.now() + LOAD_SECONDS * 1000;
    let running = true;
    let memoryPeakDuringLoad = 0;
    const startedLoad = performance.now();
    // Other work on the machine skews every figure; say how busy it was.
    const loadAverageBefore = loadavg()[0]!;
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      const random = prng(1000 + c);
      for (let i = 0; i < REQUESTS_PER_CLIENT && performance.now() < deadline; i++) {
        const a = ask(random, i + c, company);
        byQuery[a.query].push(await post(url, token, a.document, a.variables));
      }
    });
    // One more client asks the trivial query over and over while the load runs.
    const probe = (async () => {
      while (running) {
        underLoad.push(await post(url, token, TRIVIAL));
        memoryPeakDuringLoad = Math.max(memoryPeakDuringLoad, hubMemoryMb(launcher).rssMb);
        await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
      }
    })();
    await Promise.all(clients);
    const loadSeconds = (performance.now() - startedLoad) / 1000;
    running = false;
    await probe;
    const total = Object.values(byQuery).reduce((s, xs) => s + xs.length, 0);
    const trivialAlone = summary(alone);
    const trivialUnderLoad = summary(underLoad);
    return {
      engine,
      variant,
      company: company.name,
      store: store.description,
      startSeconds: hub.startSeconds,
      machine: {
        cpus: cpus().length,
        loadAverage1mBefore: Number(loadAverageBefore.toFixed(1)),
        loadAverage1mAfter: Number(loadavg()[0]!.toFixed(1)),
      },
      load: {
        clients: CLIENTS,
        seconds: Number(loadSeconds.toFixed(1)),
        requests: total,
        requestsPerSecond: Number((total / loadSeconds).toFixed(1)),
      },
      queries: { coverage: summary(byQuery.coverage), gaps: summary(byQuery.gaps), cafeSessionReachByOrgUnit: summary(byQuery.reach) },
      trivial: {
        alone: trivialAlone,
        underLoad: trivialUnderLoad,
        /** Goal: at most 2 (no starvation). */
        p95Ratio: trivialAlone.p95Ms && trivialUnderLoad.p95Ms ? Number((trivialUnderLoad.p95Ms / trivialAlone.p95Ms).toFixed(1)) : null,
      },
      memory: { afterStart: memoryAfterStart, rssPeakDuringLoadMb: memoryPeakDuringLoad, end: hubMemoryMb(launcher) },
    };
  } finally {
    await hub.stop();
    await store.dispose();
  }
};
type Measured = Awaited<ReturnType<typeof runOn>>;

/** A copy of the seeded demo folder (PGlite), so every PGlite run starts from the same data. */
const demoCopy = (template: string): Store => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-load-'));
  cpSync(template, dataDir, { recursive: true });
  return {
    dataDir,
    description: 'a copy of the seeded demo folder',
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};
/** A fresh database: the hub seeds the demo into it on start, as `npm start` does. */
const demoDatabase = async (): Promise<Store> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-load-'));
  const database = await createTestDatabase('hub_load');
  return {
    dataDir,
    databaseUrl: database.url,
    description: `a fresh database ${database.name}, the demo seeded on start`,
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
};
/**
 * The company the rebuild bench keeps for this scale (database `hub_bench_<scale>`, seed 42,
 * generated and projected by `npm run bench -- --only rebuild`, which the runner runs before this
 * bench), or undefined when there is none, or not a whole one.
 */
const keptWhole = async (scale: Scale): Promise<string | undefined> => {
  const kept = await keptCompany(scale);
  const { events } = await countCompany(SCALES[scale], { seed: KEPT_SEED });
  return kept.exists && kept.events === events ? kept.url : undefined;
};

/**
 * A generated company: DATABASE_URL as it is when given (PostgreSQL), at the large scale else the
 * rebuild bench's kept one, else generated now into a fresh store.
 */
const generatedStore = async (engine: BenchEngine, scale: Scale): Promise<Store> => {
  const given = process.env.DATABASE_URL ?? (engine === 'PostgreSQL' && scale === 'large' ? await keptWhole(scale) : undefined);
  if (engine === 'PostgreSQL' && given) {
    const events = await eventCount(given);
    if (events === 0) throw new Error('DATABASE_URL holds no events: generate a company into it first (npm run generate -- --scale …)');
    // The data folder `npm run generate` used (its master key: the hub refuses a database sealed with another).
    const dataDir = resolve(REPO_ROOT, process.env.HUB_DATA_DIR ?? 'data');
    return {
      dataDir,
      databaseUrl: given,
      description: `${process.env.DATABASE_URL ? 'DATABASE_URL as given' : "the rebuild bench's kept company"}, ${events.toLocaleString('en')} events, master key from ${process.env.HUB_MASTER_KEY ? 'HUB_MASTER_KEY' : dataDir} (kept)`,
      dispose: async () => undefined,
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-load-generated-'));
  const database = engine === 'PostgreSQL' ? await createTestDatabase('hub_load_generated') : undefined;
  console.log(`[load] generating the ${scale} company into ${database ? `database ${database.name}` : 'a fresh PGlite data folder'}…`);
  const started = performance.now();
  await generate(scale, { HUB_DATA_DIR: dataDir, ...(database ? { DATABASE_URL: database.url } : {}) });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return {
    dataDir,
    ...(database ? { databaseUrl: database.url } : {}),
    description: `generated ${scale} in ${seconds} s, projected on start`,
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
};

const resultsFile = join(benchResultsDir(), 'load.json');
type Run = Omit<Measured, 'machine'> & Partial<Pick<Measured, 'machine'>> & { label: string; at: string };
const previous: Run[] = existsSync(resultsFile) ? ((JSON.parse(readFileSync(resultsFile, 'utf8')) as { runs?: Run[] }).runs ?? []) : [];
const runs: Run[] = [];
const skipped: string[] = [];
const failedRuns: string[] = [];
/** One run; a run that fails is reported and the others still run (the bench then exits with 1). */
const record = async (what: string, run: () => Promise<Measured>) => {
  try {
    const measured = await run();
    runs.push({ label, at: new Date().toISOString(), ...measured });
    console.log(JSON.stringify(measured, null, 2));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`[load] ${what} failed: ${message}`);
    failedRuns.push(`${what}: ${message.split('\n').slice(-1)[0]}`);
    process.exitCode = 1;
  }
};

// The demo on every engine asked for (smoke: one engine, PGlite first, only to prove the bench runs).
const demoEngines = SCALE === 'smoke' ? engines.slice(0, 1) : engines;
if (SCALE === 'smoke' && engines.length > 1)
  skipped.push(`smoke: the demo on ${engines.slice(1).join(', ')} (one engine proves the bench runs)`);
let seeding: Awaited<ReturnType<typeof seedTemplate>> | undefined;
if (demoEngines.includes('PGlite')) {
  // One seeded folder for every PGlite run (the former thread first when asked for), side by side.
  seeding = await seedTemplate();
  try {
    const template = seeding.dataDir;
    if (process.env.BENCH_LOAD_PGLITE_MAIN === '1')
      await record('demo, PGlite on the main thread', () => runOn('pglite-main', DEMO, demoCopy(template)));
    await record('demo, PGlite', () => runOn('pglite-worker', DEMO, demoCopy(template)));
  } finally {
    rmSync(seeding.dataDir, { recursive: true, force: true });
  }
}
if (demoEngines.includes('PostgreSQL')) await record('demo, PostgreSQL', async () => runOn('postgres', DEMO, await demoDatabase()));

// A generated company of the run's scale.
if (PLAN.company === undefined) skipped.push('smoke: no generated company (the demo only)');
else {
  const scale = PLAN.company;
  const company = generatedCompany(`generated ${scale}`);
  for (const engine of engines) {
    if (engine === 'PostgreSQL' && scale === 'large' && !process.env.DATABASE_URL && !(await keptWhole(scale))) {
      skipped.push(
        'large company on PostgreSQL: none at hand — the rebuild bench writes one (database hub_bench_large) when it runs before this one; or generate one and give its DATABASE_URL',
      );
      continue;
    }
    if (engine === 'PGlite' && scale !== 'small' && !pgliteAskedFor) {
      skipped.push(
        `${scale} company on PGlite: not asked for (BENCH_ENGINE or --engine pglite|both; it takes many minutes to generate and project)`,
      );
      continue;
    }
    if (engine === 'PGlite' && scale === 'large') {
      skipped.push(
        'large company on PGlite: no pre-generated data folder is taken (only DATABASE_URL), and generating it here takes too long',
      );
      continue;
    }
    await record(`${company.name}, ${engine}`, async () =>
      runOn(engine === 'PGlite' ? 'pglite-worker' : 'postgres', company, await generatedStore(engine, scale)),
    );
  }
}

// The goals, from this run only (a kept "before" label is history, not this run's result).
const goals: GoalResult[] = [];
for (const run of runs) {
  if (run.variant === 'pglite-main') continue; // a comparison with the former default, not the product
  const engine = ENGINE_OF[run.variant];
  const baseline = run.trivial.alone.p95Ms;
  const where = `${run.company} company, ${CLIENTS} clients`;
  for (const [kind, s] of Object.entries(run.queries)) {
    const failed = s.requests - s.ok;
    const measured = s.p95AllMs ?? 0;
    goals.push({
      goal: 1,
      name: `${kind} p95, ${where}`,
      engine,
      measured,
      baseline,
      unit: 'ms',
      ratio: ratioOf(measured, baseline),
      target: `< ${P95_GOAL_MS} ms`,
      met: s.requests > 0 && failed === 0 && measured < P95_GOAL_MS,
      note: `${s.requests} requests${failed ? `, ${failed} failed (${Object.keys(s.errors).join(', ')})` : ''}; baseline: the trivial query's p95 alone`,
    });
  }
  // Judged like the questions: every request at the time it took, and none may fail.
  const trivialFailed = run.trivial.underLoad.requests - run.trivial.underLoad.ok;
  const underLoad = run.trivial.underLoad.p95AllMs ?? 0;
  const ratio = ratioOf(underLoad, baseline);
  goals.push({
    goal: 1,
    name: `{ __typename } p95 under the load vs alone, ${where}`,
    engine,
    measured: underLoad,
    baseline,
    unit: 'ms',
    ratio,
    target: `≤ ${STARVATION_GOAL}× alone`,
    met: run.trivial.underLoad.requests > 0 && trivialFailed === 0 && ratio !== null && ratio <= STARVATION_GOAL,
    ...(trivialFailed ? { note: `${trivialFailed} of ${run.trivial.underLoad.requests} failed under the load` } : {}),
  });
  if (run.company === DEMO.name)
    goals.push({
      goal: 4,
      name: `npm start on the demo${engine === 'PostgreSQL' ? ' (seeding it)' : ''} serving ${CLIENTS} clients: peak RSS`,
      engine,
      measured: run.memory.end.peakMb,
      baseline: null,
      unit: 'MB',
      ratio: null,
      target: `< ${RSS_GOAL_MB} MB`,
      met: run.memory.end.peakMb < RSS_GOAL_MB,
      note: 'the hub process and its children, peak resident set (VmHWM)',
    });
}
if (seeding)
  goals.push({
    goal: 4,
    name: 'npm start seeding the demo (first start): peak RSS',
    engine: 'PGlite',
    measured: seeding.memoryAfterSeeding.peakMb,
    baseline: null,
    unit: 'MB',
    ratio: null,
    target: `< ${RSS_GOAL_MB} MB`,
    met: seeding.memoryAfterSeeding.peakMb < RSS_GOAL_MB,
    note: `seeded in ${seeding.seedSeconds} s`,
  });

const sameRun = (a: Run, b: Run) => a.label === b.label && a.engine === b.engine && (a.company ?? DEMO.name) === (b.company ?? DEMO.name);
const kept = previous.filter((p) => !runs.some((r) => sameRun(r, p)));
const all = [...kept, ...runs];
const file = writeBenchResults(
  'load',
  {
    benchmark: 'load: 20 clients on the overview queries against npm start',
    machine: `${cpus().length} cores`,
    ...(seeding ? { demoSeeding: { label, seconds: seeding.seedSeconds, memoryAfterSeeding: seeding.memoryAfterSeeding } } : {}),
    runs: all,
    failedRuns,
  },
  goals,
  skipped,
);

const cell = (s: { p50Ms: number | null; p95Ms: number | null; requests: number; ok: number }) =>
  `${s.p50Ms ?? '–'} / ${s.p95Ms ?? '–'}${s.ok < s.requests ? ` (${s.requests - s.ok} failed)` : ''}`;
const table = [
  '| run | company | engine | load avg | coverage p50 / p95 ms | gaps p50 / p95 ms | reach p50 / p95 ms | req/s | `{ __typename }` p95 alone → under load (ratio, goal ≤ 2) | RSS peak / under load MB |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...all.map(
    (r) =>
      `| ${r.label} | ${r.company ?? DEMO.name} | ${r.engine} | ${r.machine ? `${r.machine.loadAverage1mBefore}–${r.machine.loadAverage1mAfter} on ${r.machine.cpus} cores` : '–'} | ${cell(r.queries.coverage)} | ${cell(r.queries.gaps)} | ${cell(r.queries.cafeSessionReachByOrgUnit)} | ${r.load.requestsPerSecond} | ${r.trivial.alone.p95Ms} → ${r.trivial.underLoad.p95Ms} (${r.trivial.p95Ratio}×) | ${r.memory.end.peakMb} / ${r.memory.rssPeakDuringLoadMb} |`,
  ),
].join('\n');
writeFileSync(join(benchResultsDir(), 'load.md'), `${table}\n`);
console.log(`\n${table}\n→ ${file}, load.md`);
if (skipped.length) console.log(`skipped:\n- ${skipped.join('\n- ')}`);
