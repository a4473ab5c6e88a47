import { GRADES, isCafeSessionEligible, notFound, validationError, type Grade } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { listOrgUnits } from '../queries/directory';
import { cafeSessionsByIds, participantsBySessionIds, type CafeSessionRow } from '../queries/cafeSessions';
import { employeesByIds } from '../queries/employees';
import { gaps, MAX_GAP_DAYS } from './coverage';
import { cafeSessionReachByOrgUnit } from './reach';

/*
 * Next café guests: whom to invite to the next café session. Eligible employees (차장 or below)
 * never met at a café session, those of the teams with the lowest café reach first, taken in turn
 * from each division so one session does not fill from a single division — each with its reason.
 */

/** The most guests one suggestion lists: a café session is a table, not a town hall. */
export const NEXT_GUESTS_MAX = 100;
/** Without a session, this many guests are suggested. */
export const NEXT_GUESTS_DEFAULT = 10;
/** Before any history: the team reach behind the suggestion counts every café session so far. */
const ALL_HISTORY_FROM = '1900-01-01T00:00:00.000Z';

export interface GuestTeam {
  orgUnitId: string | null;
  name: string;
  /** Café-eligible employees of the team (its subtree) and how many of them were ever met at one. */
  eligiblePopulation: number;
  reached: number;
  /** reached / eligiblePopulation (0 to 1). */
  eligibleReachRate: number;
}

export interface GuestSuggestion extends AsOfRow {
  employeeId: string;
  /** Place in the suggestion, from 1. */
  rank: number;
  team: GuestTeam;
  /** The division (top of the org tree) the team belongs to. */
  divisionId: string | null;
  divisionName: string;
}

export interface GuestCandidate {
  employeeId: string;
  grade: Grade;
  orgUnitId: string | null;
}

export interface GuestUnit {
  orgUnitId: string;
  name: string;
  parentId: string | null;
}

/**
 * The pure rule, apart from the data: the eligible candidates (never met, not yet invited) sorted
 * by their team's reach, lowest first; then one from each division in turn, the divisions in the
 * order of their neediest team. Ties break on ids, so the same data always gives the same list.
 */
export const pickGuests = (
  candidates: readonly GuestCandidate[],
  units: readonly GuestUnit[],
  teamOf: (orgUnitId: string | null) => GuestTeam,
  count: number,
): Omit<GuestSuggestion, 'asOf'>[] => {
  const byId = new Map(units.map((u) => [u.orgUnitId, u]));
  const divisionOf = (orgUnitId: string | null) => {
    let u = orgUnitId ? byId.get(orgUnitId) : undefined;
    while (u?.parentId && byId.has(u.parentId)) u = byId.get(u.parentId);
    return { divisionId: u?.orgUnitId ?? null, divisionName: u?.name ?? '—' };
  };
  const pool = candidates
    .filter((c) => isCafeSessionEligible(c.grade))
    .map((c) => ({ employeeId: c.employeeId, team: teamOf(c.orgUnitId), ...divisionOf(c.orgUnitId) }))
    .sort((a, b) => a.team.eligibleReachRate - b.team.eligibleReachRate || a.employeeId.localeCompare(b.employeeId));
  const queues = new Map<string, typeof pool>();
  for (const s of pool) {
    const key = s.divisionId ?? '';
    queues.set(key, [...(queues.get(key) ?? []), s]);
  }
  // Divisions in the order of their neediest team (each queue is sorted already).
  const order = [...queues.entries()].sort(
    (a, b) => a[1][0]!.team.eligibleReachRate - b[1][0]!.team.eligibleReachRate || a[0].localeCompare(b[0]),
  );
  const out: Omit<GuestSuggestion, 'asOf'>[] = [];
  while (out.length < count && order.some(([, q]) => q.length > 0)) {
    for (const [, q] of order) {
      const next = q.shift();
      if (next && out.length < count) out.push({ ...next, rank: out.length + 1 });
    }
  }
  return out;
};

export interface NextCafeGuests {
  /** The session asked about, when one was named. */
  session: CafeSessionRow | null;
  /** Seats the suggestion fills: the session's free seats, or the count asked for. */
  seats: number;
  /** Eligible employees never met at a café session, not yet invited: all of them, not only those listed. */
  candidates: number;
  guests: GuestSuggestion[];
}

/**
 * The suggestion as the view stood at `asOf` (its moment is "now" when absent): for a scheduled
 * session, as many guests as it has free seats (at most `count` when given), leaving out those
 * already invited to it; without a session, `count` guests (default NEXT_GUESTS_DEFAULT).
 */
export const nextCafeGuests = async (
  db: SqlExecutor,
  ask: { sessionId?: string | null; count?: number | null },
  asOfArg?: AsOf,
): Promise<NextCafeGuests> => {
  const { sessionId = null, count = null } = ask;
  if (count != null && (!Number.isInteger(count) || count < 1 || count > NEXT_GUESTS_MAX))
    throw validationError(`count must be a whole number from 1 to ${NEXT_GUESTS_MAX}`);
  // One moment for every lookup below, "now" fixed once when none is given.
  const given = viewMoment(asOfArg);
  const at = given?.at ?? new Date().toISOString();
  const asOf = { at, knownAt: given?.knownAt ?? null };
  let session: CafeSessionRow | null = null;
  let invited = new Set<string>();
  if (sessionId != null) {
    session = (await cafeSessionsByIds(db, [sessionId], asOf))[0] ?? null;
    if (!session) throw notFound(`sessionId: no café session ${sessionId}`);
    if (session.status !== 'SCHEDULED') throw validationError(`sessionId: café session ${sessionId} is cancelled`);
    if (Date.parse(session.scheduledAt) <= Date.parse(at))
      throw validationError(`sessionId: café session ${sessionId} has already taken place`);
    const [participants] = await participantsBySessionIds(db, [sessionId], asOf);
    invited = new Set((participants ?? []).filter((p) => p.invited).map((p) => p.employeeId));
  }
  const seats = session
    ? Math.min(Math.max(0, session.capacity - session.invitedCount), count ?? NEXT_GUESTS_MAX)
    : (count ?? NEXT_GUESTS_DEFAULT);

  const eligibleGrades = GRADES.map((g) => g.code).filter(isCafeSessionEligible);
  // Never met at a café session: no café touch in the hundred years before the moment.
  const gap = await gaps(db, 'EMPLOYEE', { grades: eligibleGrades }, at, MAX_GAP_DAYS, { channel: 'CAFE_SESSION' }, 1_000_000, asOf);
  const neverMet = gap.rows.filter((r) => r.lastTouchedAt === null && !invited.has(r.personId)).map((r) => r.personId);
  const employees = (await employeesByIds(db, neverMet, asOf)).filter((e) => e !== undefined);
  const [units, reach] = await Promise.all([
    listOrgUnits(db, asOf),
    cafeSessionReachByOrgUnit(db, { from: ALL_HISTORY_FROM, to: at }, {}, asOf),
  ]);
  const reachOf = new Map(reach.map((r) => [r.orgUnitId, r]));
  const teamOf = (orgUnitId: string | null): GuestTeam => {
    const r = orgUnitId ? reachOf.get(orgUnitId) : undefined;
    return {
      orgUnitId,
      name: r?.orgUnitName ?? '—',
      eligiblePopulation: r?.eligiblePopulation ?? 0,
      reached: r?.reached ?? 0,
      eligibleReachRate: r?.eligibleReachRate ?? 0,
    };
  };
  const picked = pickGuests(
    employees.map((e) => ({ employeeId: e.employeeId, grade: e.grade, orgUnitId: e.orgUnitId })),
    units.map((u) => ({ orgUnitId: u.orgUnitId, name: u.name, parentId: u.parentId })),
    teamOf,
    seats,
  );
  const moment = viewMoment(asOf);
  return { session, seats, candidates: employees.length, guests: picked.map((g) => ({ ...g, asOf: moment })) };
};
