import type { Projection } from '../projection';

/**
 * Café sessions (톡톡타임) into their fact tables, and into `touches`: each attendee is touched,
 * face to face, by each host, at the session's time. Insert-only (see schema.ts: "as of").
 */
export const cafeSessionProjection: Projection = {
  name: 'cafe-sessions',
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
      case 'CafeSessionQuestionRaised': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_questions (question_id, session_id, topic, text, anonymous, asked_by, raised_at, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (session_id, question_id) DO NOTHING`,
          [d.questionId, d.sessionId, d.topic, d.text, d.anonymous, d.askedBy, d.raisedAt, occurredAt, recordedAt],
        );
        return;
      }
      case 'CafeSessionQuestionAnswered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_answers (question_id, answered_by, answer, answer_mode, answered_at, occurred_at, recorded_at, session_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (session_id, question_id) DO NOTHING`,
          [d.questionId, d.answeredBy, d.answer, d.mode, d.answeredAt, occurredAt, recordedAt, d.sessionId],
        );
        return;
      }
      case 'CafeSessionFollowUpAssigned': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_follow_ups (follow_up_id, session_id, question_id, description, owner_id, due_on, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (session_id, follow_up_id) DO NOTHING`,
          [d.followUpId, d.sessionId, d.questionId, d.description, d.ownerId, d.dueOn, occurredAt, recordedAt],
        );
        return;
      }
      case 'CafeSessionFollowUpCompleted':
        await tx.query(
          `INSERT INTO hub_view.cafe_follow_up_completions (follow_up_id, completed_on, note, occurred_at, recorded_at, session_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (session_id, follow_up_id) DO NOTHING`,
          [event.data.followUpId, event.data.completedOn, event.data.note, occurredAt, recordedAt, event.data.sessionId],
        );
        return;
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
};
