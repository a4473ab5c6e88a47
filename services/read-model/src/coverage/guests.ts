import { GRADES, isCafeSessionEligible, notFound, validationError } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { cafeSessionsByIds, participantsBySessionIds, type CafeSessionRow } from '../queries/cafeSessions';
import { employeesAsOfSql } from '../queries/employees';

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
const ELIGIBLE_GRADES = GRADES.map((g) => g.code).filter(isCafeSessionEligible);

/**
 * The whole suggestion in one statement ($1 the moment, $2 as of, $3 the eligible grades, $4 those
 * invited already, $5 seats, $6 the start of history), so only the guests listed leave the database.
 *
 * - Candidates: employees of an eligible grade there at the moment, never met at a café session
 *   before it, not invited. Their team is their own org unit; its reach counts the unit's whole
 *   subtree: employees hired before the moment (leavers too), eligible ones as the population,
 *   anyone met at a café session as reached — as `cafeSessionReachByOrgUnit` over all history.
 *   Only the teams that have candidates are counted.
 * - The rule: each division (the root above the team in the org tree; none for a unit outside it)
 *   queues its candidates by their team's reach, lowest first, ties by employee id; the divisions
 *   take turns, in the order of their neediest team (ties by division id), one guest per turn.
 *   So guest n is the one with the lowest (turn within the division, division's need, division id).
 * - The first row always carries the count of every candidate, even when no seat is left.
 */
const NEXT_GUESTS_SQL = (asOf: AsOf) => `
  WITH RECURSIVE units AS (
    SELECT org_unit_id, name, parent_id FROM hub_view.org_units WHERE ${asOfSql(null, 2)}
  ),
  -- the org tree from its roots (as the console lists it), each unit with the division above it
  tree (org_unit_id, division_id) AS (
    SELECT org_unit_id, org_unit_id FROM units WHERE parent_id IS NULL
    UNION ALL
    SELECT u.org_unit_id, t.division_id FROM tree t JOIN units u ON u.parent_id = t.org_unit_id
  ),
  subtree (ancestor, descendant) AS (
    SELECT org_unit_id, org_unit_id FROM units
    UNION ALL
    SELECT s.ancestor, u.org_unit_id FROM subtree s JOIN units u ON u.parent_id = s.descendant
  ),
  people AS MATERIALIZED (
    SELECT employee_id, org_unit_id, grade = ANY($3::text[]) AS eligible, (left_on IS NULL OR left_on >= $1::timestamptz) AS present
    FROM (${employeesAsOfSql(2, asOf)}) e WHERE hired_on IS NULL OR hired_on < $1::timestamptz
  ),
  met AS MATERIALIZED (
    SELECT DISTINCT person_id FROM hub_view.touches
    WHERE channel = 'CAFE_SESSION' AND person_kind = 'EMPLOYEE' AND touched_at >= $6::timestamptz AND touched_at < $1::timestamptz
      AND ${asOfSql(null, 2)}
  ),
  candidates AS MATERIALIZED (
    SELECT p.employee_id, p.org_unit_id FROM people p
    WHERE p.eligible AND p.present AND NOT (p.employee_id = ANY($4::text[]))
      AND NOT EXISTS (SELECT 1 FROM met WHERE met.person_id = p.employee_id)
  ),
  teams AS (
    SELECT s.ancestor AS org_unit_id, count(*) FILTER (WHERE p.eligible)::int AS eligible, count(met.person_id)::int AS reached
    FROM (SELECT DISTINCT org_unit_id FROM candidates) c
    JOIN subtree s ON s.ancestor = c.org_unit_id
    JOIN people p ON p.org_unit_id = s.descendant
    LEFT JOIN met ON met.person_id = p.employee_id
    GROUP BY s.ancestor
  ),
  queued AS (
    SELECT c.employee_id, c.org_unit_id, u.name AS team_name, coalesce(t.eligible, 0) AS eligible, coalesce(t.reached, 0) AS reached,
           CASE WHEN coalesce(t.eligible, 0) = 0 THEN 0::float8 ELSE t.reached::float8 / t.eligible END AS rate,
           tr.division_id, d.name AS division_name
    FROM candidates c
    LEFT JOIN teams t ON t.org_unit_id = c.org_unit_id
    LEFT JOIN units u ON u.org_unit_id = c.org_unit_id
    LEFT JOIN tree tr ON tr.org_unit_id = c.org_unit_id
    LEFT JOIN units d ON d.org_unit_id = tr.division_id
  ),
  turns AS (
    SELECT q.*,
           row_number() OVER (PARTITION BY coalesce(division_id, '') ORDER BY rate, employee_id COLLATE "C") AS turn,
           min(rate) OVER (PARTITION BY coalesce(division_id, '')) AS division_need
    FROM queued q
  )
  SELECT n.candidates, g.* FROM (SELECT count(*)::int AS candidates FROM candidates) n
  LEFT JOIN LATERAL (
    SELECT employee_id, org_unit_id, team_name, eligible, reached, rate, division_id, division_name FROM turns
    WHERE turn <= $5
    ORDER BY turn, division_need, coalesce(division_id, '') COLLATE "C"
    LIMIT $5
  ) g ON true`;

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

  const rows = await db.query<{
    candidates: number;
    employee_id: string | null;
    org_unit_id: string | null;
    team_name: string | null;
    eligible: number;
    reached: number;
    rate: number;
    division_id: string | null;
    division_name: string | null;
  }>(NEXT_GUESTS_SQL(asOf), [at, asOfParam(asOf), ELIGIBLE_GRADES, [...invited], seats, ALL_HISTORY_FROM]);
  const moment = viewMoment(asOf);
  const guests = rows
    .filter((r) => r.employee_id !== null)
    .map((r, i): GuestSuggestion => ({
      employeeId: r.employee_id!,
      rank: i + 1,
      team: {
        orgUnitId: r.org_unit_id,
        name: r.team_name ?? '—',
        eligiblePopulation: Number(r.eligible),
        reached: Number(r.reached),
        eligibleReachRate: Number(r.rate),
      },
      divisionId: r.division_id,
      divisionName: r.division_name ?? '—',
      asOf: moment,
    }));
  return { session, seats, candidates: Number(rows[0]?.candidates ?? 0), guests };
};
