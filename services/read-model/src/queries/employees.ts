import type { EmployeeProfile, Grade } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, latestSql as latest, refreshVersionsSql, validAtSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { groupBy, localDateOrNull } from './rows';

export type EmployeeRow = EmployeeProfile & AsOfRow;

const EMPLOYEE_FOLD = `employee_id,
    ${latest('name')} AS name, ${latest('grade')} AS grade, ${latest('org_unit_id')} AS org_unit_id, ${latest('region')} AS region,
    (array_agg(title ORDER BY occurred_at DESC, position DESC) FILTER (WHERE registered))[1] AS title,
    ${latest('hired_on')} AS hired_on, ${latest('left_on')} AS left_on`;
const EMPLOYEE_COLUMNS = 'employee_id, name, grade, org_unit_id, region, title, hired_on, left_on';

/**
 * The one definition of "an employee as of `$n`" (asOf.ts): their changes that had taken effect and
 * been recorded by then, folded in business order (later effect wins; same moment: later event).
 * Someone whose registration is not yet visible is not there at all.
 *
 * Asked without `knownAt` (record time now, the common case) it reads the fold kept ready per
 * business moment, hub_view.employee_versions (a range lookup); at a past record moment it folds.
 */
export const employeesAsOfSql = (n: number, asOf: AsOf) =>
  viewMoment(asOf)?.knownAt == null
    ? `SELECT ${EMPLOYEE_COLUMNS} FROM hub_view.employee_versions WHERE ${validAtSql(n)}`
    : `SELECT ${EMPLOYEE_FOLD} FROM hub_view.employee_changes WHERE ${asOfSql(null, n)}
  GROUP BY employee_id HAVING bool_or(registered)`;

/** Recompute the versions of the employees in `$1` from all their changes (see refreshVersionsSql). */
export const REFRESH_EMPLOYEE_VERSIONS = refreshVersionsSql({
  versions: 'employee_versions',
  changes: 'employee_changes',
  id: 'employee_id',
  columns: EMPLOYEE_COLUMNS,
  fold: EMPLOYEE_FOLD,
});

export const toEmployee =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): EmployeeRow => ({
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
  const rows = await db.query(`SELECT * FROM (${employeesAsOfSql(2, asOf)}) e WHERE employee_id = ANY($1::text[])`, [ids, asOfParam(asOf)]);
  return groupBy(ids, rows.map(toEmployee(asOf)), (e) => e.employeeId).map((g) => g[0]);
};
