import { GRADES, isCafeSessionEligible, type Channel, type OrgUnitKind } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, type AsOf } from '../asOf';
import { employeesAsOfSql } from '../queries/employees';
import { periodTouchesSql } from './periodTouches';

/*
 * Where reach is computed. Reach of a population over a period = distinct people touched in the
 * period / people in the population who were there during it (hired before it ended, not gone
 * before it began), as the view stood at `asOf`.
 */

export interface ReachPeriod {
  /** Inclusive start (ISO instant). */
  from: string;
  /** Exclusive end (ISO instant). */
  to: string;
}

/** The id of the company-wide root row of org-unit reach (above every division). */
export const COMPANY_ROOT_ID = 'COMPANY';

export interface OrgUnitReachRow {
  orgUnitId: string;
  orgUnitName: string;
  /** COMPANY for the root row: everyone, whichever division. */
  kind: OrgUnitKind | 'COMPANY';
  /** The unit above; the company root for a division; null for the root. */
  parentId: string | null;
  /** Employees of the unit and all its sub-units during the period. */
  population: number;
  /** Of those, how many may attend café sessions (grade 차장 or below). */
  eligiblePopulation: number;
  /** Distinct employees reached in the period (through the channel asked for, or any). */
  reached: number;
  /** reached / population, 0 when the unit is empty. */
  reachRate: number;
  /** reached / eligiblePopulation, 0 when nobody is eligible. */
  eligibleReachRate: number;
}

const ELIGIBLE_GRADES = GRADES.map((g) => g.code).filter(isCafeSessionEligible);

/**
 * Reach of employees for every org unit, each unit counting its whole subtree (a division
 * includes its departments and their teams), under one company-wide root (`COMPANY`, first),
 * through one channel or any, optionally by one leader or for one unit (`COMPANY` for the root alone).
 */
export const employeeReachByOrgUnit = async (
  db: SqlExecutor,
  period: ReachPeriod,
  filter: { channel?: Channel | null; leaderId?: string | null; orgUnitId?: string | null } = {},
  asOf?: AsOf,
): Promise<OrgUnitReachRow[]> => {
  const params: unknown[] = [
    period.from,
    period.to,
    filter.leaderId ?? null,
    filter.orgUnitId ?? null,
    ELIGIBLE_GRADES,
    asOfParam(asOf),
    COMPANY_ROOT_ID,
    filter.channel ?? null,
  ];
  const touches = periodTouchesSql(params, { kind: "'EMPLOYEE'", from: '$1', to: '$2', asOf: 6, channel: '$8', leader: '$3' }, period);
  const rows = await db.query<{
    org_unit_id: string;
    name: string;
    kind: OrgUnitKind | 'COMPANY';
    parent_id: string | null;
    population: number;
    eligible: number;
    reached: number;
  }>(
    `WITH RECURSIVE units AS (
       SELECT org_unit_id, name, kind, parent_id FROM hub_view.org_units WHERE ${asOfSql(null, 6)}
     ),
     -- every unit paired with itself and each unit below it
     subtree (ancestor, descendant) AS (
       SELECT org_unit_id, org_unit_id FROM units
       UNION ALL
       SELECT s.ancestor, u.org_unit_id FROM subtree s JOIN units u ON u.parent_id = s.descendant
     ),
     present AS (
       SELECT * FROM (${employeesAsOfSql(6, asOf)}) e
       WHERE (e.hired_on IS NULL OR e.hired_on < $2::timestamptz) AND (e.left_on IS NULL OR e.left_on >= $1::timestamptz)
     ),
     met AS (SELECT DISTINCT person_id FROM (${touches}) t)
     -- the company-wide root first: every employee present, whichever division
     SELECT $7::text AS org_unit_id, 'Company (전사)' AS name, 'COMPANY' AS kind, NULL::text AS parent_id,
            count(p.employee_id)::int AS population,
            count(p.employee_id) FILTER (WHERE p.grade = ANY($5::text[]))::int AS eligible,
            count(met.person_id)::int AS reached, 0 AS root
     FROM present p LEFT JOIN met ON met.person_id = p.employee_id
     HAVING $4::text IS NULL OR $4 = $7 -- HAVING, not WHERE: an aggregate without GROUP BY always makes a row
     UNION ALL
     SELECT u.org_unit_id, u.name, u.kind, coalesce(u.parent_id, $7),
            count(p.employee_id)::int AS population,
            count(p.employee_id) FILTER (WHERE p.grade = ANY($5::text[]))::int AS eligible,
            count(met.person_id)::int AS reached, 1 AS root
     FROM units u
     JOIN subtree s ON s.ancestor = u.org_unit_id
     LEFT JOIN present p ON p.org_unit_id = s.descendant
     LEFT JOIN met ON met.person_id = p.employee_id
     WHERE ($4::text IS NULL OR u.org_unit_id = $4)
     GROUP BY u.org_unit_id, u.name, u.kind, u.parent_id
     ORDER BY root, org_unit_id`,
    params,
  );
  return rows.map((r) => {
    const population = Number(r.population);
    const eligiblePopulation = Number(r.eligible);
    const reached = Number(r.reached);
    return {
      orgUnitId: r.org_unit_id,
      orgUnitName: r.name,
      kind: r.kind,
      parentId: r.parent_id,
      population,
      eligiblePopulation,
      reached,
      reachRate: population === 0 ? 0 : reached / population,
      eligibleReachRate: eligiblePopulation === 0 ? 0 : reached / eligiblePopulation,
    };
  });
};

/** Café-session (톡톡타임) reach of employees for every org unit, optionally for one host or one unit. */
export const cafeSessionReachByOrgUnit = (
  db: SqlExecutor,
  period: ReachPeriod,
  filter: { hostId?: string | null; orgUnitId?: string | null } = {},
  asOf?: AsOf,
): Promise<OrgUnitReachRow[]> =>
  employeeReachByOrgUnit(db, period, { channel: 'CAFE_SESSION', leaderId: filter.hostId, orgUnitId: filter.orgUnitId }, asOf);
