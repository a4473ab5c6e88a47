import type { Grade } from './gql/graphql';

/** Café sessions are for 차장 and below (the demo's and the article's rule). */
export const CAFE_ELIGIBLE: readonly Grade[] = ['STAFF', 'ASSISTANT_MANAGER', 'MANAGER', 'DEPUTY_GENERAL_MANAGER'];

export interface Candidate {
  id: string;
  name: string;
  grade: Grade;
  unitId: string | null;
  unitName: string;
}

export interface Unit {
  id: string;
  name: string;
  parentId: string | null;
  eligibleReachRate: number;
}

export interface Suggestion extends Candidate {
  division: string;
  /** The eligible reach of the guest's team: the lower, the sooner they are asked. */
  teamReach: number;
}

/**
 * Whom to invite next: eligible employees never met at a café session and not already invited,
 * those of the teams with the lowest reach first, taken in turn from each division so one session
 * does not fill from a single division.
 */
export const suggestGuests = (candidates: readonly Candidate[], units: readonly Unit[], count: number, alreadyInvited: ReadonlySet<string> = new Set()): Suggestion[] => {
  const byId = new Map(units.map((u) => [u.id, u]));
  const divisionOf = (unitId: string | null) => {
    let u = unitId ? byId.get(unitId) : undefined;
    while (u?.parentId && byId.has(u.parentId)) u = byId.get(u.parentId);
    return u?.name ?? '—';
  };
  const pool = candidates
    .filter((c) => CAFE_ELIGIBLE.includes(c.grade) && !alreadyInvited.has(c.id))
    .map((c): Suggestion => ({ ...c, division: divisionOf(c.unitId), teamReach: (c.unitId ? byId.get(c.unitId)?.eligibleReachRate : undefined) ?? 0 }))
    .sort((a, b) => a.teamReach - b.teamReach || a.id.localeCompare(b.id));
  const queues = new Map<string, Suggestion[]>();
  for (const s of pool) queues.set(s.division, [...(queues.get(s.division) ?? []), s]);
  // Divisions in the order of their neediest team (the queues are sorted already).
  const order = [...queues.entries()].sort((a, b) => a[1][0]!.teamReach - b[1][0]!.teamReach || a[0].localeCompare(b[0]));
  const out: Suggestion[] = [];
  while (out.length < count && order.some(([, q]) => q.length > 0)) {
    for (const [, q] of order) {
      const next = q.shift();
      if (next && out.length < count) out.push(next);
    }
  }
  return out;
};

/** Branches by the day of their last leader visit, never-visited first, then the oldest. */
export const longestUnvisited = <B extends { id: string; visits: readonly { visitedAt: string }[] }>(branches: readonly B[], count: number) =>
  branches
    .map((b) => ({ branch: b, last: b.visits.reduce<string | null>((m, v) => (m === null || v.visitedAt > m ? v.visitedAt : m), null) }))
    .sort((a, b) => (a.last === b.last ? a.branch.id.localeCompare(b.branch.id) : a.last === null ? -1 : b.last === null ? 1 : a.last.localeCompare(b.last)))
    .slice(0, count);
