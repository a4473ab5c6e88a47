import { defineProjection } from '../projection';

const DDL = `
-- PRIDE weekly FC activity: every report kept; an FC's week as of T is its newest report recorded by T.
CREATE TABLE IF NOT EXISTS hub_view.fc_weekly_activity (
  source_event_id uuid PRIMARY KEY, fc_id text NOT NULL, branch_id text NOT NULL, week_of date NOT NULL,
  customer_visits integer NOT NULL, calls integer NOT NULL, contracts integer NOT NULL,
  position bigint NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS fc_weekly_activity_week ON hub_view.fc_weekly_activity (week_of, fc_id, position DESC);
`;

/** PRIDE weekly FC activity: every report is a row; corrections are newer rows for the same week. */
export const prideProjection = defineProjection({
  name: 'pride',
  shape: 1,
  ddl: DDL,
  handles: ['FcWeeklyActivityReported'],
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
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
});
