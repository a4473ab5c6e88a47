import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from './errors';
import { createPgliteDriver } from './pgliteDriver';
import { pgliteTemplateDir, startFromTemplate } from './pgliteTemplate';
import type { SqlExecutor } from './driver';
import { SQL_ENGINES } from './testDatabase';

describe.each(SQL_ENGINES)('SQL driver: $name', (engine) => {
  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const { db, dispose } = await engine.create();
    try {
      await db.exec('CREATE TABLE t (id int PRIMARY KEY, note text); CREATE INDEX t_note ON t (note);');
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1, $2)', [1, '톡톡타임']);
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES ($1, $2)', [2, 'lost']);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await db.query('SELECT id, note FROM t ORDER BY id')).toEqual([{ id: 1, note: '톡톡타임' }]);
      // Arrays, jsonb and bigint travel the same way on both drivers.
      const [row] = await db.query<{ a: string[]; j: { k: number }; b: string }>(
        'SELECT $1::text[] AS a, $2::jsonb AS j, (2^53)::bigint::text AS b',
        [['x', 'y'], JSON.stringify({ k: 1 })],
      );
      expect(row).toEqual({ a: ['x', 'y'], j: { k: 1 }, b: '9007199254740992' });
    } finally {
      await dispose();
    }
  });

  it('reports a SQL error with its SQLSTATE and changes nothing; a closed driver is unavailable', async () => {
    const { db, dispose } = await engine.create();
    let disposed = false;
    try {
      await db.exec('CREATE TABLE u (id int PRIMARY KEY)');
      await db.query('INSERT INTO u VALUES (1)');
      const duplicate = await db
        .transaction(async (tx) => {
          await tx.query('INSERT INTO u VALUES (2)');
          await tx.query('INSERT INTO u VALUES (1)');
        })
        .catch((e: unknown) => e);
      expect(duplicate).toBeInstanceOf(Error);
      expect(duplicate).toMatchObject({ code: '23505', constraint: 'u_pkey' });
      expect(isStoreUnavailable(duplicate)).toBe(false);
      expect(await db.query('SELECT id FROM u ORDER BY id')).toEqual([{ id: 1 }]);
      await expect(db.query('SELEC 1')).rejects.toMatchObject({ code: '42601' });
      await dispose();
      disposed = true;
      const afterClose = await db.query('SELECT 1').catch((e: unknown) => e);
      // pg's closed pool says so in words only; PGlite's driver says it with the typed error.
      if (db.kind === 'pglite') expect(isStoreUnavailable(afterClose)).toBe(true);
      else expect(afterClose).toBeInstanceOf(Error);
    } finally {
      if (!disposed) await dispose();
    }
  });

  it('keeps a transaction whole while other statements are asked meanwhile, and answers them in turn', async () => {
    const { db, dispose } = await engine.create();
    try {
      await db.exec('CREATE TABLE v (id int PRIMARY KEY)');
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const writing = db.transaction(async (tx) => {
        await tx.query('INSERT INTO v VALUES (1)');
        await held;
        await tx.query('INSERT INTO v VALUES (2)');
      });
      // Asked while the transaction is open: sees none or both of its rows, never one.
      const reading = db.query<{ n: number }>('SELECT count(*)::int AS n FROM v');
      release();
      await writing;
      expect([0, 2]).toContain((await reading)[0]!.n);
      expect(await db.query('SELECT count(*)::int AS n FROM v')).toEqual([{ n: 2 }]);
    } finally {
      await dispose();
    }
  });

  it("leaves the caller's thread free while a long statement runs", async () => {
    const { db, dispose } = await engine.create();
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const [row] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM generate_series(1, 1000000)');
      clearInterval(timer);
      expect(row).toEqual({ n: '1000000' });
      // A statement run on this thread (the embedded engine before it had its own) lets no timer fire.
      expect(ticks).toBeGreaterThan(0);
    } finally {
      await dispose();
    }
  });
});

describe('SQL driver: PGlite (embedded), a caller that gives up', () => {
  it('takes its statement out of the queue when it has not started yet', async () => {
    const db = await createPgliteDriver();
    try {
      await db.exec('CREATE TABLE w (id int PRIMARY KEY)');
      const gaveUp = new AbortController();
      const long = db.query('SELECT count(*) FROM generate_series(1, 1000000)');
      const waiting = db.query('INSERT INTO w VALUES (1)', [], { signal: gaveUp.signal });
      gaveUp.abort(new Error('time is up'));
      await expect(waiting).rejects.toThrow('time is up');
      await long;
      expect(await db.query('SELECT count(*)::int AS n FROM w')).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });
});

describe('SQL driver: PGlite (embedded), a transaction that has ended', () => {
  it('refuses statements sent through it afterwards, so they cannot land in the next caller’s transaction', async () => {
    const db = await createPgliteDriver();
    try {
      await db.exec('CREATE TABLE x (id int PRIMARY KEY)');
      let kept!: SqlExecutor;
      await db.transaction(async (tx) => {
        kept = tx;
        await tx.query('INSERT INTO x VALUES (1)');
      });
      await expect(kept.query('INSERT INTO x VALUES (2)')).rejects.toThrow('this transaction has ended');
      // A rolled-back transaction's executor too.
      await expect(
        db.transaction(async (tx) => {
          kept = tx;
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await expect(kept.exec('INSERT INTO x VALUES (3)')).rejects.toThrow('this transaction has ended');
      expect(await db.query('SELECT id FROM x ORDER BY id')).toEqual([{ id: 1 }]);
    } finally {
      await db.close();
    }
  });
});

describe('SQL driver: PostgreSQL (pg), settings', () => {
  it('runs without JIT compilation or parallel workers, sorting in 16 MB, in and outside transactions (short questions)', async () => {
    const { db, dispose } = await SQL_ENGINES[1].create();
    try {
      const settings = `SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers, current_setting('work_mem') AS work_mem`;
      const expected = [{ jit: 'off', workers: '0', work_mem: '16MB' }];
      expect(await db.query(settings)).toEqual(expected);
      expect(await db.transaction((tx) => tx.query(settings))).toEqual(expected);
    } finally {
      await dispose();
    }
  });
});

describe('SQL driver: PGlite (embedded), settings', () => {
  it('keeps a 32 MB buffer pool on either thread (the default 128 MB grows its WebAssembly memory for good)', async () => {
    for (const thread of ['worker', 'main'] as const) {
      const db = await createPgliteDriver(undefined, { thread });
      try {
        expect(await db.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '32MB' }]);
        // PGlite's own parameters still apply (single user, no parallel workers).
        expect(await db.query('SHOW max_parallel_workers_per_gather')).toEqual([{ max_parallel_workers_per_gather: '0' }]);
      } finally {
        await db.close();
      }
    }
  });
});

describe('SQL driver: PGlite (embedded), a new database', () => {
  const systemId = async (db: SqlExecutor) =>
    (await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()'))[0]?.id;

  it('starts from the empty cluster built at install (no initdb), on disk and in memory, on either thread, and keeps what it wrote', async () => {
    // `npm ci` built it (the root postinstall); every database started from it shares its system
    // identifier, where each initdb draws a new one.
    expect(existsSync(join(pgliteTemplateDir, 'complete')), `run npm ci (or npm run postinstall): ${pgliteTemplateDir} is missing`).toBe(
      true,
    );
    const parent = mkdtempSync(join(tmpdir(), 'hub-pglite-template-'));
    try {
      const ids = new Set<string | undefined>();
      for (const thread of ['worker', 'main'] as const) {
        const inMemory = await createPgliteDriver(undefined, { thread });
        ids.add(await systemId(inMemory));
        await inMemory.close();
      }
      // A folder that is not there yet (given with a trailing slash), and one made empty beforehand.
      const made = join(parent, 'made');
      mkdirSync(made);
      for (const dir of [`${join(parent, 'pglite')}/`, made]) {
        const first = await createPgliteDriver(dir);
        ids.add(await systemId(first));
        await first.exec("CREATE TABLE t (note text); INSERT INTO t VALUES ('톡톡타임')");
        await first.close();
        // Its folder holds a cluster now: reopened as it is, never copied over.
        const again = await createPgliteDriver(dir, { thread: 'main' });
        expect(await again.query('SELECT note FROM t')).toEqual([{ note: '톡톡타임' }]);
        await again.close();
      }
      expect(ids.size).toBe(1);
      expect(readdirSync(parent).sort()).toEqual(['made', 'pglite']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('leaves a folder it cannot copy into to initdb, with a warning and nothing half copied', () => {
    const parent = mkdtempSync(join(tmpdir(), 'hub-pglite-template-'));
    try {
      // A file where the folder's parent should be: no copy can be made there.
      writeFileSync(join(parent, 'file'), '');
      const warnings: string[] = [];
      expect(startFromTemplate(join(parent, 'file', 'pglite'), (m) => warnings.push(m))).toEqual({});
      expect(warnings).toEqual([expect.stringContaining('running initdb')]);
      expect(readdirSync(parent)).toEqual(['file']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
