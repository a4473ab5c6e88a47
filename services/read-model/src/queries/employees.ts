import type { EmployeeProfile, Grade } from '@hub/contracts';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, latestSql as latest, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { groupBy, localDateOrNull } from './rows';

export type EmployeeRow = EmployeeProfile & AsOfRow;

/**
 * The one definition of "an employee as of `$n`" (asOf.ts): their changes that had taken effect and
 * been recorded by then, folded in business order (later effect wins; same moment: later event).
 * Someone whose registration is not yet visible is not there at all.
 */
export const employeesAsOfSql = (n: number) => `
  SELECT employee_id,
    ${latest('name')} AS name, ${latest('grade')} AS grade, ${latest('org_unit_id')} AS org_unit_id, ${latest('region')} AS region,
    (array_agg(title ORDER BY occurred_at DESC, position DESC) FILTER (WHERE registered))[1] AS title,
    ${latest('hired_on')} AS hired_on, ${latest('left_on')} AS left_on
  FROM hub_view.employee_changes WHERE ${asOfSql(null, n)}
  GROUP BY employee_id HAVING bool_or(registered)`;

export const toEmployee = (asOf: AsOf) => (r: Record<string, unknown>): EmployeeRow => ({
  employeeId: r.employee_id as string,
  name: r.name as string,
  grade: r.grade as Grade,
  orgUnitId: r.org_unit_id as string,
  region: r.region as string,
  title: (r.title as string | null) ?? null,
  hiredOn: localDateOrNull(r.hired_on),
  leftOn: localDateOrNull(r.left_on),
  asOf: viewMoment(asOf),
});

/** Employees by id, in the order asked (undefined for unknown ids): one query for any number. */
export const employeesByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf): Promise<(EmployeeRow | undefined)[]> => {
  const rows = await db.query(`SELECT * FROM (${employeesAsOfSql(2)}) e WHERE employee_id = ANY($1::text[])`, [ids, asOfParam(asOf)]);
  return groupBy(ids, rows.map(toEmployee(asOf)), (e) => e.employeeId).map((g) => g[0]);
};
