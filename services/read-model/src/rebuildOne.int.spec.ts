import { SQL_ENGINES } from '@hub/sql/testing';
import type { SqlDriver } from '@hub/sql';
import { describe, expect, it } from 'vitest';
import { ALL_PROJECTIONS, createProjector, migrateReadModel, projectionNamed } from './projector';
import { appendHistory, rowsOf, touchesOf, twoGatheringsHistory, viewOf } from './testing';

/*
 * Projections are units: one can be rebuilt, added or reshaped alone. "Alone" is checked on the
 * rows themselves: a row PostgreSQL rewrote has a new xmin, so the other projections' rows keep
 * theirs, and their checkpoints keep their position and updated_at.
 */

/** Each row of a projection's tables and touches with its xmin (the transaction that wrote it). */
const writtenBy = async (db: SqlDriver, name: string) => {
  const p = projectionNamed(name);
  const rows: Record<string, unknown[]> = {};
  for (const table of p.tables) rows[table] = await db.query(`SELECT xmin::text AS xmin, * FROM hub_view.${table} ORDER BY 2, 3, 4`);
  rows.touches = await db.query(`SELECT xmin::text AS xmin, * FROM hub_view.touches WHERE channel = ANY($1::text[]) ORDER BY touch_id`, [
    p.touchChannels,
  ]);
  return rows;
};
const checkpointRows = (db: SqlDriver) =>
  db.query<{ name: string; position: string; shape: number; updated_at: unknown }>(
    `SELECT name, position::text AS position, shape, updated_at FROM hub_view.checkpoints ORDER BY name`,
  );
const others = (name: string) => ALL_PROJECTIONS.filter((p) => p.name !== name).map((p) => p.name);

describe.each(SQL_ENGINES)('projections as units on $name', (engine) => {
  it('rebuilds one projection from zero to the same rows, and leaves every other projection as it was', async () => {
    const view = await viewOf(engine, ALL_PROJECTIONS, twoGatheringsHistory);
    try {
      const { db, projector, store } = view;
      const head = await store.headPosition();
      const cafe = projectionNamed('cafe-sessions');
      const before = { ...(await rowsOf(db, cafe.tables)), touches: await touchesOf(db, cafe.touchChannels) };
      expect(before.touches).toHaveLength(1);
      const cafeWrittenBefore = await writtenBy(db, 'cafe-sessions');
      const othersBefore = await Promise.all(others('cafe-sessions').map((n) => writtenBy(db, n)));
      const checkpointsBefore = await checkpointRows(db);

      const stats = await projector.rebuild('cafe-sessions');

      expect(stats.applied).toBeGreaterThan(0);
      expect(await writtenBy(db, 'cafe-sessions')).not.toEqual(cafeWrittenBefore); // written again…
      expect({ ...(await rowsOf(db, cafe.tables)), touches: await touchesOf(db, cafe.touchChannels) }).toEqual(before); // …to the same rows
      expect(await Promise.all(others('cafe-sessions').map((n) => writtenBy(db, n)))).toEqual(othersBefore);
      const checkpointsAfter = await checkpointRows(db);
      expect(checkpointsAfter.filter((c) => c.name !== 'cafe-sessions')).toEqual(
        checkpointsBefore.filter((c) => c.name !== 'cafe-sessions'),
      );
      expect(checkpointsAfter.find((c) => c.name === 'cafe-sessions')?.position).toBe(String(head));
      expect(await projector.checkpoint()).toBe(head);
    } finally {
      await view.dispose();
    }
  });

  it('a projector following live catches up a projection another process reset, instead of skipping its history', async () => {
    const view = await viewOf(engine, ALL_PROJECTIONS, twoGatheringsHistory);
    try {
      const { db, projector, store } = view;
      const cafe = projectionNamed('cafe-sessions');
      const before = { ...(await rowsOf(db, cafe.tables)), touches: await touchesOf(db, cafe.touchChannels) };
      // Another process resets café sessions alone (here: a shape change it migrates to) while this
      // projector follows; then something new happens, so this projector reads a batch past the reset.
      await migrateReadModel(
        db,
        ALL_PROJECTIONS.map((p) => (p === cafe ? { ...p, shape: p.shape + 1 } : p)),
      );
      expect(await rowsOf(db, cafe.tables)).not.toEqual(before);
      await appendHistory(store, [
        {
          stream: 'orgUnit-LATE',
          occurredAt: '2015-06-01T00:00:00Z',
          event: { type: 'OrgUnitDefined', data: { orgUnitId: 'LATE', name: 'Late Team', kind: 'TEAM', parentId: 'HQ' } },
        },
      ]);
      const head = (await store.headPosition())!;
      await expect.poll(() => projector.checkpoint(), { timeout: 30_000 }).toBe(head);
      expect({ ...(await rowsOf(db, cafe.tables)), touches: await touchesOf(db, cafe.touchChannels) }).toEqual(before);
    } finally {
      await view.dispose();
    }
  });

  it('refuses an unknown projection with the names there are, and changes nothing', async () => {
    const view = await viewOf(engine, ALL_PROJECTIONS, twoGatheringsHistory);
    try {
      const checkpoints = await checkpointRows(view.db);
      await expect(view.projector.rebuild('cafe')).rejects.toThrow(
        `No projection "cafe"; the projections are: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
      );
      expect(await checkpointRows(view.db)).toEqual(checkpoints);
    } finally {
      await view.dispose();
    }
  });

  it('replays only a projection newly added to an existing view', async () => {
    const withoutQuestions = ALL_PROJECTIONS.filter((p) => p.name !== 'questions');
    const view = await viewOf(engine, withoutQuestions, twoGatheringsHistory);
    try {
      const { db, store } = view;
      await view.projector.stop();
      expect(await db.query(`SELECT to_regclass('hub_view.questions') IS NULL AS absent`)).toEqual([{ absent: true }]);
      const othersBefore = await Promise.all(others('questions').map((n) => writtenBy(db, n)));
      const checkpointsBefore = await checkpointRows(db);

      const projector = createProjector({ store, db, log: () => undefined });
      await projector.start();
      try {
        expect(await projector.checkpoint()).toBe(await store.headPosition());
        const questions = await rowsOf(db, ['questions', 'question_answers', 'question_follow_ups', 'question_follow_up_completions']);
        expect(questions.questions!.map((q) => (q as { gathering_channel: string }).gathering_channel).sort()).toEqual([
          'CAFE_SESSION',
          'TOWN_HALL',
        ]);
        expect(questions.question_answers).toHaveLength(2);
        expect(questions.question_follow_up_completions).toHaveLength(1);
        expect(await Promise.all(others('questions').map((n) => writtenBy(db, n)))).toEqual(othersBefore);
        expect((await checkpointRows(db)).filter((c) => c.name !== 'questions')).toEqual(checkpointsBefore);

        // And it follows on with the others from there.
        await appendHistory(store, [
          {
            stream: 'town-hall-T1',
            occurredAt: '2015-03-12T10:00:00+09:00',
            event: {
              type: 'TownHallQuestionRaised',
              data: {
                townHallId: 'T1',
                questionId: 'Q2',
                topic: 'pay',
                text: 'Bonus?',
                anonymous: true,
                askedBy: null,
                raisedAt: '2015-03-12T10:00:00+09:00',
              },
            },
          },
        ]);
        await projector.waitFor(await store.headPosition());
        expect(await db.query(`SELECT question_id FROM hub_view.questions WHERE gathering_id = 'T1' ORDER BY 1`)).toEqual([
          { question_id: 'Q1' },
          { question_id: 'Q2' },
        ]);
      } finally {
        await projector.stop();
      }
    } finally {
      await view.dispose();
    }
  });

  it('resets and replays alone a projection whose shape changed, on migration', async () => {
    const view = await viewOf(engine, ALL_PROJECTIONS, twoGatheringsHistory);
    try {
      const { db, store } = view;
      await view.projector.stop();
      const townHalls = projectionNamed('town-halls');
      const rows = { ...(await rowsOf(db, townHalls.tables)), touches: await touchesOf(db, townHalls.touchChannels) };
      const othersBefore = await Promise.all(others('town-halls').map((n) => writtenBy(db, n)));
      const reshaped = ALL_PROJECTIONS.map((p) => (p === townHalls ? { ...p, shape: p.shape + 1 } : p));

      await migrateReadModel(db, reshaped);
      expect(await db.query(`SELECT count(*)::int AS n FROM hub_view.town_halls`)).toEqual([{ n: 0 }]);
      expect(await touchesOf(db, townHalls.touchChannels)).toEqual([]);
      expect(await db.query(`SELECT position::text AS position, shape FROM hub_view.checkpoints WHERE name = 'town-halls'`)).toEqual([
        { position: '-1', shape: townHalls.shape + 1 },
      ]);

      const projector = createProjector({ store, db, projections: reshaped, log: () => undefined });
      await projector.start();
      await projector.stop();
      expect({ ...(await rowsOf(db, townHalls.tables)), touches: await touchesOf(db, townHalls.touchChannels) }).toEqual(rows);
      expect(await Promise.all(others('town-halls').map((n) => writtenBy(db, n)))).toEqual(othersBefore);
    } finally {
      await view.dispose();
    }
  });
});
