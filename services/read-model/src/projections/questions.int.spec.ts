import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { openFollowUps, twoWay } from '../coverage/twoWay';
import { followUpsOfGatherings, questionsOfGatherings } from '../queries/questions';
import { twoGatheringsHistory, viewOf } from '../testing';
import { cafeSessionProjection } from './cafeSessions';
import { questionProjection } from './questions';
import { townHallProjection } from './townHalls';

describe.each(SQL_ENGINES)('the questions projection alone on $name', (engine) => {
  it('keeps café-session and town-hall questions in one set of tables, keyed by their gathering', async () => {
    const view = await viewOf(engine, [questionProjection], twoGatheringsHistory);
    try {
      const { db } = view;
      // Both gatherings have a "Q1": one row each, not one overwriting the other.
      const [cafe] = await questionsOfGatherings(db, 'CAFE_SESSION', ['S1']);
      const [townHall, none] = await questionsOfGatherings(db, 'TOWN_HALL', ['T1', 'S1']);
      expect(cafe).toEqual([
        expect.objectContaining({
          gathering: { channel: 'CAFE_SESSION', id: 'S1' },
          questionId: 'Q1',
          askedBy: 'E1',
          answeredBy: 'CEO',
          answer: 'Ask.',
          answerMode: 'LIVE',
        }),
      ]);
      expect(townHall).toEqual([
        expect.objectContaining({
          gathering: { channel: 'TOWN_HALL', id: 'T1' },
          questionId: 'Q1',
          anonymous: true,
          askedBy: null,
          answer: 'Growth.',
          answerMode: null, // town halls do not record how an answer was given
        }),
      ]);
      expect(none).toEqual([]); // a café session's id is no town hall's

      const [followUps] = await followUpsOfGatherings(db, 'CAFE_SESSION', ['S1']);
      expect(followUps).toEqual([
        expect.objectContaining({ followUpId: 'F1', questionId: 'Q1', ownerId: 'CEO', dueOn: '2015-03-20', completedOn: '2015-03-18' }),
      ]);
      const [townHallFollowUps] = await followUpsOfGatherings(db, 'TOWN_HALL', ['T1']);
      expect(townHallFollowUps).toEqual([
        expect.objectContaining({ followUpId: 'F1', questionId: 'Q1', ownerId: 'E1', dueOn: '2015-03-25', completedOn: null }),
      ]);
      // As of before the completion, it was open.
      const [earlier] = await followUpsOfGatherings(db, 'CAFE_SESSION', ['S1'], { at: '2015-03-10T00:00:00Z', knownAt: null });
      expect(earlier).toEqual([expect.objectContaining({ followUpId: 'F1', completedOn: null })]);

      // Two-way reads the same tables for both channels.
      const figures = await twoWay(db, { from: '2015-03-01T00:00:00Z', to: '2015-04-01T00:00:00Z' });
      expect(figures.byChannel.map((c) => [c.channel, c.raised, c.answered])).toEqual([
        ['CAFE_SESSION', 1, 1],
        ['TOWN_HALL', 1, 1],
      ]);
      // It writes no touch: questions reach no one by themselves.
      expect(await db.query(`SELECT count(*)::int AS n FROM hub_view.touches`)).toEqual([{ n: 0 }]);
    } finally {
      await view.dispose();
    }
  });

  it('lists the follow-ups still open at café sessions and town halls alike, oldest gathering first', async () => {
    const view = await viewOf(engine, [questionProjection, cafeSessionProjection, townHallProjection], twoGatheringsHistory);
    try {
      const open = async (at: string, filter = {}) =>
        (await openFollowUps(view.db, at, filter)).map((f) => [f.gathering.channel, f.gathering.id, f.followUpId, f.ownerId, f.overdue]);
      // Before the town hall: only the café session's (held on the 5th) is there.
      expect(await open('2015-03-08T00:00:00Z')).toEqual([['CAFE_SESSION', 'S1', 'F1', 'CEO', false]]);
      expect(await open('2015-03-15T00:00:00Z')).toEqual([
        ['CAFE_SESSION', 'S1', 'F1', 'CEO', false],
        ['TOWN_HALL', 'T1', 'F1', 'E1', false],
      ]);
      expect(await open('2015-03-15T00:00:00Z', { channel: 'TOWN_HALL' })).toEqual([['TOWN_HALL', 'T1', 'F1', 'E1', false]]);
      expect(await open('2015-03-15T00:00:00Z', { ownerId: 'CEO' })).toEqual([['CAFE_SESSION', 'S1', 'F1', 'CEO', false]]);
      // The café one was done on the 18th; the town hall's is overdue from the Korean day after the 25th.
      expect(await open('2015-03-26T00:00:00Z')).toEqual([['TOWN_HALL', 'T1', 'F1', 'E1', true]]);
      const [row] = await openFollowUps(view.db, '2015-03-15T00:00:00Z', { channel: 'TOWN_HALL' });
      expect(row).toMatchObject({ since: '2015-03-10T09:00:00.000Z', ageDays: 4, description: 'Publish the plan' });
    } finally {
      await view.dispose();
    }
  });
});
