import type { Projection } from '../projection';

/**
 * Town halls (타운홀) into their fact tables, and into `touches`: each attendee known by name is
 * touched, face to face, by each presenter. Head counts reach no one by name, so they make no touch.
 */
export const townHallProjection: Projection = {
  name: 'town-halls',
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
      case 'TownHallQuestionRaised': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.town_hall_questions (question_id, town_hall_id, topic, text, anonymous, asked_by, raised_at, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [d.questionId, d.townHallId, d.topic, d.text, d.anonymous, d.askedBy, d.raisedAt, occurredAt, recordedAt],
        );
        return;
      }
      case 'TownHallQuestionAnswered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.town_hall_answers (town_hall_id, question_id, answered_by, answer, answered_at, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [d.townHallId, d.questionId, d.answeredBy, d.answer, d.answeredAt, occurredAt, recordedAt],
        );
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
};
