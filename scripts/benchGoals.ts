import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The one result shape of every benchmark (issue #14): each bench writes
 * `bench-results/<bench>.json` with its own details and a top-level `goals` array, which
 * `npm run bench` (scripts/bench.mjs) gathers into one dated table. Imported by relative path from
 * every workspace's bench (run by tsx), so no workspace depends on another for it.
 */

/** The five goals: 1 queries under load, 2 rebuild, 3 appends, 4 memory, 5 the Kafka relay. */
export type GoalNumber = 1 | 2 | 3 | 4 | 5;
export type BenchEngine = 'PostgreSQL' | 'PGlite';

export interface GoalResult {
  goal: GoalNumber;
  /** What was measured, in words: "coverage p95, 20 clients, demo company". */
  name: string;
  engine?: BenchEngine;
  measured: number;
  /** The same work's baseline from the same run (raw INSERT, raw producer, trivial query alone …); null where the goal is absolute. */
  baseline: number | null;
  unit: string;
  /** measured / baseline (null without a baseline). */
  ratio: number | null;
  /** The goal in words: "≥ 0.5 × raw INSERT", "< 50 ms". */
  target: string;
  met: boolean;
  note?: string;
}

/** `smoke` only proves the suite runs (`npm test`); small, medium and large follow `npm run generate`'s scales. */
export const BENCH_SCALES = ['smoke', 'small', 'medium', 'large'] as const;
export type BenchScale = (typeof BENCH_SCALES)[number];

/** BENCH_SCALE, as the runner passes it (small when a bench is run on its own). */
export const benchScale = (): BenchScale => {
  const scale = process.env.BENCH_SCALE ?? 'small';
  if (!(BENCH_SCALES as readonly string[]).includes(scale))
    throw new Error(`BENCH_SCALE must be one of ${BENCH_SCALES.join(', ')}, not "${scale}"`);
  return scale as BenchScale;
};

/** BENCH_ENGINE (pglite, postgres or both; both when unset): which engines a bench measures. */
export const benchEngines = (): BenchEngine[] => {
  const engine = process.env.BENCH_ENGINE ?? 'both';
  if (engine === 'both') return ['PGlite', 'PostgreSQL'];
  if (engine === 'pglite') return ['PGlite'];
  if (engine === 'postgres') return ['PostgreSQL'];
  throw new Error(`BENCH_ENGINE must be pglite, postgres or both, not "${engine}"`);
};

/** bench-results/ at the repository root, or BENCH_RESULTS_DIR (the smoke test writes to a temporary folder). */
export const benchResultsDir = () => {
  const dir = process.env.BENCH_RESULTS_DIR ?? fileURLToPath(new URL('../bench-results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** A ratio kept to three decimals; null when either side is missing or zero. */
export const ratioOf = (measured: number | null, baseline: number | null) =>
  measured === null || baseline === null || baseline === 0 || !Number.isFinite(measured / baseline)
    ? null
    : Number((measured / baseline).toFixed(3));

/**
 * Writes `<bench>.json`: the bench's details, then `goals` (and `skipped`: what this scale or
 * machine left out, with why). Returns the file's path.
 */
export const writeBenchResults = (bench: string, details: Record<string, unknown>, goals: GoalResult[], skipped: string[] = []) => {
  const file = join(benchResultsDir(), `${bench}.json`);
  const body = { bench, at: new Date().toISOString(), scale: benchScale(), node: process.version, ...details, goals, skipped };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
};

/** Whether a value has the shape above (the runner and the smoke test read files written by other processes). */
export const isGoalResult = (x: unknown): x is GoalResult => {
  if (typeof x !== 'object' || x === null) return false;
  const g = x as Record<string, unknown>;
  const numberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
  return (
    [1, 2, 3, 4, 5].includes(g.goal as number) &&
    typeof g.name === 'string' &&
    g.name.length > 0 &&
    (g.engine === undefined || g.engine === 'PostgreSQL' || g.engine === 'PGlite') &&
    typeof g.measured === 'number' &&
    Number.isFinite(g.measured) &&
    numberOrNull(g.baseline) &&
    typeof g.unit === 'string' &&
    numberOrNull(g.ratio) &&
    typeof g.target === 'string' &&
    typeof g.met === 'boolean' &&
    (g.note === undefined || typeof g.note === 'string')
  );
};
