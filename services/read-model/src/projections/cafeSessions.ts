import type { Projection } from '../projection';

/**
 * Café sessions (톡톡타임) into their tables, and into `touches`: each attendee is touched, face to
 * face, by each host, at the session's time.
 */
export const cafeSessionProjection: Projection = {
  name: 'cafe-sessions',
  async apply(tx, { event, id, position, recordedAt }) {
    switch (event.type) {
      case 'CafeSessionScheduled': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_sessions (session_id, scheduled_at, venue, host_ids, capacity, status)
           VALUES ($1, $2, $3, $4::text[], $5, 'SCHEDULED') ON CONFLICT (session_id) DO NOTHING`,
          [d.sessionId, d.scheduledAt, d.venue, d.hostIds, d.capacity],
        );
        return;
      }
      case 'EmployeeInvitedToCafeSession':
        await tx.query(`INSERT INTO hub_view.cafe_invitations (session_id, employee_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          event.data.sessionId,
          event.data.employeeId,
        ]);
        return;
      case 'CafeSessionAttendanceRecorded': {
        const { sessionId, employeeId, walkIn } = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_attendance (session_id, employee_id, walk_in) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [sessionId, employeeId, walkIn],
        );
        await tx.query(
          `INSERT INTO hub_view.touches (touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_position, recorded_at)
           SELECT $1 || ':' || host_id, $2, 'EMPLOYEE', host_id, 'CAFE_SESSION', 'FACE_TO_FACE', s.scheduled_at, $1::uuid, $3, $4
           FROM hub_view.cafe_sessions s, unnest(s.host_ids) AS host_id
           WHERE s.session_id = $5
           ON CONFLICT (touch_id) DO NOTHING`,
          [id, employeeId, position.toString(), recordedAt, sessionId],
        );
        return;
      }
      case 'CafeSessionQuestionRaised': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_questions (question_id, session_id, topic, text, anonymous, asked_by, raised_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (question_id) DO NOTHING`,
          [d.questionId, d.sessionId, d.topic, d.text, d.anonymous, d.askedBy, d.raisedAt],
        );
        return;
      }
      case 'CafeSessionQuestionAnswered': {
        const d = event.data;
        await tx.query(
          `UPDATE hub_view.cafe_questions SET answered_by = $2, answer = $3, answer_mode = $4, answered_at = $5 WHERE question_id = $1`,
          [d.questionId, d.answeredBy, d.answer, d.mode, d.answeredAt],
        );
        return;
      }
      case 'CafeSessionFollowUpAssigned': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.cafe_follow_ups (follow_up_id, session_id, question_id, description, owner_id, due_on)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (follow_up_id) DO NOTHING`,
          [d.followUpId, d.sessionId, d.questionId, d.description, d.ownerId, d.dueOn],
        );
        return;
      }
      case 'CafeSessionFollowUpCompleted':
        await tx.query(`UPDATE hub_view.cafe_follow_ups SET completed_on = $2, note = $3 WHERE follow_up_id = $1`, [
          event.data.followUpId,
          event.data.completedOn,
          event.data.note,
        ]);
        return;
      case 'CafeSessionCancelled':
        await tx.query(`UPDATE hub_view.cafe_sessions SET status = 'CANCELLED', cancel_reason = $2 WHERE session_id = $1`, [
          event.data.sessionId,
          event.data.reason,
        ]);
        return;
      default:
        return;
    }
  },
};
