import type { Projection } from '../projection';

export const directoryProjection: Projection = {
  name: 'directory',
  async apply(tx, { event }) {
    if (event.type !== 'EmployeeRegistered') return;
    const e = event.data;
    await tx.query(
      `INSERT INTO hub_view.employees (employee_id, name, grade, org_unit, region, title, hired_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (employee_id) DO UPDATE SET name = EXCLUDED.name, grade = EXCLUDED.grade, org_unit = EXCLUDED.org_unit,
         region = EXCLUDED.region, title = EXCLUDED.title, hired_on = EXCLUDED.hired_on`,
      [e.employeeId, e.name, e.grade, e.orgUnit, e.region, e.title, e.hiredOn],
    );
  },
};
