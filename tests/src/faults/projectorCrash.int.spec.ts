import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSqlEventStore } from '@hub/event-store-sql';
import { createProjector } from '@hub/read-model';
import { createPgDriver, createPgliteDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCompany, HUNDRED_THOUSAND_EVENTS, SCALES } from '@hub/platform/generate';
import { dumpView } from '@hub/read-model/testing';

const ROOT = resolve(import.meta.dirname, '../../..');
const KILLS = 20;
/** Print it; run again with CRASH_SEED=<seed> to kill at the same moments. */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);

const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

/** Where the hub's data is: a database on the shared server, or a PGlite folder the child owns while it runs. */
interface Engine {
  env: Record<string, string>;
  /** Opens the data in this process (for PGlite, only while no child runs). */
  open(): Promise<SqlDriver>;
  dispose(): Promise<void>;
}

const CASES = [
  {
    name: 'PostgreSQL',
    size: HUNDRED_THOUSAND_EVENTS,
    atLeast: 100_000,
    async engine(): Promise<Engine> {
      const database = await createTestDatabase('crash_projector');
      return { env: { DATABASE_URL: database.url }, open: async () => createPgDriver(database.url), dispose: () => database.drop() };
    },
  },
  {
    // Single-connection PGlite replays about 700 events/s here: a fifth of the data keeps the test in minutes.
    name: 'embedded PGlite',
    size: SCALES.small,
    atLeast: 20_000,
    async engine(): Promise<Engine> {
      const dataDir = mkdtempSync(join(tmpdir(), 'hub-crash-'));
      return {
        env: { HUB_DATA_DIR: dataDir },
        open: () => createPgliteDriver(join(dataDir, 'pglite')),
        dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
];

/*
 * The projector runs as its own process (services/platform/src/bin/projector.ts) replaying a
 * generated company from zero, and is killed with SIGKILL at 20 random moments of that replay,
 * each time started again. Afterwards the view equals a clean rebuild, row for row, in every
 * hub_view table: a batch and its checkpoint are committed together or not at all.
 */
describe.each(CASES)('the projector under SIGKILL during a $atLeast-event replay on $name', ({ name, size, atLeast, ...c }) => {
  let engine: Engine | undefined;
  let child: ChildProcess | undefined;
  let output = '';
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await engine?.dispose();
  }, 60_000);

  /** Starts the projector process; resolves when it printed `marker` (or rejects when it exits first). */
  const startProjector = (marker: RegExp) => {
    output = '';
    const c = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'services/platform/src/bin/projector.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...engine!.env, HUB_SEED_DEMO: 'false', KAFKA_BROKERS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    return new Promise<string>((ok, fail) => {
      const onData = (d: Buffer) => {
        output = (output + d.toString()).slice(-20_000);
        const m = marker.exec(output);
        if (m) {
          c.stdout!.off('data', onData);
          ok(m[1] ?? m[0]);
        }
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
      c.once('exit', (code, signal) => fail(new Error(`projector exited (${code ?? signal}) before ${marker}:\n${output}`)));
    });
  };
  const exit = (c: ChildProcess, signal: NodeJS.Signals) => {
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    return exited;
  };

  it(`ends with the view of a clean rebuild after ${KILLS} kills`, async () => {
    const random = prng(SEED + (name === 'PostgreSQL' ? 0 : 1));
    console.log(`[projector crash] ${name}: seed ${SEED} (CRASH_SEED=${SEED} repeats the kill moments)`);
    engine = await c.engine();

    // The events, written before any projector runs: the child replays them from zero.
    let db = await engine.open();
    let store = await createSqlEventStore(db);
    const generated = await generateCompany(store, size);
    expect(generated.events).toBeGreaterThanOrEqual(atLeast);
    const head = await store.headPosition();
    await store.close();
    if (db.kind === 'pglite') await db.close(); // the child owns the folder now

    // Kill points spread over the whole replay: random positions, sorted, each reached after a delay
    // estimated from the replay rate seen so far (the child reports where each run resumed).
    const targets = Array.from({ length: KILLS }, () => random() * 0.9 * Number(head)).sort((a, b) => a - b);
    const resumedFrom: bigint[] = [];
    let rate: number | undefined; // events per ms, measured
    let last: { from: number; ms: number } | undefined;
    let stalls = 0; // runs killed before their first batch committed (PGlite starts slowly): wait longer
    for (let kill = 0; kill < KILLS; kill++) {
      const from = Number(await startProjector(/catching up from position (-?\d+)/));
      resumedFrom.push(BigInt(from));
      // The fastest rate seen: a run that spent most of its time starting up (PGlite) underestimates
      // it, and a delay from that let one run finish the whole replay (seen in a fresh-clone CI run).
      if (last && from > last.from) rate = Math.max(rate ?? 0, (from - last.from) / last.ms);
      else if (last && rate === undefined) stalls++;
      const delay =
        rate === undefined
          ? // Later by a second for each run that stalled: doubling overshot, on a busy machine, a whole
            // replay (20,810 events on PGlite) after three stalls (a fresh-clone CI run beside other work).
            Math.min(10_000, 1_000 * stalls + random() * 1_500)
          : Math.min(10_000, Math.max(0, (targets[kill]! - from) / rate)) + random() * 300;
      const started = Date.now();
      await new Promise((r) => setTimeout(r, delay));
      await exit(child!, 'SIGKILL');
      last = { from, ms: Date.now() - started };
    }
    resumedFrom.push(BigInt(await startProjector(/catching up from position (-?\d+)/)));
    console.log(`[projector crash] ${name}: resumed from ${resumedFrom.join(', ')} (head ${head})`);
    await startedToCaughtUp();
    await exit(child!, 'SIGTERM');

    // The kills landed during the replay, and each restart resumed from where the last batch committed.
    expect(new Set(resumedFrom).size, 'kills that interrupted progress').toBeGreaterThanOrEqual(KILLS / 4);
    expect(resumedFrom[KILLS]! * 2n, 'the kills reached the second half of the replay').toBeGreaterThan(head!);
    for (let i = 1; i < resumedFrom.length; i++) expect(resumedFrom[i]).toBeGreaterThanOrEqual(resumedFrom[i - 1]!);

    if (db.kind === 'pglite') db = await engine.open();
    store = await createSqlEventStore(db);
    const projector = createProjector({ store, db, log: () => undefined });
    try {
      expect(await projector.checkpoint()).toBe(head);
      const afterKills = await dumpView(db);
      expect(afterKills.touches).toHaveLength(generated.touches);
      const stats = await projector.rebuild();
      expect(stats).toEqual({ applied: generated.events, parked: 0 });
      expect(await dumpView(db)).toEqual(afterKills);
    } finally {
      await store.close();
      await db.close();
    }
  }, 1_500_000);

  /** The last run: wait until it says it has caught up. */
  const startedToCaughtUp = () =>
    new Promise<void>((ok, fail) => {
      const c = child!;
      const check = () => {
        if (/caught up, following live/.test(output)) {
          clearInterval(timer);
          ok();
        } else if (c.exitCode !== null || c.signalCode !== null) {
          clearInterval(timer);
          fail(new Error(`projector exited before catching up:\n${output}`));
        }
      };
      c.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
      const timer = setInterval(check, 200);
    });
});
