import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { groupBy, iso, isoOrNull, localDate, localDateOrNull } from './rows';

/** The channels whose gatherings take questions (projections/questions.ts). */
export const GATHERING_CHANNELS = ['CAFE_SESSION', 'TOWN_HALL'] as const;
export type GatheringChannel = (typeof GATHERING_CHANNELS)[number];

/** Where a question was raised: a café session or a town hall, by id. */
export interface Gathering {
  channel: GatheringChannel;
  id: string;
}

/** A question to leadership with its answer, if any; the asker of an anonymous one is never recorded. */
/** A question as raised, wherever: what every list of questions shows of it. */
export interface RaisedQuestionRow extends AsOfRow {
  gathering: Gathering;
  questionId: string;
  topic: string;
  text: string;
  anonymous: boolean;
  askedBy: string | null;
  raisedAt: string;
}

export interface QuestionRow extends RaisedQuestionRow {
  answeredBy: string | null;
  answer: string | null;
  /** Live or followed up where the gathering records it (café sessions); null otherwise or unanswered. */
  answerMode: 'LIVE' | 'FOLLOWED_UP' | null;
  answeredAt: string | null;
}

/** A follow-up action promised at a gathering (for a question of it, or alone), with its completion. */
export interface QuestionFollowUpRow extends AsOfRow {
  gathering: Gathering;
  followUpId: string;
  questionId: string | null;
  description: string;
  ownerId: string;
  dueOn: string;
  completedOn: string | null;
  note: string | null;
}

/** Questions of these gatherings of one channel, each list in the order they were raised. */
export const questionsOfGatherings = async (db: SqlExecutor, channel: GatheringChannel, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT q.*, a.answered_by, a.answer, a.answer_mode, a.answered_at
     FROM hub_view.questions q
     LEFT JOIN hub_view.question_answers a
       ON a.gathering_channel = q.gathering_channel AND a.gathering_id = q.gathering_id AND a.question_id = q.question_id AND ${asOfSql('a', 3)}
     WHERE q.gathering_channel = $1 AND q.gathering_id = ANY($2::text[]) AND ${asOfSql('q', 3)}
     ORDER BY q.raised_at, q.question_id`,
    [channel, ids, asOfParam(asOf)],
  );
  const questions: QuestionRow[] = rows.map((r) => ({
    gathering: { channel, id: r.gathering_id as string },
    questionId: r.question_id as string,
    topic: r.topic as string,
    text: r.text as string,
    anonymous: Boolean(r.anonymous),
    askedBy: (r.asked_by as string | null) ?? null,
    raisedAt: iso(r.raised_at),
    answeredBy: (r.answered_by as string | null) ?? null,
    answer: (r.answer as string | null) ?? null,
    answerMode: (r.answer_mode as QuestionRow['answerMode']) ?? null,
    answeredAt: isoOrNull(r.answered_at),
    asOf: viewMoment(asOf),
  }));
  return groupBy(ids, questions, (q) => q.gathering.id);
};

/** Follow-up actions of these gatherings of one channel, each list by due date. */
export const followUpsOfGatherings = async (db: SqlExecutor, channel: GatheringChannel, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT f.*, c.completed_on, c.note
     FROM hub_view.question_follow_ups f
     LEFT JOIN hub_view.question_follow_up_completions c
       ON c.gathering_channel = f.gathering_channel AND c.gathering_id = f.gathering_id AND c.follow_up_id = f.follow_up_id AND ${asOfSql('c', 3)}
     WHERE f.gathering_channel = $1 AND f.gathering_id = ANY($2::text[]) AND ${asOfSql('f', 3)}
     ORDER BY f.due_on, f.follow_up_id`,
    [channel, ids, asOfParam(asOf)],
  );
  const followUps: QuestionFollowUpRow[] = rows.map((r) => ({
    gathering: { channel, id: r.gathering_id as string },
    followUpId: r.follow_up_id as string,
    questionId: (r.question_id as string | null) ?? null,
    description: r.description as string,
    ownerId: r.owner_id as string,
    dueOn: localDate(r.due_on),
    completedOn: localDateOrNull(r.completed_on),
    note: (r.note as string | null) ?? null,
    asOf: viewMoment(asOf),
  }));
  return groupBy(ids, followUps, (f) => f.gathering.id);
};
