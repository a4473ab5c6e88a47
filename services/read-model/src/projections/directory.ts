import type { Projection } from '../projection';

/** Each registration (later: promotion, transfer, leave) is a new version of the employee. */
export const directoryProjection: Projection = {
  name: 'directory',
  async apply(tx, { event, id, position, recordedAt }) {
    if (event.type !== 'EmployeeRegistered') return;
    const e = event.data;
    await tx.query(
      `INSERT INTO hub_view.employee_versions (source_event_id, employee_id, name, grade, org_unit, region, title, hired_on, position, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (source_event_id) DO NOTHING`,
      [id, e.employeeId, e.name, e.grade, e.orgUnit, e.region, e.title, e.hiredOn, position.toString(), recordedAt],
    );
  },
};
