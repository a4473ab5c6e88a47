#!/usr/bin/env node
// `npm run bench -- [--scale smoke|small|medium|large] [--only name,…] [--engine pglite|postgres|both]`:
// every benchmark of issue #14, one after another (they are heavy: never two at once), each with
// its baseline in the same run; then one summary of every bench's `goals` (scripts/benchGoals.ts)
// in bench-results/<YYYY-MM-DD>.json and .md, and latest.md. A bench that crashes is recorded and
// the others still run; only a crash makes the exit code non-zero — never a goal missed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;

/** Each bench: its workspace script, and the file it writes (`<name>.json` in the results folder). */
const BENCHES = [
  {
    name: 'event-store',
    dir: 'services/event-store-sql',
    workspace: '@hub/event-store-sql',
    script: 'bench',
    what: 'goal 3: appends vs raw INSERT',
  },
  {
    name: 'relay',
    dir: 'services/stream-relay',
    workspace: '@hub/stream-relay',
    script: 'bench',
    what: 'goal 5: Kafka relay vs raw producer',
  },
  {
    name: 'rebuild',
    dir: 'tests',
    workspace: '@hub/tests',
    script: 'bench:rebuild',
    what: 'goals 2 and 4: rebuild vs ordered scan, projector memory',
  },
  { name: 'view', dir: 'tests', workspace: '@hub/tests', script: 'bench', what: 'single-client view queries' },
  {
    name: 'history-import',
    dir: 'services/platform',
    workspace: '@hub/platform',
    script: 'bench:history-import',
    what: 'history import vs single mutations',
  },
  { name: 'load', dir: 'services/platform', workspace: '@hub/platform', script: 'bench:load', what: 'goals 1 and 4: 20 clients, memory' },
];
const SCALES = ['smoke', 'small', 'medium', 'large'];
const ENGINES = ['pglite', 'postgres', 'both'];
const USAGE = `usage: npm run bench -- [--scale ${SCALES.join('|')}] [--only ${BENCHES.map((b) => b.name).join(',')}] [--engine ${ENGINES.join('|')}]`;

const fail = (message) => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};
let values;
try {
  ({ values } = parseArgs({
    options: { scale: { type: 'string' }, only: { type: 'string' }, engine: { type: 'string' }, help: { type: 'boolean' } },
  }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = values.scale ?? 'small';
if (!SCALES.includes(scale)) fail(`unknown scale "${scale}"`);
if (values.engine !== undefined && !ENGINES.includes(values.engine)) fail(`unknown engine "${values.engine}"`);
const only = values.only
  ?.split(',')
  .map((n) => n.trim())
  .filter(Boolean);
const unknown = only?.filter((n) => !BENCHES.some((b) => b.name === n)) ?? [];
if (unknown.length) fail(`unknown bench ${unknown.map((n) => `"${n}"`).join(', ')}`);
const selected = only ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;

const resultsDir = resolve(process.env.BENCH_RESULTS_DIR ?? join(root, 'bench-results'));
mkdirSync(resultsDir, { recursive: true });
const env = {
  ...process.env,
  BENCH_SCALE: scale,
  BENCH_RESULTS_DIR: resultsDir,
  // Unset unless given: each bench then measures both engines, and the load bench runs a generated
  // company on PGlite only when asked for by name (it takes minutes at medium scale).
  ...(values.engine ? { BENCH_ENGINE: values.engine } : {}),
  TURBO_TELEMETRY_DISABLED: '1',
};

const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
const loadAverageBefore = loadavg().map((l) => Number(l.toFixed(2)));
const startedAt = new Date();
const started = Date.now();

/** Shape checks for a goal entry written by another process (the type is in scripts/benchGoals.ts). */
const numberOrNull = (v) => v === null || (typeof v === 'number' && Number.isFinite(v));
const isGoal = (g) =>
  typeof g === 'object' &&
  g !== null &&
  [1, 2, 3, 4, 5].includes(g.goal) &&
  typeof g.name === 'string' &&
  typeof g.measured === 'number' &&
  numberOrNull(g.baseline) &&
  typeof g.unit === 'string' &&
  numberOrNull(g.ratio) &&
  typeof g.target === 'string' &&
  typeof g.met === 'boolean';

const runBench = (bench) =>
  new Promise((done) => {
    const child = spawn('npm', ['run', bench.script, '--silent', '-w', bench.workspace], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
    child.on('error', () => done(127));
  });

const benches = [];
const goals = [];
for (const [i, bench] of selected.entries()) {
  const pkgFile = join(root, bench.dir, 'package.json');
  const present = existsSync(pkgFile) && Boolean(JSON.parse(readFileSync(pkgFile, 'utf8')).scripts?.[bench.script]);
  const step = `[bench] (${i + 1}/${selected.length}) ${bench.name} (${bench.what})`;
  if (!present) {
    console.log(`${step}: not present (no "${bench.script}" script in ${bench.workspace}), skipped`);
    benches.push({ name: bench.name, status: 'not present', seconds: 0 });
    continue;
  }
  console.log(`\n${step}: npm run ${bench.script} -w ${bench.workspace}, scale ${scale}…`);
  const benchStarted = Date.now();
  const exitCode = await runBench(bench);
  const seconds = Math.round((Date.now() - benchStarted) / 1000);
  const file = join(resultsDir, `${bench.name}.json`);
  // Only a file written by this run counts: an older one is another run's result.
  const fresh = existsSync(file) && statSync(file).mtimeMs >= benchStarted;
  let status = exitCode === 0 ? 'ok' : 'failed';
  let entry = { name: bench.name, status, exitCode, seconds };
  // A bench that failed part way may still have written what it measured: its goals count too.
  if (!fresh && exitCode === 0) status = 'no results';
  else if (fresh) {
    try {
      const written = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(written.goals) || !written.goals.every(isGoal)) status = exitCode === 0 ? 'invalid results' : status;
      else {
        for (const g of written.goals) goals.push({ bench: bench.name, ...g });
        entry = {
          ...entry,
          file: `${bench.name}.json`,
          goals: written.goals.length,
          skipped: written.skipped ?? [],
          ...(written.failedRuns?.length ? { failedRuns: written.failedRuns } : {}),
        };
      }
    } catch (e) {
      if (exitCode === 0) status = `invalid results (${e instanceof Error ? e.message : String(e)})`;
    }
  }
  entry.status = status;
  benches.push(entry);
  const met = goals.filter((g) => g.bench === bench.name && g.met).length;
  const count = goals.filter((g) => g.bench === bench.name).length;
  console.log(
    `[bench] ${bench.name}: ${status}${exitCode ? ` (exit code ${exitCode})` : ''} in ${seconds} s${count ? `, ${met} of ${count} goal figures met` : ''}`,
  );
}

const date = startedAt.toISOString().slice(0, 10);
const summary = {
  at: startedAt.toISOString(),
  scale,
  engine: values.engine ?? 'both',
  seconds: Math.round((Date.now() - started) / 1000),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    freeMemoryGiBAtEnd: Number((freemem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { before: loadAverageBefore, after: loadavg().map((l) => Number(l.toFixed(2))) },
  },
  commit: { sha: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain').length > 0 },
  benches,
  goals,
};
writeFileSync(join(resultsDir, `${date}.json`), `${JSON.stringify(summary, null, 2)}\n`);

const number = (n) => (n === null ? '–' : n.toLocaleString('en', { maximumFractionDigits: n < 10 ? 2 : 1 }));
// Three significant digits: a ratio of 1.202 against "≤ 1.2" must not read 1.2.
const ratio = (n) => (n === null ? '–' : n.toLocaleString('en', { maximumSignificantDigits: 3 }));
const cell = (s) => String(s).replaceAll('|', '\\|');
const m = summary.machine;
const markdown = [
  `## Benchmarks, ${date} (scale ${scale}, engine ${summary.engine})`,
  '',
  `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, load average ${m.loadAverage.before.join(' / ')} before and ${m.loadAverage.after.join(' / ')} after (1/5/15 min); commit ${summary.commit.sha.slice(0, 10)}${summary.commit.dirty ? ' with uncommitted changes' : ''}; ${summary.seconds} s in all.`,
  '',
  '| goal | what | engine | measured | baseline | ratio | target | met |',
  '| ---: | --- | --- | ---: | ---: | ---: | --- | :---: |',
  ...goals
    .sort((a, b) => a.goal - b.goal)
    .map(
      (g) =>
        `| ${g.goal} | ${cell(g.name)} | ${g.engine ?? '–'} | ${number(g.measured)} ${g.unit} | ${g.baseline === null ? '–' : `${number(g.baseline)} ${g.unit}`} | ${ratio(g.ratio)} | ${cell(g.target)} | ${g.met ? '✅' : '❌'} |`,
    ),
  '',
  'Benches:',
  ...benches.map(
    (b) =>
      `- ${b.name}: ${b.status}${b.exitCode ? ` (exit code ${b.exitCode})` : ''}${b.seconds ? `, ${b.seconds} s` : ''}${b.failedRuns ? `; failed: ${b.failedRuns.join('; ')}` : ''}${b.skipped?.length ? `; left out: ${b.skipped.join('; ')}` : ''}`,
  ),
  '',
].join('\n');
writeFileSync(join(resultsDir, `${date}.md`), markdown);
writeFileSync(join(resultsDir, 'latest.md'), markdown);
console.log(`\n${markdown}\n→ ${join(resultsDir, `${date}.json`)}, ${date}.md and latest.md`);

const crashed = benches.filter((b) => b.status === 'failed');
if (crashed.length) console.log(`[bench] crashed: ${crashed.map((b) => `${b.name} (exit code ${b.exitCode})`).join(', ')}`);
process.exit(crashed.length ? 1 : 0);
