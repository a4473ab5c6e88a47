import { defineProjection, eventsOf, insertRows, stamps, TOUCH_COLUMNS } from '../projection';

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
  // Set-based: the batch's sessions first, then what refers to them.
  async applyMany(tx, events) {
    await insertRows(
      tx,
      'cafe_sessions',
      'session_id text, scheduled_at timestamptz, venue text, host_ids text[], capacity integer, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'CafeSessionScheduled').map((e) => ({
        session_id: e.event.data.sessionId,
        scheduled_at: e.event.data.scheduledAt,
        venue: e.event.data.venue,
        host_ids: e.event.data.hostIds,
        capacity: e.event.data.capacity,
        ...stamps(e),
      })),
    );
    await insertRows(
      tx,
      'cafe_invitations',
      'session_id text, employee_id text, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'EmployeeInvitedToCafeSession').map((e) => ({
        session_id: e.event.data.sessionId,
        employee_id: e.event.data.employeeId,
        ...stamps(e),
      })),
    );
    const attendance = eventsOf(events, 'CafeSessionAttendanceRecorded').map((e) => ({
      id: e.id,
      session_id: e.event.data.sessionId,
      employee_id: e.event.data.employeeId,
      walk_in: e.event.data.walkIn,
      position: e.position.toString(),
      ...stamps(e),
    }));
    await insertRows(
      tx,
      'cafe_attendance',
      'session_id text, employee_id text, walk_in boolean, occurred_at timestamptz, recorded_at timestamptz',
      attendance,
    );
    // Each attendee touched, face to face, by each host, at the session's time.
    await insertRows(
      tx,
      'touches',
      'id text, session_id text, employee_id text, position bigint, occurred_at timestamptz, recorded_at timestamptz',
      attendance,
      {
        into: TOUCH_COLUMNS,
        select: `r.id || ':' || host_id, r.employee_id, 'EMPLOYEE', host_id, 'CAFE_SESSION', 'FACE_TO_FACE', s.scheduled_at, r.id::uuid, s.session_id, r.position, r.occurred_at, r.recorded_at`,
        join: 'JOIN hub_view.cafe_sessions s ON s.session_id = r.session_id CROSS JOIN LATERAL unnest(s.host_ids) AS host_id',
      },
    );
    await insertRows(
      tx,
      'cafe_cancellations',
      'session_id text, reason text, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'CafeSessionCancelled').map((e) => ({
        session_id: e.event.data.sessionId,
        reason: e.event.data.reason,
        ...stamps(e),
      })),
    );
  },
});
