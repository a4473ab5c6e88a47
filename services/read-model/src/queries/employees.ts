import type { Channel, EmployeeProfile, Grade, TouchMode } from '@hub/contracts';
import type { SqlExecutor } from '@hub/sql';
import { groupBy, iso, localDateOrNull } from './rows';

export type EmployeeRow = EmployeeProfile;

export interface TouchRow {
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

const toEmployee = (r: Record<string, unknown>): EmployeeRow => ({
  employeeId: r.employee_id as string,
  name: r.name as string,
  grade: r.grade as Grade,
  orgUnit: r.org_unit as string,
  region: r.region as string,
  title: (r.title as string | null) ?? null,
  hiredOn: localDateOrNull(r.hired_on),
});

const toTouch = (r: Record<string, unknown>): TouchRow => ({
  touchId: r.touch_id as string,
  personId: r.person_id as string,
  personKind: r.person_kind as string,
  leaderId: (r.leader_id as string | null) ?? null,
  channel: r.channel as Channel,
  mode: r.mode as TouchMode,
  touchedAt: iso(r.touched_at),
  sourceEventId: r.source_event_id as string,
  recordedAt: iso(r.recorded_at),
});

/** Employees by id, in the order asked (undefined for unknown ids): one query for any number. */
export const employeesByIds = async (db: SqlExecutor, ids: readonly string[]): Promise<(EmployeeRow | undefined)[]> => {
  const rows = await db.query('SELECT * FROM hub_view.employees WHERE employee_id = ANY($1::text[])', [ids]);
  return groupBy(ids, rows.map(toEmployee), (e) => e.employeeId).map((g) => g[0]);
};

export const listEmployees = async (db: SqlExecutor, filter: { orgUnit?: string | null; grade?: Grade | null } = {}) => {
  const rows = await db.query(
    `SELECT * FROM hub_view.employees
     WHERE ($1::text IS NULL OR org_unit = $1) AND ($2::text IS NULL OR grade = $2)
     ORDER BY org_unit, name, employee_id`,
    [filter.orgUnit ?? null, filter.grade ?? null],
  );
  return rows.map(toEmployee);
};

/** Touches of many people at once, newest first per person. */
export const touchesByPersonIds = async (db: SqlExecutor, personIds: readonly string[]): Promise<TouchRow[][]> => {
  const rows = await db.query('SELECT * FROM hub_view.touches WHERE person_id = ANY($1::text[]) ORDER BY touched_at DESC, touch_id', [personIds]);
  return groupBy(personIds, rows.map(toTouch), (t) => t.personId);
};
