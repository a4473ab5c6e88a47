import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { openFollowUps, openQuestions, twoWay } from '../coverage/twoWay';
import { followUpsOfGatherings, questionsOfGatherings } from '../queries/questions';
import { twoGatheringsHistory, viewOf, type HistoryEvent } from '../testing';
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

  it('lists the questions still unanswered at a moment, oldest first, a page at a time, at café sessions and town halls alike', async () => {
    // Beside the two answered "Q1"s: a café question answered a week later, an anonymous town-hall
    // question never answered, and one raised at the town hall after it.
    const raised = (
      stream: string,
      gathering: { sessionId: string } | { townHallId: string },
      questionId: string,
      raisedAt: string,
      askedBy: string | null,
    ) =>
      ({
        stream,
        occurredAt: raisedAt,
        event: {
          type: 'sessionId' in gathering ? 'CafeSessionQuestionRaised' : 'TownHallQuestionRaised',
          data: { ...gathering, questionId, topic: 'pay', text: `${questionId}?`, anonymous: askedBy === null, askedBy, raisedAt },
        },
      }) as HistoryEvent;
    const history: HistoryEvent[] = [
      ...twoGatheringsHistory,
      raised('cafe-session-S1', { sessionId: 'S1' }, 'Q2', '2015-03-05T06:30:00Z', 'E1'),
      {
        stream: 'cafe-session-S1',
        occurredAt: '2015-03-12T01:00:00Z',
        event: {
          type: 'CafeSessionQuestionAnswered',
          data: {
            sessionId: 'S1',
            questionId: 'Q2',
            answeredBy: 'CEO',
            mode: 'FOLLOWED_UP',
            answer: 'Soon.',
            answeredAt: '2015-03-12T01:00:00Z',
          },
        },
      },
      raised('town-hall-T1', { townHallId: 'T1' }, 'Q2', '2015-03-10T10:05:00Z', null),
      raised('town-hall-T1', { townHallId: 'T1' }, 'Q3', '2015-03-10T10:10:00Z', 'E2'),
    ];
    const view = await viewOf(engine, [questionProjection, cafeSessionProjection, townHallProjection], history);
    try {
      const open = async (at: string, filter = {}, page = { first: 10 }, asOf?: { at: string | null; knownAt: string | null }) => {
        const r = await openQuestions(view.db, at, filter, page, asOf);
        return { ...r, rows: r.rows.map((q) => [q.gathering.channel, q.gathering.id, q.questionId, q.askedBy, q.ageDays]) };
      };
      // Before anything was answered at the café (Q1 answered at 07:00Z): both its questions wait.
      expect((await open('2015-03-05T06:45:00Z')).rows).toEqual([
        ['CAFE_SESSION', 'S1', 'Q1', 'E1', 0],
        ['CAFE_SESSION', 'S1', 'Q2', 'E1', 0],
      ]);
      // After the town hall: Q1s answered, the café's Q2 not yet; the anonymous one has no asker.
      const evening = await open('2015-03-11T02:00:00Z');
      expect(evening.rows).toEqual([
        ['CAFE_SESSION', 'S1', 'Q2', 'E1', 5],
        ['TOWN_HALL', 'T1', 'Q2', null, 0],
        ['TOWN_HALL', 'T1', 'Q3', 'E2', 0],
      ]);
      expect(evening.totalCount).toBe(3);
      expect((await open('2015-03-11T02:00:00Z', { channel: 'TOWN_HALL' })).rows.map((r) => r[2])).toEqual(['Q2', 'Q3']);
      // The café's Q2 answered on the 12th leaves the town hall's two, now 5 days old.
      expect((await open('2015-03-15T12:00:00Z')).rows).toEqual([
        ['TOWN_HALL', 'T1', 'Q2', null, 5],
        ['TOWN_HALL', 'T1', 'Q3', 'E2', 5],
      ]);
      // As things stood on the 11th, before the café's Q2 was answered: the same three.
      expect((await open('2015-03-15T12:00:00Z', {}, { first: 10 }, { at: '2015-03-11T02:00:00Z', knownAt: null })).totalCount).toBe(3);

      // Pages of one: each goes on after the last one's key, and says whether more follow.
      const first = await openQuestions(view.db, '2015-03-11T02:00:00Z', {}, { first: 1 });
      expect(first.rows.map((q) => q.questionId)).toEqual(['Q2']);
      expect(first).toMatchObject({ hasNextPage: true, totalCount: 3 });
      const last = first.rows[0]!;
      const second = await openQuestions(
        view.db,
        '2015-03-11T02:00:00Z',
        {},
        {
          first: 2,
          after: { raisedAt: last.raisedAt, channel: last.gathering.channel, gatheringId: last.gathering.id, questionId: last.questionId },
        },
      );
      expect(second.rows.map((q) => [q.gathering.channel, q.questionId])).toEqual([
        ['TOWN_HALL', 'Q2'],
        ['TOWN_HALL', 'Q3'],
      ]);
      expect(second.hasNextPage).toBe(false);
      expect(second.rows[0]).toMatchObject({ topic: 'pay', text: 'Q2?', anonymous: true, raisedAt: '2015-03-10T10:05:00.000Z' });
    } finally {
      await view.dispose();
    }
  });

  it('leaves out the questions and follow-ups of a gathering once it is cancelled', async () => {
    // Town hall T2 on the 8th: a question sent in and a follow-up promised, then, nobody having
    // been recorded there, cancelled on the 13th.
    const t2 = (occurredAt: string, event: HistoryEvent['event']): HistoryEvent => ({ stream: 'town-hall-T2', occurredAt, event });
    const history: HistoryEvent[] = [
      ...twoGatheringsHistory,
      t2('2015-03-01T00:00:00Z', {
        type: 'TownHallScheduled',
        data: {
          townHallId: 'T2',
          scheduledAt: '2015-03-08T09:00:00Z',
          format: 'LECTURE',
          theme: 'Plans',
          venue: 'Hall',
          presenterIds: ['CEO'],
        },
      }),
      t2('2015-03-08T09:30:00Z', {
        type: 'TownHallQuestionRaised',
        data: {
          townHallId: 'T2',
          questionId: 'Q1',
          topic: 'pay',
          text: 'When?',
          anonymous: true,
          askedBy: null,
          raisedAt: '2015-03-08T09:30:00Z',
        },
      }),
      t2('2015-03-08T09:40:00Z', {
        type: 'TownHallFollowUpAssigned',
        data: { townHallId: 'T2', followUpId: 'F1', questionId: 'Q1', description: 'Say when', ownerId: 'CEO', dueOn: '2015-03-30' },
      }),
      t2('2015-03-13T00:00:00Z', { type: 'TownHallCancelled', data: { townHallId: 'T2', reason: 'Typhoon' } }),
    ];
    const view = await viewOf(engine, [questionProjection, cafeSessionProjection, townHallProjection], history);
    try {
      const questionsAt = async (at: string, asOf?: { at: string | null; knownAt: string | null }) =>
        (await openQuestions(view.db, at, { channel: 'TOWN_HALL' }, { first: 10 }, asOf)).rows.map(
          (q) => `${q.gathering.id}/${q.questionId}`,
        );
      const followUpsAt = async (at: string) =>
        (await openFollowUps(view.db, at, { channel: 'TOWN_HALL' })).map((f) => `${f.gathering.id}/${f.followUpId}`);
      expect(await questionsAt('2015-03-11T00:00:00Z')).toEqual(['T2/Q1', 'T1/Q1']); // T1's answered later that day
      expect(await followUpsAt('2015-03-11T00:00:00Z')).toEqual(['T2/F1', 'T1/F1']);
      expect(await questionsAt('2015-03-14T00:00:00Z')).toEqual([]);
      expect(await followUpsAt('2015-03-14T00:00:00Z')).toEqual(['T1/F1']);
      // Seen as of the 12th, before the cancellation had happened, it still waited.
      expect(await questionsAt('2015-03-14T00:00:00Z', { at: '2015-03-12T00:00:00Z', knownAt: null })).toEqual(['T2/Q1']);
    } finally {
      await view.dispose();
    }
  });
});
