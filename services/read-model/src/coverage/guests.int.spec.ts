import type { Grade } from '@hub/events';
import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { cafeSessionProjection } from '../projections/cafeSessions';
import { directoryProjection } from '../projections/directory';
import { viewOf, type HistoryEvent } from '../testing';
import { nextCafeGuests } from './guests';

/*
 * The ranking rule of next café guests, asked of the view (the ranking is done by SQL):
 *   CORP ─ FIN (F1, F2, F3 never met; F4 met; F5 never met, left on the 10th; FX a 부장, never met)
 *        │     — café reach 1/5: a leaver still counts in the team's reach, but is no guest
 *        └ IT (I1 never met; I2 met) — 1/2
 *   SALES ─ BUSAN (B1, B2 never met; B3 met; BX an executive, met) — 2/3: reached counts anyone
 *           met, the population only the eligible (as café reach by org unit does)
 *   N1 works in GHOST, a unit never defined: no team figures, no division.
 */
const at = (day: number) => `2015-03-${String(day).padStart(2, '0')}T10:00:00+09:00`;
const unit = (orgUnitId: string, parentId: string | null): HistoryEvent => ({
  stream: `org-unit-${orgUnitId}`,
  occurredAt: at(1),
  event: { type: 'OrgUnitDefined', data: { orgUnitId, name: `${orgUnitId} unit`, kind: parentId ? 'DEPARTMENT' : 'DIVISION', parentId } },
});
const employee = (employeeId: string, orgUnitId: string, grade: Grade = 'STAFF'): HistoryEvent => ({
  stream: `employee-${employeeId}`,
  occurredAt: at(1),
  event: {
    type: 'EmployeeRegistered',
    data: { employeeId, name: employeeId, grade, orgUnitId, region: 'Seoul', title: null, hiredOn: null },
  },
});
const history: HistoryEvent[] = [
  unit('CORP', null),
  unit('FIN', 'CORP'),
  unit('IT', 'CORP'),
  unit('SALES', null),
  unit('BUSAN', 'SALES'),
  ...['F1', 'F2', 'F3', 'F4', 'F5'].map((id) => employee(id, 'FIN')),
  { stream: 'employee-F5', occurredAt: at(10), event: { type: 'EmployeeLeft', data: { employeeId: 'F5', leftOn: '2015-03-10' } } },
  employee('FX', 'FIN', 'GENERAL_MANAGER'),
  ...['I1', 'I2'].map((id) => employee(id, 'IT')),
  ...['B1', 'B2', 'B3'].map((id) => employee(id, 'BUSAN')),
  employee('BX', 'BUSAN', 'EXECUTIVE'),
  employee('N1', 'GHOST'),
  employee('CEO', 'CORP', 'EXECUTIVE'),
  {
    stream: 'cafe-session-S1',
    occurredAt: at(2),
    event: { type: 'CafeSessionScheduled', data: { sessionId: 'S1', scheduledAt: at(5), venue: 'Café', hostIds: ['CEO'], capacity: 10 } },
  },
  ...['F4', 'I2', 'B3', 'BX'].map((employeeId): HistoryEvent => ({
    stream: 'cafe-session-S1',
    occurredAt: at(5),
    event: { type: 'CafeSessionAttendanceRecorded', data: { sessionId: 'S1', employeeId, walkIn: true } },
  })),
];

describe.each(SQL_ENGINES)('next café guests on $name', (engine) => {
  it('takes the lowest-reach teams first, the divisions in turn (neediest first), ties by id, grades up to 차장 only', async () => {
    const view = await viewOf(engine, [directoryProjection, cafeSessionProjection], history);
    try {
      const later = at(20);
      const all = await nextCafeGuests(view.db, { count: 10 }, later);
      // Round 1: the unit-less division (0 %), CORP (FIN 1/5), SALES (BUSAN 2/3); then CORP and SALES; then CORP alone.
      expect(all.guests.map((g) => g.employeeId)).toEqual(['N1', 'F1', 'B1', 'F2', 'B2', 'F3', 'I1']);
      expect(all.guests.map((g) => g.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(all.guests.map((g) => g.divisionName)).toEqual([
        '—',
        'CORP unit',
        'SALES unit',
        'CORP unit',
        'SALES unit',
        'CORP unit',
        'CORP unit',
      ]);
      expect([all.seats, all.candidates]).toEqual([10, 7]);
      expect(all.guests[0]).toMatchObject({
        team: { orgUnitId: 'GHOST', name: '—', eligiblePopulation: 0, reached: 0, eligibleReachRate: 0 },
        divisionId: null,
      });
      expect(all.guests[1]).toMatchObject({
        team: { orgUnitId: 'FIN', name: 'FIN unit', eligiblePopulation: 5, reached: 1, eligibleReachRate: 0.2 },
        divisionId: 'CORP',
      });
      expect(all.guests[6]!.team).toMatchObject({ orgUnitId: 'IT', eligiblePopulation: 2, reached: 1, eligibleReachRate: 0.5 });
      expect(all.guests[2]!.team).toMatchObject({ orgUnitId: 'BUSAN', eligiblePopulation: 3, reached: 2 });
      expect(all.guests[2]!.team.eligibleReachRate).toBeCloseTo(2 / 3);
      expect(all.guests.every((g) => g.asOf?.at === later)).toBe(true);

      // Fewer seats: the same order, cut; every candidate still counted.
      const three = await nextCafeGuests(view.db, { count: 3 }, later);
      expect(three.guests.map((g) => g.employeeId)).toEqual(['N1', 'F1', 'B1']);
      expect(three.candidates).toBe(7);

      // Before the session nobody was met and F5 was still there: every team at 0 %, so ids order
      // each division and the divisions.
      const before = await nextCafeGuests(view.db, { count: 20 }, at(3));
      expect(before.guests.map((g) => g.employeeId)).toEqual(['N1', 'F1', 'B1', 'F2', 'B2', 'F3', 'B3', 'F4', 'F5', 'I1', 'I2']);
      expect(before.candidates).toBe(11);
    } finally {
      await view.dispose();
    }
  });
});
