import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { townHallsByIds } from '../queries/townHalls';
import { appendHistory, touchesOf, twoGatheringsHistory, viewOf } from '../testing';
import { townHallProjection } from './townHalls';

describe.each(SQL_ENGINES)('the town-hall projection alone on $name', (engine) => {
  it('keeps town halls, head counts and feedback, and touches attendees known by name by each presenter', async () => {
    const view = await viewOf(engine, [townHallProjection], twoGatheringsHistory);
    try {
      const { db, store, projector } = view;
      await appendHistory(store, [
        {
          stream: 'town-hall-T1',
          occurredAt: '2015-03-10T20:00:00+09:00',
          event: { type: 'TownHallHeadCountRecorded', data: { townHallId: 'T1', orgUnitId: 'HQ', headCount: 40 } },
        },
        {
          stream: 'town-hall-T1',
          occurredAt: '2015-03-10T21:00:00+09:00',
          event: {
            type: 'TownHallFeedbackGiven',
            data: { townHallId: 'T1', feedbackId: 'FB1', rating: 4, comment: null, employeeId: null },
          },
        },
      ]);
      await projector.waitFor(await store.headPosition());
      expect(await townHallsByIds(db, ['T1'])).toEqual([
        expect.objectContaining({ townHallId: 'T1', attendedCount: 1, headCount: 40, feedbackCount: 1, averageRating: 4 }),
      ]);
      // A head count reaches no one by name: the one touch is the attendee's.
      expect(await touchesOf(db, ['TOWN_HALL'])).toEqual([expect.objectContaining({ person_id: 'E2', leader_id: 'CEO', source_id: 'T1' })]);
    } finally {
      await view.dispose();
    }
  });
});
