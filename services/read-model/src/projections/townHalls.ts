import { defineProjection } from '../projection';

const DDL = `
CREATE TABLE IF NOT EXISTS hub_view.town_halls (
  town_hall_id   text PRIMARY KEY,
  scheduled_at   timestamptz NOT NULL,
  format         text NOT NULL,
  theme          text NOT NULL,
  venue          text NOT NULL,
  presenter_ids  text[] NOT NULL,
  occurred_at    timestamptz NOT NULL,
  recorded_at    timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_cancellations (
  town_hall_id text PRIMARY KEY, reason text NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_attendance (
  town_hall_id text NOT NULL, employee_id text NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (town_hall_id, employee_id)
);
-- Every count recorded; the count of a unit as of T is its newest one recorded by T.
CREATE TABLE IF NOT EXISTS hub_view.town_hall_head_counts (
  source_event_id uuid PRIMARY KEY, town_hall_id text NOT NULL, org_unit_id text NOT NULL,
  head_count integer NOT NULL, position bigint NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_feedback (
  feedback_id text NOT NULL, town_hall_id text NOT NULL, rating integer NOT NULL, comment text,
  employee_id text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (town_hall_id, feedback_id)
);
`;

/**
 * Town halls (타운홀) into their fact tables, and into `touches`: each attendee known by name is
 * touched, face to face, by each presenter. Head counts reach no one by name, so they make no touch.
 */
export const townHallProjection = defineProjection({
  name: 'town-halls',
  shape: 1,
  ddl: DDL,
  touchChannels: ['TOWN_HALL'],
  handles: ['TownHallScheduled', 'TownHallCancelled', 'TownHallAttendanceRecorded', 'TownHallHeadCountRecorded', 'TownHallFeedbackGiven'],
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    switch (event.type) {
      case 'TownHallScheduled': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.town_halls (town_hall_id, scheduled_at, format, theme, venue, presenter_ids, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8) ON CONFLICT DO NOTHING`,
          [d.townHallId, d.scheduledAt, d.format, d.theme, d.venue, d.presenterIds, occurredAt, recordedAt],
        );
        return;
      }
      case 'TownHallCancelled':
        await tx.query(`INSERT INTO hub_view.town_hall_cancellations VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          event.data.townHallId,
          event.data.reason,
          occurredAt,
          recordedAt,
        ]);
        return;
      case 'TownHallAttendanceRecorded': {
        const { townHallId, employeeId } = event.data;
        await tx.query(`INSERT INTO hub_view.town_hall_attendance VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          townHallId,
          employeeId,
          occurredAt,
          recordedAt,
        ]);
        await tx.query(
          `INSERT INTO hub_view.touches (touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_id, source_position, occurred_at, recorded_at)
           SELECT $1 || ':' || presenter_id, $2, 'EMPLOYEE', presenter_id, 'TOWN_HALL', 'FACE_TO_FACE', t.scheduled_at, $1::uuid, t.town_hall_id, $3, $6, $4
           FROM hub_view.town_halls t, unnest(t.presenter_ids) AS presenter_id
           WHERE t.town_hall_id = $5 AND presenter_id <> $2
           ON CONFLICT (touch_id) DO NOTHING`,
          [id, employeeId, position.toString(), recordedAt, townHallId, occurredAt],
        );
        return;
      }
      case 'TownHallHeadCountRecorded': {
        const d = event.data;
        await tx.query(`INSERT INTO hub_view.town_hall_head_counts VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [
          id,
          d.townHallId,
          d.orgUnitId,
          d.headCount,
          position.toString(),
          occurredAt,
          recordedAt,
        ]);
        return;
      }
      case 'TownHallFeedbackGiven': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.town_hall_feedback (feedback_id, town_hall_id, rating, comment, employee_id, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [d.feedbackId, d.townHallId, d.rating, d.comment, d.employeeId, occurredAt, recordedAt],
        );
        return;
      }
      default:
        return;
    }
  },
});
