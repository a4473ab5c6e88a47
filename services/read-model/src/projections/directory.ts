import { defineProjection, eventsOf, insertRows, stamps } from '../projection';
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
  // The refold finds a person's changes by employee_changes_by_employee / fc_changes_by_fc.
  readsOwnIndexes: true,
  // Set-based: the batch's changes in one statement per table, then the versions of everyone the
  // batch changed folded again once (the fold reads all of a person's changes, so once per batch
  // gives what once per change did).
  async applyMany(tx, events) {
    const stamp = (e: (typeof events)[number]) => ({ source_event_id: e.id, position: e.position.toString(), ...stamps(e) });
    // Org units and branches have no effective date in the model: they count as always there, so a
    // tree defined on the day history is loaded holds the history too (record time still applies).
    const ALWAYS = '-infinity';
    await insertRows(
      tx,
      'org_units',
      'org_unit_id text, name text, kind text, parent_id text, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'OrgUnitDefined').map((e) => {
        const d = e.event.data;
        return {
          org_unit_id: d.orgUnitId,
          name: d.name,
          kind: d.kind,
          parent_id: d.parentId,
          occurred_at: ALWAYS,
          recorded_at: e.recordedAt,
        };
      }),
    );
    await insertRows(
      tx,
      'branches',
      'branch_id text, name text, region text, district text, seoul boolean, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'BranchRegistered').map((e) => {
        const b = e.event.data;
        return {
          branch_id: b.branchId,
          name: b.name,
          region: b.region,
          district: b.district,
          seoul: b.seoul,
          occurred_at: ALWAYS,
          recorded_at: e.recordedAt,
        };
      }),
    );
    await insertRows(
      tx,
      'branch_pride',
      'branch_id text, since date, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'BranchEnrolledInPride').map((e) => ({ branch_id: e.event.data.branchId, since: e.event.data.since, ...stamps(e) })),
    );

    // One row per change, holding only what it changed (NULL: unchanged).
    const employeeChanges = events.flatMap((e): ({ employee_id: string } & Record<string, unknown>)[] => {
      const change = { ...stamp(e), registered: false };
      switch (e.event.type) {
        case 'EmployeeRegistered': {
          const d = e.event.data;
          return [
            {
              ...change,
              employee_id: d.employeeId,
              registered: true,
              name: d.name,
              grade: d.grade,
              org_unit_id: d.orgUnitId,
              region: d.region,
              title: d.title ?? null,
              hired_on: d.hiredOn,
            },
          ];
        }
        case 'EmployeePromoted':
          return [{ ...change, employee_id: e.event.data.employeeId, grade: e.event.data.grade }];
        case 'EmployeeTransferred':
          return [{ ...change, employee_id: e.event.data.employeeId, org_unit_id: e.event.data.orgUnitId, region: e.event.data.region }];
        case 'EmployeeLeft':
          return [{ ...change, employee_id: e.event.data.employeeId, left_on: e.event.data.leftOn }];
        default:
          return [];
      }
    });
    await insertRows(
      tx,
      'employee_changes',
      'source_event_id uuid, position bigint, occurred_at timestamptz, recorded_at timestamptz, employee_id text, registered boolean, name text, grade text, org_unit_id text, region text, title text, hired_on date, left_on date',
      employeeChanges,
    );
    const fcChanges = events.flatMap((e): ({ fc_id: string } & Record<string, unknown>)[] => {
      const change = { ...stamp(e), registered: false };
      switch (e.event.type) {
        case 'FcRegistered': {
          const d = e.event.data;
          return [{ ...change, fc_id: d.fcId, registered: true, name: d.name, branch_id: d.branchId, hired_on: d.hiredOn }];
        }
        case 'FcTransferred':
          return [{ ...change, fc_id: e.event.data.fcId, branch_id: e.event.data.branchId }];
        case 'FcLeft':
          return [{ ...change, fc_id: e.event.data.fcId, left_on: e.event.data.leftOn }];
        default:
          return [];
      }
    });
    await insertRows(
      tx,
      'fc_changes',
      'source_event_id uuid, position bigint, occurred_at timestamptz, recorded_at timestamptz, fc_id text, registered boolean, name text, branch_id text, hired_on date, left_on date',
      fcChanges,
    );
    // The people changed are folded again, in this transaction (queries/employees.ts, queries/directory.ts).
    const refresh = async (statements: readonly string[], ids: string[]) => {
      if (ids.length === 0) return;
      for (const sql of statements) await tx.query(sql, [[...new Set(ids)]]);
    };
    await refresh(
      REFRESH_EMPLOYEE_VERSIONS,
      employeeChanges.map((c) => c.employee_id),
    );
    await refresh(
      REFRESH_FC_VERSIONS,
      fcChanges.map((c) => c.fc_id),
    );
  },
});
