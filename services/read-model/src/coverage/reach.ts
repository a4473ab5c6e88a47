import { GRADES, isCafeSessionEligible } from '@hub/contracts';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, type AsOf } from '../asOf';
import { employeesAsOfSql } from '../queries/employees';

/*
 * Where reach is computed. Reach of a population over a period = distinct people touched in the
 * period / people in the population who were there (hired before the period ended).
 */

export interface ReachPeriod {
  /** Inclusive start (ISO instant). */
  from: string;
  /** Exclusive end (ISO instant). */
  to: string;
}

export interface OrgUnitReachRow {
  orgUnit: string;
  /** Employees in the unit during the period. */
  population: number;
  /** Of those, how many may attend café sessions (grade 차장 or below). */
  eligiblePopulation: number;
  /** Distinct employees met in a café session in the period. */
  reached: number;
  /** reached / population, 0 when the unit is empty. */
  reachRate: number;
  /** reached / eligiblePopulation, 0 when nobody is eligible. */
  eligibleReachRate: number;
}

const ELIGIBLE_GRADES = GRADES.map((g) => g.code).filter(isCafeSessionEligible);

/** Café-session (톡톡타임) reach of employees, by org unit, optionally for one host, as the view stood at `asOf`. */
export const cafeSessionReachByOrgUnit = async (
  db: SqlExecutor,
  period: ReachPeriod,
  filter: { hostId?: string | null; orgUnit?: string | null } = {},
  asOf?: AsOf,
): Promise<OrgUnitReachRow[]> => {
  const rows = await db.query<{ org_unit: string; population: number; eligible: number; reached: number }>(
    `WITH met AS (
       SELECT DISTINCT person_id FROM hub_view.touches
       WHERE channel = 'CAFE_SESSION' AND person_kind = 'EMPLOYEE'
         AND touched_at >= $1::timestamptz AND touched_at < $2::timestamptz
         AND ($3::text IS NULL OR leader_id = $3)
         AND recorded_at <= $6::timestamptz
     )
     SELECT e.org_unit,
            count(*)::int AS population,
            count(*) FILTER (WHERE e.grade = ANY($5::text[]))::int AS eligible,
            count(met.person_id)::int AS reached
     FROM (${employeesAsOfSql(6)}) e
     LEFT JOIN met ON met.person_id = e.employee_id
     WHERE (e.hired_on IS NULL OR e.hired_on < $2::timestamptz)
       AND ($4::text IS NULL OR e.org_unit = $4)
     GROUP BY e.org_unit
     ORDER BY e.org_unit`,
    [period.from, period.to, filter.hostId ?? null, filter.orgUnit ?? null, ELIGIBLE_GRADES, asOfParam(asOf)],
  );
  return rows.map((r) => {
    const population = Number(r.population);
    const eligiblePopulation = Number(r.eligible);
    const reached = Number(r.reached);
    return {
      orgUnit: r.org_unit,
      population,
      eligiblePopulation,
      reached,
      reachRate: population === 0 ? 0 : reached / population,
      eligibleReachRate: eligiblePopulation === 0 ? 0 : reached / eligiblePopulation,
    };
  });
};
