import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { employeesByIds } from '../queries/employees';
import { appendHistory, twoGatheringsHistory, viewOf } from '../testing';
import { directoryProjection } from './directory';

describe.each(SQL_ENGINES)('the directory projection alone on $name', (engine) => {
  it('keeps each employee as their changes, folded on the day each took effect', async () => {
    const view = await viewOf(engine, [directoryProjection], twoGatheringsHistory);
    try {
      const { db, store, projector } = view;
      await appendHistory(store, [
        {
          stream: 'employee-E1',
          occurredAt: '2015-06-01T09:00:00+09:00',
          event: { type: 'EmployeePromoted', data: { employeeId: 'E1', grade: 'ASSISTANT_MANAGER', effectiveOn: '2015-06-01' } },
        },
      ]);
      await projector.waitFor(await store.headPosition());
      expect(await employeesByIds(db, ['E1'], '2015-05-01T00:00:00Z')).toEqual([
        expect.objectContaining({ employeeId: 'E1', grade: 'STAFF' }),
      ]);
      expect(await employeesByIds(db, ['E1'])).toEqual([expect.objectContaining({ employeeId: 'E1', grade: 'ASSISTANT_MANAGER' })]);
      expect(await db.query(`SELECT count(*)::int AS n FROM hub_view.touches`)).toEqual([{ n: 0 }]);
    } finally {
      await view.dispose();
    }
  });
});
