import { describe, expect, it } from 'vitest';
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
      const [row] = await db.query<{ a: string[]; j: { k: number }; b: string }>("SELECT $1::text[] AS a, $2::jsonb AS j, (2^53)::bigint::text AS b", [['x', 'y'], JSON.stringify({ k: 1 })]);
      expect(row).toEqual({ a: ['x', 'y'], j: { k: 1 }, b: '9007199254740992' });
    } finally {
      await dispose();
    }
  });
});
