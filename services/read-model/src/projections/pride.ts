import type { Projection } from '../projection';

/** PRIDE weekly FC activity: every report is a row; corrections are newer rows for the same week. */
export const prideProjection: Projection = {
  name: 'pride',
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    if (event.type !== 'FcWeeklyActivityReported') return;
    const d = event.data;
    await tx.query('INSERT INTO hub_view.fc_weekly_activity VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING', [
      id,
      d.fcId,
      d.branchId,
      d.weekOf,
      d.customerVisits,
      d.calls,
      d.contracts,
      position.toString(),
      occurredAt,
      recordedAt,
    ]);
  },
};
