import type { Projection } from '../projection';
import { REFRESH_FC_VERSIONS } from '../queries/directory';
import { REFRESH_EMPLOYEE_VERSIONS } from '../queries/employees';

/**
 * The directory into the view. People change, so every change is a row holding only what it
 * changed, stamped with when it took effect (`occurred_at`) and when it was recorded; the person as
 * of a moment is folded from them in business order (queries/employees.ts, queries/directory.ts),
 * so a transfer recorded after a later promotion still lands on its own day. Each person's folds
 * per business moment are kept ready too (employee_versions, fc_versions) for questions about now.
 */
export const directoryProjection: Projection = {
  name: 'directory',
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
};
