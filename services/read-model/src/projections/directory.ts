import { defineProjection } from '../projection';
import { REFRESH_FC_VERSIONS } from '../queries/directory';
import { REFRESH_EMPLOYEE_VERSIONS } from '../queries/employees';

const DDL = `
-- The org tree: division → department → team. Defined once; a unit's parent never changes.
CREATE TABLE IF NOT EXISTS hub_view.org_units (
  org_unit_id  text PRIMARY KEY,
  name         text NOT NULL,
  kind         text NOT NULL,
  parent_id    text,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL
);

-- One row per change of an employee (registered, promoted, transferred, left) holding only what it
-- changed (NULL: unchanged); the employee as of a moment is their changes up to it, folded in
-- business order (queries/employees.ts).
CREATE TABLE IF NOT EXISTS hub_view.employee_changes (
  source_event_id uuid PRIMARY KEY,
  employee_id     text NOT NULL,
  registered      boolean NOT NULL,
  name            text,
  grade           text,
  org_unit_id     text,
  region          text,
  title           text,
  hired_on        date,
  left_on         date,
  position        bigint NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS employee_changes_by_employee ON hub_view.employee_changes (employee_id, occurred_at, position);

-- Each employee as of every business moment, as everything recorded says (record time: now): the
-- fold of their changes (queries/employees.ts) taken once per moment one of them took effect,
-- valid over [valid_from, valid_to) — valid_to NULL: still valid. Recomputed for one employee, in
-- the projector's transaction, whenever one of their changes arrives (a person has few), so a
-- question without knownAt reads a range instead of folding every change of everyone.
-- Not before registration: until a registration has taken effect the employee is not there.
CREATE TABLE IF NOT EXISTS hub_view.employee_versions (
  employee_id  text NOT NULL,
  valid_from   timestamptz NOT NULL,
  valid_to     timestamptz,
  name         text,
  grade        text,
  org_unit_id  text,
  region       text,
  title        text,
  hired_on     date,
  left_on      date,
  PRIMARY KEY (employee_id, valid_from)
);
CREATE INDEX IF NOT EXISTS employee_versions_valid ON hub_view.employee_versions (valid_to, valid_from);

CREATE TABLE IF NOT EXISTS hub_view.branches (
  branch_id    text PRIMARY KEY,
  name         text NOT NULL,
  region       text NOT NULL,
  district     text NOT NULL,
  seoul        boolean NOT NULL,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS hub_view.branch_pride (
  branch_id    text PRIMARY KEY,
  since        date NOT NULL,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL
);

-- One row per change of an FC (registered, transferred, left), as for employees.
CREATE TABLE IF NOT EXISTS hub_view.fc_changes (
  source_event_id uuid PRIMARY KEY,
  fc_id           text NOT NULL,
  registered      boolean NOT NULL,
  name            text,
  branch_id       text,
  hired_on        date,
  left_on         date,
  position        bigint NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS fc_changes_by_fc ON hub_view.fc_changes (fc_id, occurred_at, position);

-- Each FC as of every business moment, as for employees (employee_versions).
CREATE TABLE IF NOT EXISTS hub_view.fc_versions (
  fc_id       text NOT NULL,
  valid_from  timestamptz NOT NULL,
  valid_to    timestamptz,
  name        text,
  branch_id   text,
  hired_on    date,
  left_on     date,
  PRIMARY KEY (fc_id, valid_from)
);
CREATE INDEX IF NOT EXISTS fc_versions_valid ON hub_view.fc_versions (valid_to, valid_from);
CREATE INDEX IF NOT EXISTS fc_versions_branch ON hub_view.fc_versions (branch_id);
`;

/**
 * The directory into the view. People change, so every change is a row holding only what it
 * changed, stamped with when it took effect (`occurred_at`) and when it was recorded; the person as
 * of a moment is folded from them in business order (queries/employees.ts, queries/directory.ts),
 * so a transfer recorded after a later promotion still lands on its own day. Each person's folds
 * per business moment are kept ready too (employee_versions, fc_versions) for questions about now.
 */
export const directoryProjection = defineProjection({
  name: 'directory',
  shape: 1,
  ddl: DDL,
  handles: [
    'OrgUnitDefined',
    'EmployeeRegistered',
    'EmployeePromoted',
    'EmployeeTransferred',
    'EmployeeLeft',
    'BranchRegistered',
    'BranchEnrolledInPride',
    'FcRegistered',
    'FcTransferred',
    'FcLeft',
  ],
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    const stamp = [id, position.toString(), occurredAt, recordedAt];
    /** One employee change: `values` for the named columns, NULL for the rest. */
    /** Then the person's versions are folded again, in this transaction (queries/employees.ts). */
    const refresh = async (statements: readonly string[], personId: string) => {
      for (const sql of statements) await tx.query(sql, [personId]);
    };
    const employeeChange = async (
      employeeId: string,
      registered: boolean,
      values: Partial<Record<'name' | 'grade' | 'org_unit_id' | 'region' | 'title' | 'hired_on' | 'left_on', string | null>>,
    ) => {
      await tx.query(
        `INSERT INTO hub_view.employee_changes (source_event_id, position, occurred_at, recorded_at, employee_id, registered, name, grade, org_unit_id, region, title, hired_on, left_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13::date) ON CONFLICT (source_event_id) DO NOTHING`,
        [
          ...stamp,
          employeeId,
          registered,
          values.name ?? null,
          values.grade ?? null,
          values.org_unit_id ?? null,
          values.region ?? null,
          values.title ?? null,
          values.hired_on ?? null,
          values.left_on ?? null,
        ],
      );
      await refresh(REFRESH_EMPLOYEE_VERSIONS, employeeId);
    };
    const fcChange = async (
      fcId: string,
      registered: boolean,
      values: Partial<Record<'name' | 'branch_id' | 'hired_on' | 'left_on', string | null>>,
    ) => {
      await tx.query(
        `INSERT INTO hub_view.fc_changes (source_event_id, position, occurred_at, recorded_at, fc_id, registered, name, branch_id, hired_on, left_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10::date) ON CONFLICT (source_event_id) DO NOTHING`,
        [...stamp, fcId, registered, values.name ?? null, values.branch_id ?? null, values.hired_on ?? null, values.left_on ?? null],
      );
      await refresh(REFRESH_FC_VERSIONS, fcId);
    };

    // Org units and branches have no effective date in the model: they count as always there, so a
    // tree defined on the day history is loaded holds the history too (record time still applies).
    const ALWAYS = '-infinity';
    switch (event.type) {
      case 'OrgUnitDefined': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.org_units (org_unit_id, name, kind, parent_id, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [d.orgUnitId, d.name, d.kind, d.parentId, ALWAYS, recordedAt],
        );
        return;
      }
      case 'EmployeeRegistered': {
        const e = event.data;
        await employeeChange(e.employeeId, true, {
          name: e.name,
          grade: e.grade,
          org_unit_id: e.orgUnitId,
          region: e.region,
          title: e.title,
          hired_on: e.hiredOn,
        });
        return;
      }
      case 'EmployeePromoted':
        await employeeChange(event.data.employeeId, false, { grade: event.data.grade });
        return;
      case 'EmployeeTransferred':
        await employeeChange(event.data.employeeId, false, { org_unit_id: event.data.orgUnitId, region: event.data.region });
        return;
      case 'EmployeeLeft':
        await employeeChange(event.data.employeeId, false, { left_on: event.data.leftOn });
        return;
      case 'BranchRegistered': {
        const b = event.data;
        await tx.query(
          `INSERT INTO hub_view.branches (branch_id, name, region, district, seoul, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [b.branchId, b.name, b.region, b.district, b.seoul, ALWAYS, recordedAt],
        );
        return;
      }
      case 'BranchEnrolledInPride':
        await tx.query(
          `INSERT INTO hub_view.branch_pride (branch_id, since, occurred_at, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [event.data.branchId, event.data.since, occurredAt, recordedAt],
        );
        return;
      case 'FcRegistered': {
        const f = event.data;
        await fcChange(f.fcId, true, { name: f.name, branch_id: f.branchId, hired_on: f.hiredOn });
        return;
      }
      case 'FcTransferred':
        await fcChange(event.data.fcId, false, { branch_id: event.data.branchId });
        return;
      case 'FcLeft':
        await fcChange(event.data.fcId, false, { left_on: event.data.leftOn });
        return;
      default:
        return;
    }
  },
});
