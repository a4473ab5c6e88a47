import { describe, expect, it } from 'vitest';
import { pickGuests, type GuestCandidate, type GuestTeam, type GuestUnit } from './guests';

const units: GuestUnit[] = [
  { orgUnitId: 'CORP', name: 'Corporate', parentId: null },
  { orgUnitId: 'FIN', name: 'Finance', parentId: 'CORP' },
  { orgUnitId: 'IT', name: 'IT', parentId: 'CORP' },
  { orgUnitId: 'SALES', name: 'Sales', parentId: null },
  { orgUnitId: 'BUSAN', name: 'Busan', parentId: 'SALES' },
];
const rates: Record<string, number> = { CORP: 0.5, FIN: 0.2, IT: 0.6, SALES: 0.4, BUSAN: 0.3 };
const teamOf = (id: string | null): GuestTeam => ({
  orgUnitId: id,
  name: id ?? '—',
  eligiblePopulation: 10,
  reached: Math.round((rates[id ?? ''] ?? 0) * 10),
  eligibleReachRate: rates[id ?? ''] ?? 0,
});
const person = (employeeId: string, orgUnitId: string | null, grade: GuestCandidate['grade'] = 'STAFF'): GuestCandidate => ({
  employeeId,
  orgUnitId,
  grade,
});

describe('picking café guests', () => {
  it('takes the lowest-reach teams first, alternating divisions, and only grades up to 차장', () => {
    const candidates = [
      person('A1', 'IT'),
      person('A2', 'FIN'),
      person('A3', 'FIN'),
      person('B1', 'BUSAN'),
      person('B2', 'BUSAN'),
      person('X', 'FIN', 'GENERAL_MANAGER'),
      person('Y', 'BUSAN', 'EXECUTIVE'),
    ];
    const picked = pickGuests(candidates, units, teamOf, 4);
    expect(picked.map((s) => s.employeeId)).toEqual(['A2', 'B1', 'A3', 'B2']);
    expect(picked.map((s) => s.divisionName)).toEqual(['Corporate', 'Sales', 'Corporate', 'Sales']);
    expect(picked.map((s) => s.rank)).toEqual([1, 2, 3, 4]);
    expect(picked[0]!.team.eligibleReachRate).toBe(0.2);
  });

  it('keeps on with the divisions that still have people, and stops when nobody is left', () => {
    const picked = pickGuests([person('A2', 'FIN'), person('A3', 'FIN'), person('B1', 'BUSAN')], units, teamOf, 10);
    expect(picked.map((s) => s.employeeId)).toEqual(['A2', 'B1', 'A3']);
  });

  it('puts someone without an org unit in a division of their own, at 0 % reach', () => {
    const picked = pickGuests([person('N', null), person('A2', 'FIN')], units, teamOf, 2);
    expect(picked.map((s) => [s.employeeId, s.divisionName])).toEqual([
      ['N', '—'],
      ['A2', 'Corporate'],
    ]);
  });
});
