import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@hub/sql/testing';
import { CoverageQuery, EmployeeGapsQuery, ReachQuery } from '@hub/web/operations';
import { print } from 'graphql';

/*
 * `npm run bench:load -w @hub/platform` (also part of `npm run bench`): the hub started exactly as
 * `npm start` starts it (demo company, fresh data folder), then 20 clients over HTTP to 127.0.0.1,
 * each asking the overview's questions (coverage, employee gaps, café-session reach by org unit)
 * with its own periods, segments and channels, bounded in count and time. Side by side in the same
 * run: a trivial `{ __typename }` alone, and the same while the load runs (starvation check), and
 * the hub process's resident memory (itself and any child, peak and during the load).
 *
 * Options: `--engine pglite|postgres|both` (default pglite; postgres gets a fresh database on the
 * test server, dropped afterwards), `--label NAME` (default "current"; results of other labels
 * already in bench-results/load.json are kept, so a "before" and an "after" sit side by side).
 * Results: bench-results/load.json and bench-results/load.md. Not a test: nothing fails on time.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 15;
const LOAD_SECONDS = 120;
const REQUEST_TIMEOUT_MS = 30_000;
const PROBES_ALONE = 200;
const PROBE_INTERVAL_MS = 50;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const engines = ((e) => (e === 'both' ? ['pglite', 'postgres'] : [e]))(arg('engine', 'pglite')) as ('pglite' | 'postgres')[];
type Variant = 'pglite-main' | 'pglite-worker' | 'postgres';
const ENGINE_NAMES: Record<Variant, string> = {
  'pglite-main': "PGlite on the gateway's thread (HUB_PGLITE_THREAD=main, the former default)",
  'pglite-worker': 'PGlite in its own worker thread (npm start)',
  postgres: 'PostgreSQL (DATABASE_URL)',
};
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

/** A period inside the demo's history (March 2014 – June 2015): a week to a quarter. */
const period = (random: () => number) => {
  const from = new Date(Date.UTC(2014, 2, 1) + Math.floor(random() * 450) * 86_400_000);
  const days = pick(random, [7, 30, 31, 91]);
  return { fromDay: day(from), toDay: day(new Date(from.getTime() + (days - 1) * 86_400_000)) };
};
const asOf = (random: () => number) =>
  random() < 0.25 ? new Date(Date.UTC(2015, Math.floor(random() * 6), 1 + Math.floor(random() * 27))).toISOString() : null;
const CHANNELS = [null, 'CAFE_SESSION', 'TOWN_HALL', 'BRANCH_VISIT', 'VIDEO_MESSAGE', 'CUSTOMER_VISIT', 'PRIDE'] as const;
const SEGMENTS = [
  null,
  { orgUnitId: 'CORP' },
  { orgUnitId: 'IT' },
  { cafeEligible: true },
  { region: 'Seoul' },
  { gradeAtMost: 'DEPUTY_GENERAL_MANAGER' },
  { orgUnitIds: ['MKT', 'CS'] },
] as const;

type Ask = { query: 'coverage' | 'gaps' | 'reach'; document: string; variables: Record<string, unknown> };
const ask = (random: () => number, i: number): Ask => {
  const kind = (['coverage', 'gaps', 'reach'] as const)[i % 3]!;
  if (kind === 'coverage') {
    return {
      query: kind,
      document: COVERAGE,
      variables: {
        population: pick(random, ['EMPLOYEE', 'FC', 'CUSTOMER']),
        period: period(random),
        channel: pick(random, CHANNELS),
        asOf: asOf(random),
      },
    };
  }
  if (kind === 'gaps') {
    const at = new Date(Date.UTC(2014, 5, 1) + Math.floor(random() * 390) * 86_400_000).toISOString();
    return {
      query: kind,
      document: EMPLOYEE_GAPS,
      variables: { at, days: pick(random, [30, 60, 90, 180]), segment: pick(random, SEGMENTS), asOf: asOf(random), first: 50 },
    };
  }
  return { query: kind, document: REACH, variables: { period: period(random), asOf: asOf(random) } };
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
const startHub = (env: Record<string, string>): Promise<Started> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
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
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start was not ready within 15 minutes:\n${out}`));
    }, 900_000);
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

const runOn = async (variant: Variant, template?: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-load-'));
  if (template) cpSync(template, dataDir, { recursive: true });
  const database = variant === 'postgres' ? await createTestDatabase('hub_load') : undefined;
  const engine = ENGINE_NAMES[variant];
  console.log(
    `[load] ${engine}: npm start${database ? ` on a fresh database ${database.name} (seeding the demo company)` : ' on a copy of the seeded data folder'}…`,
  );
  const hub = await startHub({
    HUB_DATA_DIR: dataDir,
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(variant === 'pglite-main' ? { HUB_PGLITE_THREAD: 'main' } : {}),
  });
  const launcher = hub.child.pid!;
  try {
    const memoryAfterStart = hubMemoryMb(launcher);
    const { graphqlUrl: url, token } = hub;
    // Warm up: every query once, so the first-use costs stay out of both sides.
    const warm = prng(1);
    for (let i = 0; i < 6; i++) await post(url, token, ask(warm, i).document, ask(warm, i).variables);

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
        const a = ask(random, i + c);
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
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
};

const out = new URL('../../../bench-results/', import.meta.url);
mkdirSync(out, { recursive: true });
const file = new URL('load.json', out);
type Run = Omit<Awaited<ReturnType<typeof runOn>>, 'machine'> &
  Partial<Pick<Awaited<ReturnType<typeof runOn>>, 'machine'>> & { label: string; at: string };
const previous: Run[] = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { runs?: Run[] }).runs ?? []) : [];
const runs: Run[] = [];
const record = (run: Awaited<ReturnType<typeof runOn>>) => {
  runs.push({ label, at: new Date().toISOString(), ...run });
  console.log(JSON.stringify(run, null, 2));
};
let seeding: Awaited<ReturnType<typeof seedTemplate>> | undefined;
if (engines.includes('pglite')) {
  // The same seeded folder for both, the baseline (the former thread) first, side by side in one run.
  seeding = await seedTemplate();
  try {
    record(await runOn('pglite-main', seeding.dataDir));
    record(await runOn('pglite-worker', seeding.dataDir));
  } finally {
    rmSync(seeding.dataDir, { recursive: true, force: true });
  }
}
if (engines.includes('postgres')) record(await runOn('postgres'));
const kept = previous.filter((p) => !runs.some((r) => r.label === p.label && r.engine === p.engine));
const all = [...kept, ...runs];
const result = {
  benchmark: 'load: 20 clients on the overview queries against npm start',
  machine: 'shared, 2 cores',
  node: process.version,
  ...(seeding ? { demoSeeding: { label, seconds: seeding.seedSeconds, memoryAfterSeeding: seeding.memoryAfterSeeding } } : {}),
  runs: all,
};
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);

const cell = (s: { p50Ms: number | null; p95Ms: number | null; requests: number; ok: number }) =>
  `${s.p50Ms ?? '–'} / ${s.p95Ms ?? '–'}${s.ok < s.requests ? ` (${s.requests - s.ok} failed)` : ''}`;
const table = [
  '| run | engine | load avg | coverage p50 / p95 ms | gaps p50 / p95 ms | reach p50 / p95 ms | req/s | `{ __typename }` p95 alone → under load (ratio, goal ≤ 2) | RSS peak / under load MB |',
  '|---|---|---|---|---|---|---|---|---|',
  ...all.map(
    (r) =>
      `| ${r.label} | ${r.engine} | ${r.machine ? `${r.machine.loadAverage1mBefore}–${r.machine.loadAverage1mAfter} on ${r.machine.cpus} cores` : '–'} | ${cell(r.queries.coverage)} | ${cell(r.queries.gaps)} | ${cell(r.queries.cafeSessionReachByOrgUnit)} | ${r.load.requestsPerSecond} | ${r.trivial.alone.p95Ms} → ${r.trivial.underLoad.p95Ms} (${r.trivial.p95Ratio}×) | ${r.memory.end.peakMb} / ${r.memory.rssPeakDuringLoadMb} |`,
  ),
].join('\n');
writeFileSync(new URL('load.md', out), `${table}\n`);
console.log(`\n${table}\n→ bench-results/load.json, bench-results/load.md`);
