import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { viewOf } from '../testing';
import { prideProjection } from './pride';

const report = (calls: number, correction: boolean) => ({
  stream: 'fc-activity-F1',
  occurredAt: '2015-05-08T18:00:00+09:00',
  event: {
    type: 'FcWeeklyActivityReported' as const,
    data: { fcId: 'F1', branchId: 'B1', weekOf: '2015-05-04', customerVisits: 3, calls, contracts: 1, correction },
  },
});

describe.each(SQL_ENGINES)('the PRIDE projection alone on $name', (engine) => {
  it('keeps every weekly report, a correction as a newer row for the same week', async () => {
    const view = await viewOf(engine, [prideProjection], [report(10, false), report(12, true)]);
    try {
      expect(await view.db.query(`SELECT week_of::text AS week, calls FROM hub_view.fc_weekly_activity ORDER BY position`)).toEqual([
        { week: '2015-05-04', calls: 10 },
        { week: '2015-05-04', calls: 12 },
      ]);
      expect(await view.db.query(`SELECT count(*)::int AS n FROM hub_view.touches`)).toEqual([{ n: 0 }]);
    } finally {
      await view.dispose();
    }
  });
});
