import { defineProjection } from '../projection';
import type { Gathering } from '../queries/questions';

const DDL = `
-- Questions to leadership, answers, follow-up actions and their completion, wherever they were
-- raised: keyed by the gathering (its channel, CAFE_SESSION or TOWN_HALL, and id), as the domain
-- keeps question and follow-up ids unique only there (another gathering may reuse an id).
CREATE TABLE IF NOT EXISTS hub_view.questions (
  gathering_channel  text NOT NULL,
  gathering_id       text NOT NULL,
  question_id        text NOT NULL,
  topic              text NOT NULL,
  text               text NOT NULL,
  anonymous          boolean NOT NULL,
  asked_by           text,
  raised_at          timestamptz NOT NULL,
  occurred_at        timestamptz NOT NULL,
  recorded_at        timestamptz NOT NULL,
  PRIMARY KEY (gathering_channel, gathering_id, question_id)
);
CREATE INDEX IF NOT EXISTS questions_raised_at ON hub_view.questions (raised_at);
-- Open questions oldest first, paged by this key: the board walks it and stops after a page.
CREATE INDEX IF NOT EXISTS questions_oldest_first ON hub_view.questions (raised_at, gathering_channel, gathering_id, question_id);

-- answer_mode: LIVE or FOLLOWED_UP where the gathering records it (café sessions), else NULL.
CREATE TABLE IF NOT EXISTS hub_view.question_answers (
  gathering_channel  text NOT NULL,
  gathering_id       text NOT NULL,
  question_id        text NOT NULL,
  answered_by        text NOT NULL,
  answer             text NOT NULL,
  answer_mode        text,
  answered_at        timestamptz NOT NULL,
  occurred_at        timestamptz NOT NULL,
  recorded_at        timestamptz NOT NULL,
  PRIMARY KEY (gathering_channel, gathering_id, question_id)
);

CREATE TABLE IF NOT EXISTS hub_view.question_follow_ups (
  gathering_channel  text NOT NULL,
  gathering_id       text NOT NULL,
  follow_up_id       text NOT NULL,
  question_id        text,
  description        text NOT NULL,
  owner_id           text NOT NULL,
  due_on             date NOT NULL,
  occurred_at        timestamptz NOT NULL,
  recorded_at        timestamptz NOT NULL,
  PRIMARY KEY (gathering_channel, gathering_id, follow_up_id)
);

CREATE TABLE IF NOT EXISTS hub_view.question_follow_up_completions (
  gathering_channel  text NOT NULL,
  gathering_id       text NOT NULL,
  follow_up_id       text NOT NULL,
  completed_on       date NOT NULL,
  note               text,
  occurred_at        timestamptz NOT NULL,
  recorded_at        timestamptz NOT NULL,
  PRIMARY KEY (gathering_channel, gathering_id, follow_up_id)
);
`;

/** The gathering an event of either context belongs to: the one place the two id names meet. */
const gatheringOf = (data: { sessionId: string } | { townHallId: string }): Gathering =>
  'sessionId' in data ? { channel: 'CAFE_SESSION', id: data.sessionId } : { channel: 'TOWN_HALL', id: data.townHallId };

/**
 * Questions raised to leadership, their answers and follow-ups, from café sessions and town halls
 * alike (the same building block as `@hub/questions` on the decision side): one set of tables, one
 * way of writing them. Insert-only: an answer or a completion is a row of its own.
 */
export const questionProjection = defineProjection({
  name: 'questions',
  shape: 1,
  ddl: DDL,
  handles: [
    'CafeSessionQuestionRaised',
    'TownHallQuestionRaised',
    'CafeSessionQuestionAnswered',
    'TownHallQuestionAnswered',
    'CafeSessionFollowUpAssigned',
    'TownHallFollowUpAssigned',
    'CafeSessionFollowUpCompleted',
    'TownHallFollowUpCompleted',
  ],
  async apply(tx, { event, occurredAt, recordedAt }) {
    const { channel, id } = gatheringOf(event.data);
    switch (event.type) {
      case 'CafeSessionQuestionRaised':
      case 'TownHallQuestionRaised': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.questions (gathering_channel, gathering_id, question_id, topic, text, anonymous, asked_by, raised_at, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
          [channel, id, d.questionId, d.topic, d.text, d.anonymous, d.askedBy, d.raisedAt, occurredAt, recordedAt],
        );
        return;
      }
      case 'CafeSessionQuestionAnswered':
      case 'TownHallQuestionAnswered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.question_answers (gathering_channel, gathering_id, question_id, answered_by, answer, answer_mode, answered_at, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [channel, id, d.questionId, d.answeredBy, d.answer, 'mode' in d ? d.mode : null, d.answeredAt, occurredAt, recordedAt],
        );
        return;
      }
      case 'CafeSessionFollowUpAssigned':
      case 'TownHallFollowUpAssigned': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.question_follow_ups (gathering_channel, gathering_id, follow_up_id, question_id, description, owner_id, due_on, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [channel, id, d.followUpId, d.questionId, d.description, d.ownerId, d.dueOn, occurredAt, recordedAt],
        );
        return;
      }
      case 'CafeSessionFollowUpCompleted':
      case 'TownHallFollowUpCompleted': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.question_follow_up_completions (gathering_channel, gathering_id, follow_up_id, completed_on, note, occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [channel, id, d.followUpId, d.completedOn, d.note, occurredAt, recordedAt],
        );
        return;
      }
    }
  },
});
