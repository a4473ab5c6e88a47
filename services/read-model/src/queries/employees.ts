import type { Channel, EmployeeProfile, Grade, TouchMode } from '@hub/contracts';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, type AsOf, type AsOfRow } from '../asOf';
import { groupBy, iso, localDateOrNull } from './rows';

export type EmployeeRow = EmployeeProfile & AsOfRow;

export interface TouchRow extends AsOfRow {
  touchId: string;
  personId: string;
  personKind: string;
  leaderId: string | null;
  channel: Channel;
  mode: TouchMode;
  touchedAt: string;
  sourceEventId: string;
  recordedAt: string;
}

/** SQL for the employees as the view knew them at `$n` (each employee's newest version recorded by then). */
export const employeesAsOfSql = (n: number) => `
  SELECT DISTINCT ON (employee_id) employee_id, name, grade, org_unit, region, title, hired_on
  FROM hub_view.employee_versions WHERE recorded_at <= $${n}::timestamptz
  ORDER BY employee_id, position DESC`;

const toEmployee = (asOf: AsOf) => (r: Record<string, unknown>): EmployeeRow => ({
  employeeId: r.employee_id as string,
  name: r.name as string,
  grade: r.grade as Grade,
  orgUnit: r.org_unit as string,
  region: r.region as string,
  title: (r.title as string | null) ?? null,
  hiredOn: localDateOrNull(r.hired_on),
  asOf: asOf ?? null,
});

const toTouch = (asOf: AsOf) => (r: Record<string, unknown>): TouchRow => ({
  touchId: r.touch_id as string,
  personId: r.person_id as string,
  personKind: r.person_kind as string,
  leaderId: (r.leader_id as string | null) ?? null,
  channel: r.channel as Channel,
  mode: r.mode as TouchMode,
  touchedAt: iso(r.touched_at),
  sourceEventId: r.source_event_id as string,
  recordedAt: iso(r.recorded_at),
  asOf: asOf ?? null,
});

/** Employees by id, in the order asked (undefined for unknown ids): one query for any number. */
export const employeesByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf): Promise<(EmployeeRow | undefined)[]> => {
  const rows = await db.query(`SELECT * FROM (${employeesAsOfSql(2)}) e WHERE employee_id = ANY($1::text[])`, [ids, asOfParam(asOf)]);
  return groupBy(ids, rows.map(toEmployee(asOf)), (e) => e.employeeId).map((g) => g[0]);
};

export const listEmployees = async (db: SqlExecutor, filter: { orgUnit?: string | null; grade?: Grade | null } = {}, asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT * FROM (${employeesAsOfSql(3)}) e
     WHERE ($1::text IS NULL OR org_unit = $1) AND ($2::text IS NULL OR grade = $2)
     ORDER BY org_unit, name, employee_id`,
    [filter.orgUnit ?? null, filter.grade ?? null, asOfParam(asOf)],
  );
  return rows.map(toEmployee(asOf));
};

/** Touches of many people at once, newest first per person, as recorded by `asOf`. */
export const touchesByPersonIds = async (db: SqlExecutor, personIds: readonly string[], asOf?: AsOf): Promise<TouchRow[][]> => {
  const rows = await db.query(
    'SELECT * FROM hub_view.touches WHERE person_id = ANY($1::text[]) AND recorded_at <= $2::timestamptz ORDER BY touched_at DESC, touch_id',
    [personIds, asOfParam(asOf)],
  );
  return groupBy(personIds, rows.map(toTouch(asOf)), (t) => t.personId);
};
