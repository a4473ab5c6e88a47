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

/** Employees, optionally of one org unit (with its sub-units) or grade; those who left only when asked. */
export const listEmployees = async (
  db: SqlExecutor,
  filter: { orgUnitId?: string | null; grade?: Grade | null; includeLeft?: boolean } = {},
  asOf?: AsOf,
) => {
  const rows = await db.query(
    `WITH RECURSIVE units AS (
       SELECT org_unit_id FROM hub_view.org_units WHERE org_unit_id = $1 AND recorded_at <= $3::timestamptz
       UNION ALL
       SELECT o.org_unit_id FROM hub_view.org_units o JOIN units u ON o.parent_id = u.org_unit_id WHERE o.recorded_at <= $3::timestamptz
     )
     SELECT * FROM (${employeesAsOfSql(3)}) e
     WHERE ($1::text IS NULL OR org_unit_id IN (SELECT org_unit_id FROM units)) AND ($2::text IS NULL OR grade = $2)
       AND ($4 OR left_on IS NULL)
     ORDER BY org_unit_id, name, employee_id`,
    [filter.orgUnitId ?? null, filter.grade ?? null, asOfParam(asOf), filter.includeLeft ?? false],
  );
  return rows.map(toEmployee(asOf));
};
