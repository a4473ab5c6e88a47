import { describe, expect, it } from 'vitest';
import { longestUnvisited, suggestGuests, type Candidate, type Unit } from './guests';

const units: Unit[] = [
  { id: 'CORP', name: 'Corporate', parentId: null, eligibleReachRate: 0.5 },
  { id: 'FIN', name: 'Finance', parentId: 'CORP', eligibleReachRate: 0.2 },
  { id: 'IT', name: 'IT', parentId: 'CORP', eligibleReachRate: 0.6 },
  { id: 'SALES', name: 'Sales', parentId: null, eligibleReachRate: 0.4 },
  { id: 'BUSAN', name: 'Busan', parentId: 'SALES', eligibleReachRate: 0.3 },
];
const person = (id: string, unitId: string, grade: Candidate['grade'] = 'STAFF'): Candidate => ({ id, name: id, grade, unitId, unitName: unitId });

describe('next café guests', () => {
  it('takes the lowest-reach teams first, alternating divisions, and only grades up to 차장', () => {
    const candidates = [person('A1', 'IT'), person('A2', 'FIN'), person('A3', 'FIN'), person('B1', 'BUSAN'), person('B2', 'BUSAN'), person('X', 'FIN', 'GENERAL_MANAGER'), person('Y', 'BUSAN', 'EXECUTIVE')];
    const picked = suggestGuests(candidates, units, 4);
    expect(picked.map((s) => s.id)).toEqual(['A2', 'B1', 'A3', 'B2']);
    expect(picked.map((s) => s.division)).toEqual(['Corporate', 'Sales', 'Corporate', 'Sales']);
    expect(picked[0]!.teamReach).toBe(0.2);
  });

  it('leaves out people already invited and stops when nobody is left', () => {
    const picked = suggestGuests([person('A2', 'FIN'), person('A3', 'FIN')], units, 10, new Set(['A2']));
    expect(picked.map((s) => s.id)).toEqual(['A3']);
  });

  it('lists never-visited branches first, then the longest since a visit', () => {
    const branches = [
      { id: 'B1', visits: [{ visitedAt: '2015-03-01T00:00:00Z' }, { visitedAt: '2014-12-20T00:00:00Z' }] },
      { id: 'B2', visits: [] },
      { id: 'B3', visits: [{ visitedAt: '2014-06-01T00:00:00Z' }] },
    ];
    expect(longestUnvisited(branches, 3).map((b) => [b.branch.id, b.last])).toEqual([['B2', null], ['B3', '2014-06-01T00:00:00Z'], ['B1', '2015-03-01T00:00:00Z']]);
  });
});
