import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSqlEventStore } from '@hub/event-store-sql';
import { createPgliteDriver } from '@hub/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { countCompany, generateCompany, SCALES } from '../generate/company';

const run = promisify(execFile);
const SCRIPT = new URL('./generate.ts', import.meta.url).pathname;

/** `npm run generate`, as an operator runs it: a real process writing into a real data folder. */
describe('npm run generate (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-generate-'));
  const generate = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '' } }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Each run starts a process with the embedded database: minutes on a busy machine.
  it('refuses a missing or unknown scale and a bad seed, writing nothing', { timeout: 300_000 }, async () => {
    for (const args of [[], ['--scale', 'huge'], ['--scale', 'small', '--seed', 'x'], ['--scale', 'small', '--seed', '0']]) {
      const r = await generate(...args);
      expect([r.code, r.err], args.join(' ')).toEqual([
        2,
        expect.stringMatching(/usage: npm run generate -- --scale small\|medium\|large/),
      ]);
    }
  });

  it(
    'writes the small company with its progress, the same events for the same seed, and only into an empty store',
    { timeout: 900_000 },
    async () => {
      const expected = await countCompany(SCALES.small, {
        seed: 7,
      });
      const first = await generate('--scale', 'small', '--seed', '7');
      expect(first.code).toBe(0);
      expect(first.err).toMatch(/\[#{30}\] 20,\d{3}\/20,\d{3} events/);
      expect(first.out).toContain(`${expected.events.toLocaleString('en')} events`);

      const db = await createPgliteDriver(join(dataDir, 'pglite'));
      const store = await createSqlEventStore(db);
      const written = await store.readAll({ limit: 5 });
      let count = 0;
      for (let after: bigint | undefined; ;) {
        const batch = await store.readAll({ ...(after === undefined ? {} : { after }), limit: 5_000 });
        if (batch.length === 0) break;
        count += batch.length;
        after = batch[batch.length - 1]!.position;
      }
      expect(count).toBe(expected.events);
      await store.close();
      await db.close();
      // Another run of the same seed makes the very same events, ids included.
      const again: string[] = [];
      await generateCompany(
        {
          append: async (_stream, events) => {
            if (again.length < 5) again.push(...events.map((e) => e.id));
            return { nextExpectedRevision: 0n, position: 0n };
          },
        },
        SCALES.small,
        { seed: 7 },
      );
      expect(written.map((e) => e.id)).toEqual(again.slice(0, 5));

      const second = await generate('--scale', 'small');
      expect([second.code, second.err]).toEqual([1, expect.stringMatching(/already holds events/)]);
    },
  );
});
