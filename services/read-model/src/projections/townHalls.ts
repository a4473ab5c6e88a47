import { defineProjection, eventsOf, insertRows, stamps, TOUCH_COLUMNS } from '../projection';

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
  // Set-based: the batch's town halls first, then what refers to them.
  async applyMany(tx, events) {
    await insertRows(
      tx,
      'town_halls',
      'town_hall_id text, scheduled_at timestamptz, format text, theme text, venue text, presenter_ids text[], occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'TownHallScheduled').map((e) => ({
        town_hall_id: e.event.data.townHallId,
        scheduled_at: e.event.data.scheduledAt,
        format: e.event.data.format,
        theme: e.event.data.theme,
        venue: e.event.data.venue,
        presenter_ids: e.event.data.presenterIds,
        ...stamps(e),
      })),
    );
    await insertRows(
      tx,
      'town_hall_cancellations',
      'town_hall_id text, reason text, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'TownHallCancelled').map((e) => ({
        town_hall_id: e.event.data.townHallId,
        reason: e.event.data.reason,
        ...stamps(e),
      })),
    );
    const attendance = eventsOf(events, 'TownHallAttendanceRecorded');
    await insertRows(
      tx,
      'town_hall_attendance',
      'town_hall_id text, employee_id text, occurred_at timestamptz, recorded_at timestamptz',
      attendance.map((e) => ({ town_hall_id: e.event.data.townHallId, employee_id: e.event.data.employeeId, ...stamps(e) })),
    );
    // Each attendee touched, face to face, by each presenter other than themselves.
    await insertRows(
      tx,
      'touches',
      'id text, employee_id text, town_hall_id text, position bigint, occurred_at timestamptz, recorded_at timestamptz',
      attendance.map((e) => ({
        id: e.id,
        employee_id: e.event.data.employeeId,
        town_hall_id: e.event.data.townHallId,
        position: e.position.toString(),
        ...stamps(e),
      })),
      {
        into: TOUCH_COLUMNS,
        select: `r.id || ':' || presenter_id, r.employee_id, 'EMPLOYEE', presenter_id, 'TOWN_HALL', 'FACE_TO_FACE', t.scheduled_at, r.id::uuid, t.town_hall_id, r.position, r.occurred_at, r.recorded_at`,
        join: `JOIN hub_view.town_halls t ON t.town_hall_id = r.town_hall_id CROSS JOIN LATERAL unnest(t.presenter_ids) AS presenter_id
               WHERE presenter_id <> r.employee_id`,
      },
    );
    await insertRows(
      tx,
      'town_hall_head_counts',
      'source_event_id uuid, town_hall_id text, org_unit_id text, head_count integer, position bigint, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'TownHallHeadCountRecorded').map((e) => ({
        source_event_id: e.id,
        town_hall_id: e.event.data.townHallId,
        org_unit_id: e.event.data.orgUnitId,
        head_count: e.event.data.headCount,
        position: e.position.toString(),
        ...stamps(e),
      })),
    );
    await insertRows(
      tx,
      'town_hall_feedback',
      'feedback_id text, town_hall_id text, rating integer, comment text, employee_id text, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'TownHallFeedbackGiven').map((e) => ({
        feedback_id: e.event.data.feedbackId,
        town_hall_id: e.event.data.townHallId,
        rating: e.event.data.rating,
        comment: e.event.data.comment ?? null,
        employee_id: e.event.data.employeeId ?? null,
        ...stamps(e),
      })),
    );
  },
});
