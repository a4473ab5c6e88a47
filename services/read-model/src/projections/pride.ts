import { defineProjection, insertRows } from '../projection';

const DDL = `
-- PRIDE weekly FC activity: every report kept; an FC's week as of T is its newest report recorded by T.
CREATE TABLE IF NOT EXISTS hub_view.fc_weekly_activity (
  source_event_id uuid NOT NULL, fc_id text NOT NULL, branch_id text NOT NULL, week_of date NOT NULL,
  customer_visits integer NOT NULL, calls integer NOT NULL, contracts integer NOT NULL,
  position bigint NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
-- Its key as a unique index (built after a rebuild from zero's replay, like touches').
CREATE UNIQUE INDEX IF NOT EXISTS fc_weekly_activity_id ON hub_view.fc_weekly_activity (source_event_id);
CREATE INDEX IF NOT EXISTS fc_weekly_activity_week ON hub_view.fc_weekly_activity (week_of, fc_id, position DESC);
`;

/** PRIDE weekly FC activity: every report is a row; corrections are newer rows for the same week. */
export const prideProjection = defineProjection({
  name: 'pride',
  shape: 2,
  ddl: DDL,
  handles: ['FcWeeklyActivityReported'],
  // A fifth of a company's events: set-based, one statement per batch.
  applyMany: (tx, events) =>
    insertRows(
      tx,
      'fc_weekly_activity',
      'source_event_id uuid, fc_id text, branch_id text, week_of date, customer_visits integer, calls integer, contracts integer, position bigint, occurred_at timestamptz, recorded_at timestamptz',
      events.map(({ event: { data: d }, id, position, occurredAt, recordedAt }) => ({
        source_event_id: id,
        fc_id: d.fcId,
        branch_id: d.branchId,
        week_of: d.weekOf,
        customer_visits: d.customerVisits,
        calls: d.calls,
        contracts: d.contracts,
        position: position.toString(),
        occurred_at: occurredAt,
        recorded_at: recordedAt,
      })),
    ),
});
