import { validationError } from '@hub/contracts';
import type { SqlExecutor } from '@hub/sql';
import { decodeCursor, encodeCursor, groupBy, iso, isoOrNull, localDate, localDateOrNull } from './rows';

export interface CafeSessionRow {
  sessionId: string;
  scheduledAt: string;
  venue: string;
  hostIds: string[];
  capacity: number;
  status: 'SCHEDULED' | 'CANCELLED';
  cancelReason: string | null;
  invitedCount: number;
  attendedCount: number;
}

export interface CafeQuestionRow {
  questionId: string;
  sessionId: string;
  topic: string;
  text: string;
  anonymous: boolean;
  askedBy: string | null;
  raisedAt: string;
  answeredBy: string | null;
  answer: string | null;
  answerMode: 'LIVE' | 'FOLLOWED_UP' | null;
  answeredAt: string | null;
}

export interface CafeFollowUpRow {
  followUpId: string;
  sessionId: string;
  questionId: string | null;
  description: string;
  ownerId: string;
  dueOn: string;
  completedOn: string | null;
  note: string | null;
}

export interface CafeParticipantRow {
  sessionId: string;
  employeeId: string;
  invited: boolean;
  attended: boolean;
  walkIn: boolean;
}

const SESSION_SELECT = `
  SELECT s.*,
    (SELECT count(*) FROM hub_view.cafe_invitations i WHERE i.session_id = s.session_id)::int AS invited_count,
    (SELECT count(*) FROM hub_view.cafe_attendance a WHERE a.session_id = s.session_id)::int AS attended_count
  FROM hub_view.cafe_sessions s`;

const toSession = (r: Record<string, unknown>): CafeSessionRow => ({
  sessionId: r.session_id as string,
  scheduledAt: iso(r.scheduled_at),
  venue: r.venue as string,
  hostIds: r.host_ids as string[],
  capacity: Number(r.capacity),
  status: r.status as CafeSessionRow['status'],
  cancelReason: (r.cancel_reason as string | null) ?? null,
  invitedCount: Number(r.invited_count),
  attendedCount: Number(r.attended_count),
});

export interface CafeSessionFilter {
  /** Inclusive start of the period (ISO instant). */
  from?: string | null;
  /** Exclusive end of the period. */
  to?: string | null;
  hostId?: string | null;
  status?: 'SCHEDULED' | 'CANCELLED' | null;
}

export interface Page<T> {
  nodes: { node: T; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Newest first; `after` is a cursor from a previous page. */
export const listCafeSessions = async (
  db: SqlExecutor,
  filter: CafeSessionFilter,
  page: { first: number; after?: string | null },
): Promise<Page<CafeSessionRow>> => {
  let cursor: string[] | undefined;
  if (page.after) {
    cursor = decodeCursor(page.after);
    if (!cursor || cursor.length !== 2 || Number.isNaN(Date.parse(cursor[0]!))) throw validationError(`Invalid cursor "${page.after}"`);
  }
  const where = `WHERE ($1::timestamptz IS NULL OR s.scheduled_at >= $1) AND ($2::timestamptz IS NULL OR s.scheduled_at < $2)
      AND ($3::text IS NULL OR $3 = ANY(s.host_ids)) AND ($4::text IS NULL OR s.status = $4)`;
  const params = [filter.from ?? null, filter.to ?? null, filter.hostId ?? null, filter.status ?? null];
  const rows = await db.query(
    `${SESSION_SELECT} ${where}
      AND ($5::timestamptz IS NULL OR (s.scheduled_at, s.session_id) < ($5::timestamptz, $6::text))
     ORDER BY s.scheduled_at DESC, s.session_id DESC LIMIT $7`,
    [...params, cursor?.[0] ?? null, cursor?.[1] ?? null, page.first + 1],
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM hub_view.cafe_sessions s ${where}`, params);
  const sessions = rows.slice(0, page.first).map(toSession);
  return {
    nodes: sessions.map((s) => ({ node: s, cursor: encodeCursor([s.scheduledAt, s.sessionId]) })),
    hasNextPage: rows.length > page.first,
    totalCount: Number(count?.n ?? 0),
  };
};

export const cafeSessionsByIds = async (db: SqlExecutor, ids: readonly string[]) => {
  const rows = await db.query(`${SESSION_SELECT} WHERE s.session_id = ANY($1::text[])`, [ids]);
  return groupBy(ids, rows.map(toSession), (s) => s.sessionId).map((g) => g[0]);
};

/** Everyone invited or present, per session. */
export const participantsBySessionIds = async (db: SqlExecutor, ids: readonly string[]) => {
  const rows = await db.query(
    `SELECT coalesce(i.session_id, a.session_id) AS session_id, coalesce(i.employee_id, a.employee_id) AS employee_id,
            i.employee_id IS NOT NULL AS invited, a.employee_id IS NOT NULL AS attended, coalesce(a.walk_in, false) AS walk_in
     FROM hub_view.cafe_invitations i
     FULL JOIN hub_view.cafe_attendance a ON a.session_id = i.session_id AND a.employee_id = i.employee_id
     WHERE coalesce(i.session_id, a.session_id) = ANY($1::text[])
     ORDER BY 2`,
    [ids],
  );
  const participants: CafeParticipantRow[] = rows.map((r) => ({
    sessionId: r.session_id as string,
    employeeId: r.employee_id as string,
    invited: Boolean(r.invited),
    attended: Boolean(r.attended),
    walkIn: Boolean(r.walk_in),
  }));
  return groupBy(ids, participants, (p) => p.sessionId);
};

export const questionsBySessionIds = async (db: SqlExecutor, ids: readonly string[]) => {
  const rows = await db.query('SELECT * FROM hub_view.cafe_questions WHERE session_id = ANY($1::text[]) ORDER BY raised_at, question_id', [ids]);
  const questions: CafeQuestionRow[] = rows.map((r) => ({
    questionId: r.question_id as string,
    sessionId: r.session_id as string,
    topic: r.topic as string,
    text: r.text as string,
    anonymous: Boolean(r.anonymous),
    askedBy: (r.asked_by as string | null) ?? null,
    raisedAt: iso(r.raised_at),
    answeredBy: (r.answered_by as string | null) ?? null,
    answer: (r.answer as string | null) ?? null,
    answerMode: (r.answer_mode as CafeQuestionRow['answerMode']) ?? null,
    answeredAt: isoOrNull(r.answered_at),
  }));
  return groupBy(ids, questions, (q) => q.sessionId);
};

export const followUpsBySessionIds = async (db: SqlExecutor, ids: readonly string[]) => {
  const rows = await db.query('SELECT * FROM hub_view.cafe_follow_ups WHERE session_id = ANY($1::text[]) ORDER BY due_on, follow_up_id', [ids]);
  const followUps: CafeFollowUpRow[] = rows.map((r) => ({
    followUpId: r.follow_up_id as string,
    sessionId: r.session_id as string,
    questionId: (r.question_id as string | null) ?? null,
    description: r.description as string,
    ownerId: r.owner_id as string,
    dueOn: localDate(r.due_on),
    completedOn: localDateOrNull(r.completed_on),
    note: (r.note as string | null) ?? null,
  }));
  return groupBy(ids, followUps, (f) => f.sessionId);
};
