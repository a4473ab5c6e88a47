import { koreanDay } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type ViewMoment } from '../asOf';
import type { ReachPeriod } from './reach';
import { iso, localDate } from '../queries/rows';
import type { Gathering, GatheringChannel, RaisedQuestionRow } from '../queries/questions';

/*
 * Two-way: were people heard? Questions raised in a period, how many were answered and how fast,
 * per channel and per answering leader; and the follow-up actions still open, with their age.
 */

export interface QuestionFigures {
  raised: number;
  answered: number;
  answeredRate: number;
  /** Mean hours from question to answer, over answered questions. */
  averageHoursToAnswer: number | null;
}

export interface OpenFollowUpRow {
  followUpId: string;
  /** The café session or town hall where it was promised. */
  gathering: Gathering;
  description: string;
  ownerId: string;
  dueOn: string;
  /** When the gathering it came from took place. */
  since: string;
  /** Days from the gathering to `at`. */
  ageDays: number;
  overdue: boolean;
  /** The moment the question was asked at: its owner is looked up at the same one. */
  asOf: ViewMoment | null;
}

const QUESTIONS = `
  SELECT q.gathering_channel AS channel, q.raised_at, a.answered_at, a.answered_by FROM hub_view.questions q
  LEFT JOIN hub_view.question_answers a
    ON a.gathering_channel = q.gathering_channel AND a.gathering_id = q.gathering_id AND a.question_id = q.question_id AND ${asOfSql('a', 3)}
  WHERE ${asOfSql('q', 3)} AND q.raised_at >= $1::timestamptz AND q.raised_at < $2::timestamptz`;

const figures = (r: { raised: number; answered: number; hours: number | null }): QuestionFigures => {
  const raised = Number(r.raised);
  const answered = Number(r.answered);
  return {
    raised,
    answered,
    answeredRate: raised === 0 ? 0 : answered / raised,
    averageHoursToAnswer: r.hours == null ? null : Number(r.hours),
  };
};

const AGGREGATE = `count(*)::int AS raised, count(answered_at)::int AS answered,
  avg(extract(epoch FROM (answered_at - raised_at)) / 3600)::float8 AS hours`;

/** Whole 24-hour days from an instant to `atMs`: how long a question or follow-up has waited. */
const wholeDaysBetween = (from: string, atMs: number) => Math.floor((atMs - Date.parse(from)) / 86_400_000);

export const twoWay = async (db: SqlExecutor, period: ReachPeriod, asOf?: AsOf) => {
  const params = [period.from, period.to, asOfParam(asOf)];
  const [total] = await db.query<{ raised: number; answered: number; hours: number | null }>(
    `SELECT ${AGGREGATE} FROM (${QUESTIONS}) q`,
    params,
  );
  const byChannel = await db.query<{ channel: string; raised: number; answered: number; hours: number | null }>(
    `SELECT channel, ${AGGREGATE} FROM (${QUESTIONS}) q GROUP BY channel ORDER BY channel`,
    params,
  );
  const byLeader = await db.query<{ leader_id: string; answered: number; hours: number | null }>(
    `SELECT answered_by AS leader_id, count(*)::int AS answered, avg(extract(epoch FROM (answered_at - raised_at)) / 3600)::float8 AS hours
     FROM (${QUESTIONS}) q WHERE answered_by IS NOT NULL GROUP BY answered_by ORDER BY 2 DESC, 1`,
    params,
  );
  return {
    questions: figures(total ?? { raised: 0, answered: 0, hours: null }),
    byChannel: byChannel.map((r) => ({ channel: r.channel as GatheringChannel, ...figures(r) })),
    byAnsweringLeader: byLeader.map((r) => ({
      leaderId: r.leader_id,
      answered: Number(r.answered),
      averageHoursToAnswer: r.hours == null ? null : Number(r.hours),
      asOf: viewMoment(asOf),
    })),
  };
};

/**
 * The gathering of row `alias` (gathering_channel, gathering_id) was not cancelled by `$1` (as of
 * `$2`): a cancelled café session or town hall holds no question or follow-up anyone still waits on.
 */
const notCancelledSql = (alias: string) => `
  NOT EXISTS (SELECT 1 FROM hub_view.cafe_cancellations x
    WHERE ${alias}.gathering_channel = 'CAFE_SESSION' AND x.session_id = ${alias}.gathering_id AND ${asOfSql('x', 2)} AND x.occurred_at <= $1::timestamptz)
  AND NOT EXISTS (SELECT 1 FROM hub_view.town_hall_cancellations x
    WHERE ${alias}.gathering_channel = 'TOWN_HALL' AND x.town_hall_id = ${alias}.gathering_id AND ${asOfSql('x', 2)} AND x.occurred_at <= $1::timestamptz)`;

/**
 * Follow-up actions promised at café sessions and town halls and not completed at `at` (as recorded
 * by `asOf`), oldest gathering first, optionally for one owner or one kind of gathering.
 */
export const openFollowUps = async (
  db: SqlExecutor,
  at: string,
  filter: { ownerId?: string | null; channel?: GatheringChannel | null } = {},
  asOf?: AsOf,
): Promise<OpenFollowUpRow[]> => {
  const rows = await db.query(
    `SELECT f.gathering_channel, f.gathering_id, f.follow_up_id, f.description, f.owner_id, f.due_on, g.held_at
     FROM hub_view.question_follow_ups f
     JOIN LATERAL (
       SELECT s.scheduled_at AS held_at FROM hub_view.cafe_sessions s WHERE f.gathering_channel = 'CAFE_SESSION' AND s.session_id = f.gathering_id
       UNION ALL
       SELECT t.scheduled_at FROM hub_view.town_halls t WHERE f.gathering_channel = 'TOWN_HALL' AND t.town_hall_id = f.gathering_id
     ) g ON true
     WHERE ${asOfSql('f', 2)} AND g.held_at <= $1::timestamptz AND ($3::text IS NULL OR f.owner_id = $3)
       AND ($5::text IS NULL OR f.gathering_channel = $5)
       AND ${notCancelledSql('f')}
       AND NOT EXISTS (SELECT 1 FROM hub_view.question_follow_up_completions c
         WHERE c.gathering_channel = f.gathering_channel AND c.gathering_id = f.gathering_id AND c.follow_up_id = f.follow_up_id
           AND ${asOfSql('c', 2)} AND c.completed_on <= $4::date)
     ORDER BY g.held_at, f.gathering_channel, f.gathering_id, f.follow_up_id`,
    // Completion dates are company (Seoul) days: done from the start of that Korean day.
    [at, asOfParam(asOf), filter.ownerId ?? null, koreanDay(at), filter.channel ?? null],
  );
  const atMs = Date.parse(at);
  return rows.map((r) => {
    const since = iso(r.held_at);
    const dueOn = localDate(r.due_on);
    return {
      followUpId: r.follow_up_id as string,
      gathering: { channel: r.gathering_channel as GatheringChannel, id: r.gathering_id as string },
      description: r.description as string,
      ownerId: r.owner_id as string,
      dueOn,
      since,
      ageDays: wholeDaysBetween(since, atMs),
      // Due on a company (Seoul) day: overdue from the Korean day after it, not the UTC one.
      overdue: koreanDay(at) > dueOn,
      asOf: viewMoment(asOf),
    };
  });
};

/** A question nobody had answered at a moment, with how long it has waited. */
export interface OpenQuestionRow extends RaisedQuestionRow {
  /** Whole days from `raisedAt` to `at`. */
  ageDays: number;
}

/** Where a page of open questions ended: the last one's sort key (oldest first). */
export interface OpenQuestionKey {
  raisedAt: string;
  channel: GatheringChannel;
  gatheringId: string;
  questionId: string;
}

/** The largest page of open questions (the board asks for one page at a time). */
export const OPEN_QUESTIONS_PAGE_MAX = 100;

/*
 * Questions raised by $1 (and visible as of $2) with no answer given by $1, optionally of one kind
 * of gathering ($3). The anti-join probes question_answers by its primary key, one question at a
 * time, so the page below walks the questions index from the oldest and stops once it has a page.
 */
const OPEN_QUESTIONS = `
  SELECT q.gathering_channel, q.gathering_id, q.question_id, q.topic, q.text, q.anonymous, q.asked_by, q.raised_at
  FROM hub_view.questions q
  WHERE ${asOfSql('q', 2)} AND q.raised_at <= $1::timestamptz AND ($3::text IS NULL OR q.gathering_channel = $3)
    AND NOT EXISTS (SELECT 1 FROM hub_view.question_answers a
      WHERE a.gathering_channel = q.gathering_channel AND a.gathering_id = q.gathering_id AND a.question_id = q.question_id
        AND ${asOfSql('a', 2)} AND a.answered_at <= $1::timestamptz)
    AND ${notCancelledSql('q')}`;

/**
 * Questions raised at café sessions and town halls and not answered at `at` (as recorded by
 * `asOf`), oldest first, one page at a time: `after` is the last question of the page before, so a
 * question answered or raised meanwhile moves no other across pages. `totalCount` counts them all.
 */
export const openQuestions = async (
  db: SqlExecutor,
  at: string,
  filter: { channel?: GatheringChannel | null } = {},
  page: { first: number; after?: OpenQuestionKey | null } = { first: 20 },
  asOf?: AsOf,
): Promise<{ rows: OpenQuestionRow[]; hasNextPage: boolean; totalCount: number }> => {
  const params = [at, asOfParam(asOf), filter.channel ?? null];
  const after = page.after ?? null;
  const rows = await db.query(
    `SELECT * FROM (${OPEN_QUESTIONS}) o
     WHERE $4::timestamptz IS NULL
       OR (o.raised_at, o.gathering_channel, o.gathering_id, o.question_id) > ($4::timestamptz, $5::text, $6::text, $7::text)
     ORDER BY o.raised_at, o.gathering_channel, o.gathering_id, o.question_id
     LIMIT $8`,
    [...params, after?.raisedAt ?? null, after?.channel ?? null, after?.gatheringId ?? null, after?.questionId ?? null, page.first + 1],
  );
  // A first page that holds them all is its own count; otherwise count them all (every question
  // raised by `at` is probed once: the one part that grows with history).
  const hasNextPage = rows.length > page.first;
  const totalCount =
    after === null && !hasNextPage
      ? rows.length
      : Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${OPEN_QUESTIONS}) o`, params))[0]?.n ?? 0);
  const atMs = Date.parse(at);
  return {
    rows: rows.slice(0, page.first).map((r) => {
      const raisedAt = iso(r.raised_at);
      return {
        gathering: { channel: r.gathering_channel as GatheringChannel, id: r.gathering_id as string },
        questionId: r.question_id as string,
        topic: r.topic as string,
        text: r.text as string,
        anonymous: Boolean(r.anonymous),
        askedBy: (r.asked_by as string | null) ?? null,
        raisedAt,
        ageDays: wholeDaysBetween(raisedAt, atMs),
        asOf: viewMoment(asOf),
      };
    }),
    hasNextPage,
    totalCount,
  };
};
