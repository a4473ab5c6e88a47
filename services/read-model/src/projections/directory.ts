import type { Projection } from '../projection';

const EMPLOYEE_COLUMNS = 'source_event_id, employee_id, name, grade, org_unit_id, region, title, hired_on, left_on, position, recorded_at';
const FC_COLUMNS = 'source_event_id, fc_id, name, branch_id, hired_on, left_on, position, recorded_at';

/**
 * The directory into the view. People change, so every change is a new version row copied from
 * the previous one with the change applied (see schema.ts: "as of").
 */
export const directoryProjection: Projection = {
  name: 'directory',
  async apply(tx, { event, id, position, recordedAt }) {
    const stamp = [id, position.toString(), recordedAt];
    /**
     * A new version of a person: their newest version with `changes` applied (column → SQL using
     * $5, $6, … for `values`), stamped with this event.
     */
    const nextVersion = (table: 'employee_versions' | 'fc_versions', columns: string, key: string, keyValue: string, changes: Record<string, string>, values: unknown[]) => {
      const select = columns.split(', ').map((c) =>
        c === 'source_event_id' ? '$1::uuid' : c === 'position' ? '$2' : c === 'recorded_at' ? '$3' : (changes[c] ?? c),
      );
      return tx.query(
        `INSERT INTO hub_view.${table} (${columns})
         SELECT ${select.join(', ')} FROM hub_view.${table}
         WHERE ${key} = $4 ORDER BY position DESC LIMIT 1
         ON CONFLICT (source_event_id) DO NOTHING`,
        [...stamp, keyValue, ...values],
      );
    };
    const nextEmployeeVersion = (employeeId: string, changes: Record<string, string>, values: unknown[]) =>
      nextVersion('employee_versions', EMPLOYEE_COLUMNS, 'employee_id', employeeId, changes, values);
    const nextFcVersion = (fcId: string, changes: Record<string, string>, values: unknown[]) =>
      nextVersion('fc_versions', FC_COLUMNS, 'fc_id', fcId, changes, values);

    switch (event.type) {
      case 'OrgUnitDefined': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.org_units (org_unit_id, name, kind, parent_id, recorded_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [d.orgUnitId, d.name, d.kind, d.parentId, recordedAt],
        );
        return;
      }
      case 'EmployeeRegistered': {
        const e = event.data;
        await tx.query(
          `INSERT INTO hub_view.employee_versions (${EMPLOYEE_COLUMNS})
           VALUES ($1, $4, $5, $6, $7, $8, $9, $10, NULL, $2, $3) ON CONFLICT (source_event_id) DO NOTHING`,
          [...stamp, e.employeeId, e.name, e.grade, e.orgUnitId, e.region, e.title, e.hiredOn],
        );
        return;
      }
      case 'EmployeePromoted':
        await nextEmployeeVersion(event.data.employeeId, { grade: '$5' }, [event.data.grade]);
        return;
      case 'EmployeeTransferred':
        await nextEmployeeVersion(event.data.employeeId, { org_unit_id: '$5', region: '$6' }, [event.data.orgUnitId, event.data.region]);
        return;
      case 'EmployeeLeft':
        await nextEmployeeVersion(event.data.employeeId, { left_on: '$5::date' }, [event.data.leftOn]);
        return;
      case 'BranchRegistered': {
        const b = event.data;
        await tx.query(
          `INSERT INTO hub_view.branches (branch_id, name, region, district, seoul, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [b.branchId, b.name, b.region, b.district, b.seoul, recordedAt],
        );
        return;
      }
      case 'BranchEnrolledInPride':
        await tx.query(`INSERT INTO hub_view.branch_pride (branch_id, since, recorded_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          event.data.branchId,
          event.data.since,
          recordedAt,
        ]);
        return;
      case 'FcRegistered': {
        const f = event.data;
        await tx.query(
          `INSERT INTO hub_view.fc_versions (${FC_COLUMNS}) VALUES ($1, $4, $5, $6, $7, NULL, $2, $3) ON CONFLICT (source_event_id) DO NOTHING`,
          [...stamp, f.fcId, f.name, f.branchId, f.hiredOn],
        );
        return;
      }
      case 'FcTransferred':
        await nextFcVersion(event.data.fcId, { branch_id: '$5' }, [event.data.branchId]);
        return;
      case 'FcLeft':
        await nextFcVersion(event.data.fcId, { left_on: '$5::date' }, [event.data.leftOn]);
        return;
      default:
        return;
    }
  },
};
