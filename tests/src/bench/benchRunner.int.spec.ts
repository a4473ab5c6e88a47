import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isGoalResult } from '../../../scripts/benchGoals';
import { REPO_ROOT } from '../support/product';

/*
 * `npm run bench` at its smoke scale (issue #14): every bench runs to its end with tiny sizes —
 * real PostgreSQL, PGlite, a real Kafka broker and `npm start` on the demo — and the runner writes
 * a dated summary whose goal entries all have the shape of scripts/benchGoals.ts. Nothing here
 * looks at a figure: `npm test` never fails on speed.
 */

const bench = (args: string[], resultsDir: string, env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/bench.mjs', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, BENCH_RESULTS_DIR: resultsDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });

type Summary = {
  scale: string;
  machine: { cpus: number; memoryGiB: number; node: string; loadAverage: { before: number[]; after: number[] } };
  commit: { sha: string; dirty: boolean };
  benches: { name: string; status: string; exitCode?: number; seconds?: number; file?: string }[];
  goals: (Record<string, unknown> & { bench: string })[];
};

describe('npm run bench -- --scale smoke', () => {
  const resultsDir = mkdtempSync(join(tmpdir(), 'hub-bench-smoke-'));
  afterAll(() => rmSync(resultsDir, { recursive: true, force: true }));

  it('refuses an unknown scale, bench or engine with its usage and writes nothing', async () => {
    for (const args of [
      ['--scale', 'huge'],
      ['--only', 'load,nope'],
      ['--engine', 'mysql'],
    ]) {
      const run = await bench(args, resultsDir);
      expect(run.code, run.output).toBe(2);
      expect(run.output).toMatch(/unknown (scale|bench|engine)/);
      expect(run.output).toMatch(/usage: npm run bench --/);
    }
    expect(readdirSync(resultsDir)).toEqual([]);
  });

  it('records a bench that crashes with its exit code, writes the summary anyway and exits with 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-bench-crash-'));
    try {
      // No PostgreSQL on port 1: the append bench cannot create its database and crashes at once.
      const run = await bench(['--scale', 'smoke', '--only', 'event-store', '--engine', 'postgres'], dir, {
        TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
      });
      expect(run.code, run.output).toBe(1);
      const file = readdirSync(dir).find((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))!;
      const summary = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Summary;
      expect(summary.benches).toEqual([expect.objectContaining({ name: 'event-store', status: 'failed', exitCode: 1 })]);
      expect(summary.goals).toEqual([]);
      expect(readFileSync(join(dir, 'latest.md'), 'utf8')).toMatch(/- event-store: failed \(exit code 1\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs every bench and writes a dated summary with valid goal entries', { timeout: 900_000 }, async () => {
    const run = await bench(['--scale', 'smoke'], resultsDir);
    expect(run.code, run.output).toBe(0);
    const date = new Date().toISOString().slice(0, 10);
    // A run across midnight (UTC) names its files by the day it started.
    const summaryFile = readdirSync(resultsDir).find((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f));
    expect(summaryFile, readdirSync(resultsDir).join(', ')).toBeDefined();
    expect([date, new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)]).toContain(summaryFile!.slice(0, 10));
    const summary = JSON.parse(readFileSync(join(resultsDir, summaryFile!), 'utf8')) as Summary;

    // Where the time went, for the test log (the smoke run is the slowest spec here).
    console.log(`bench smoke run: ${summary.benches.map((b) => `${b.name} ${b.status} ${b.seconds ?? 0} s`).join(', ')}`);
    expect(summary.scale).toBe('smoke');
    expect(summary.machine.cpus).toBeGreaterThan(0);
    expect(summary.machine.memoryGiB).toBeGreaterThan(0);
    expect(summary.machine.node).toBe(process.version);
    expect(summary.machine.loadAverage.before).toHaveLength(3);
    expect(summary.commit.sha).toMatch(/^[0-9a-f]{40}$/);

    // Every bench ran to its end.
    const names = summary.benches.map((b) => b.name);
    expect(names).toEqual(['event-store', 'relay', 'rebuild', 'view', 'history-import', 'load']);
    for (const b of summary.benches) {
      expect(b.status, `${b.name}: ${JSON.stringify(b)}`).toBe('ok');
      const own = JSON.parse(readFileSync(join(resultsDir, `${b.name}.json`), 'utf8')) as { goals: unknown[]; scale: string };
      expect(own.scale).toBe('smoke');
      expect(Array.isArray(own.goals)).toBe(true);
      for (const g of own.goals) expect(isGoalResult(g), JSON.stringify(g)).toBe(true);
    }

    // The goals the suite measures, each with the shape of scripts/benchGoals.ts.
    for (const { bench: from, ...g } of summary.goals) {
      expect(isGoalResult(g), JSON.stringify(g)).toBe(true);
      expect(names).toContain(from);
    }
    const measured = new Set(summary.goals.map((g) => g.goal));
    for (const goal of [1, 2, 3, 4, 5]) expect(measured, `goal ${goal}`).toContain(goal);

    // One Markdown table, the same in the dated file and latest.md, a row per goal entry.
    const markdown = readFileSync(join(resultsDir, `${summaryFile!.slice(0, 10)}.md`), 'utf8');
    expect(readFileSync(join(resultsDir, 'latest.md'), 'utf8')).toBe(markdown);
    expect(markdown).toMatch(/\| goal \| what \| engine \| measured \| baseline \| ratio \| target \| met \|/);
    expect(markdown.split('\n').filter((l) => /^\| [1-5] \|/.test(l))).toHaveLength(summary.goals.length);
    expect(existsSync(join(resultsDir, 'load.md'))).toBe(true);
  });
});
