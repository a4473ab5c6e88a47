import type { EmployeeProfile, Grade } from '@hub/contracts';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, type AsOf, type AsOfRow } from '../asOf';
import { groupBy, localDateOrNull } from './rows';

export type EmployeeRow = EmployeeProfile & AsOfRow;

/** SQL for the employees as the view knew them at `$n` (each employee's newest version recorded by then). */
export const employeesAsOfSql = (n: number) => `
  SELECT DISTINCT ON (employee_id) employee_id, name, grade, org_unit_id, region, title, hired_on, left_on
  FROM hub_view.employee_versions WHERE recorded_at <= $${n}::timestamptz
  ORDER BY employee_id, position DESC`;

export const toEmployee = (asOf: AsOf) => (r: Record<string, unknown>): EmployeeRow => ({
  employeeId: r.employee_id as string,
  name: r.name as string,
  grade: r.grade as Grade,
  orgUnitId: r.org_unit_id as string,
  region: r.region as string,
  title: (r.title as string | null) ?? null,
  hiredOn: localDateOrNull(r.hired_on),
  leftOn: localDateOrNull(r.left_on),
  asOf: asOf ?? null,
});

/** Employees by id, in the order asked (undefined for unknown ids): one query for any number. */
export const employeesByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf): Promise<(EmployeeRow | undefined)[]> => {
  const rows = await db.query(`SELECT * FROM (${employeesAsOfSql(2)}) e WHERE employee_id = ANY($1::text[])`, [ids, asOfParam(asOf)]);
  return groupBy(ids, rows.map(toEmployee(asOf)), (e) => e.employeeId).map((g) => g[0]);
};
