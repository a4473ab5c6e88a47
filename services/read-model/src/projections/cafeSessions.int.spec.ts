import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { cafeSessionsByIds, participantsBySessionIds } from '../queries/cafeSessions';
import { touchesOf, twoGatheringsHistory, viewOf } from '../testing';
import { cafeSessionProjection } from './cafeSessions';

describe.each(SQL_ENGINES)('the café-session projection alone on $name', (engine) => {
  it('keeps sessions and who came, and touches each attendee by each host at the session time', async () => {
    const view = await viewOf(engine, [cafeSessionProjection], twoGatheringsHistory);
    try {
      const { db } = view;
      expect(await cafeSessionsByIds(db, ['S1'])).toEqual([
        expect.objectContaining({ sessionId: 'S1', status: 'SCHEDULED', attendedCount: 1 }),
      ]);
      expect(await participantsBySessionIds(db, ['S1'])).toEqual([
        [expect.objectContaining({ employeeId: 'E1', invited: false, attended: true, walkIn: true })],
      ]);
      expect(await touchesOf(db, ['CAFE_SESSION', 'TOWN_HALL'])).toEqual([
        expect.objectContaining({ person_id: 'E1', leader_id: 'CEO', channel: 'CAFE_SESSION', mode: 'FACE_TO_FACE', source_id: 'S1' }),
      ]);
    } finally {
      await view.dispose();
    }
  });
});
