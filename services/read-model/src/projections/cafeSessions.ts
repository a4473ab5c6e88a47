import { defineProjection } from '../projection';

const DDL = `
CREATE TABLE IF NOT EXISTS hub_view.cafe_sessions (
  session_id    text PRIMARY KEY,
  scheduled_at  timestamptz NOT NULL,
  venue         text NOT NULL,
  host_ids      text[] NOT NULL,
  capacity      integer NOT NULL,
  occurred_at   timestamptz NOT NULL,
  recorded_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS cafe_sessions_scheduled_at ON hub_view.cafe_sessions (scheduled_at, session_id);

CREATE TABLE IF NOT EXISTS hub_view.cafe_cancellations (
  session_id  text PRIMARY KEY,
  reason      text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS hub_view.cafe_invitations (
  session_id  text NOT NULL,
  employee_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, employee_id)
);

CREATE TABLE IF NOT EXISTS hub_view.cafe_attendance (
  session_id  text NOT NULL,
  employee_id text NOT NULL,
  walk_in     boolean NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, employee_id)
);
`;

/**
 * Café sessions (톡톡타임) into their fact tables, and into `touches`: each attendee is touched,
 * face to face, by each host, at the session's time. Insert-only (see schema.ts: "as of").
 */
export const cafeSessionProjection = defineProjection({
  name: 'cafe-sessions',
  shape: 1,
  ddl: DDL,
  touchChannels: ['CAFE_SESSION'],
  handles: ['CafeSessionScheduled', 'EmployeeInvitedToCafeSession', 'CafeSessionAttendanceRecorded', 'CafeSessionCancelled'],
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    switch (event.type) {
      case 'CafeSessionScheduled': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_sessions (session_id, scheduled_at, venue, host_ids, capacity, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4::text[], $5, $6, $7) ON CONFLICT (session_id) DO NOTHING`,
          [d.sessionId, d.scheduledAt, d.venue, d.hostIds, d.capacity, occurredAt, recordedAt],
        );
        return;
      }
      case 'EmployeeInvitedToCafeSession':
        await tx.query(
          `INSERT INTO hub_view.cafe_invitations (session_id, employee_id, occurred_at, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [event.data.sessionId, event.data.employeeId, occurredAt, recordedAt],
        );
        return;
      case 'CafeSessionAttendanceRecorded': {
        const { sessionId, employeeId, walkIn } = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_attendance (session_id, employee_id, walk_in, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [sessionId, employeeId, walkIn, occurredAt, recordedAt],
        );
        await tx.query(
          `INSERT INTO hub_view.touches (touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_id, source_position, occurred_at, recorded_at)
           SELECT $1 || ':' || host_id, $2, 'EMPLOYEE', host_id, 'CAFE_SESSION', 'FACE_TO_FACE', s.scheduled_at, $1::uuid, s.session_id, $3, $6, $4
           FROM hub_view.cafe_sessions s, unnest(s.host_ids) AS host_id
           WHERE s.session_id = $5
           ON CONFLICT (touch_id) DO NOTHING`,
          [id, employeeId, position.toString(), recordedAt, sessionId, occurredAt],
        );
        return;
      }
      case 'CafeSessionCancelled':
        await tx.query(
          `INSERT INTO hub_view.cafe_cancellations (session_id, reason, occurred_at, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO NOTHING`,
          [event.data.sessionId, event.data.reason, occurredAt, recordedAt],
        );
        return;
      default:
        return;
    }
  },
});
