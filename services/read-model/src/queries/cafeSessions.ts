import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { newestFirstPage, type Page } from './page';
import { groupBy, iso } from './rows';

export type { Page } from './page';

export interface CafeSessionRow extends AsOfRow {
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

export interface CafeParticipantRow extends AsOfRow {
  sessionId: string;
  employeeId: string;
  invited: boolean;
  attended: boolean;
  walkIn: boolean;
}

/** Sessions as the view knew them at `$n`: only facts recorded by then count. */
const sessionsAsOfSql = (n: number) => `
  SELECT s.session_id, s.scheduled_at, s.venue, s.host_ids, s.capacity,
    CASE WHEN c.session_id IS NULL THEN 'SCHEDULED' ELSE 'CANCELLED' END AS status,
    c.reason AS cancel_reason,
    (SELECT count(*) FROM hub_view.cafe_invitations i WHERE i.session_id = s.session_id AND ${asOfSql('i', n)})::int AS invited_count,
    (SELECT count(*) FROM hub_view.cafe_attendance a WHERE a.session_id = s.session_id AND ${asOfSql('a', n)})::int AS attended_count
  FROM hub_view.cafe_sessions s
  LEFT JOIN hub_view.cafe_cancellations c ON c.session_id = s.session_id AND ${asOfSql('c', n)}
  WHERE ${asOfSql('s', n)}`;

const toSession =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): CafeSessionRow => ({
    sessionId: r.session_id as string,
    scheduledAt: iso(r.scheduled_at),
    venue: r.venue as string,
    hostIds: r.host_ids as string[],
    capacity: Number(r.capacity),
    status: r.status as CafeSessionRow['status'],
    cancelReason: (r.cancel_reason as string | null) ?? null,
    invitedCount: Number(r.invited_count),
    attendedCount: Number(r.attended_count),
    asOf: viewMoment(asOf),
  });

export interface CafeSessionFilter {
  /** Inclusive start of the period (ISO instant). */
  from?: string | null;
  /** Exclusive end of the period. */
  to?: string | null;
  hostId?: string | null;
  status?: 'SCHEDULED' | 'CANCELLED' | null;
}

/** Newest first; `after` is a cursor from a previous page. */
export const listCafeSessions = async (
  db: SqlExecutor,
  filter: CafeSessionFilter,
  page: { first: number; after?: string | null },
  asOf?: AsOf,
): Promise<Page<CafeSessionRow>> => {
  const filtered = `SELECT * FROM (${sessionsAsOfSql(5)}) s
    WHERE ($1::timestamptz IS NULL OR s.scheduled_at >= $1) AND ($2::timestamptz IS NULL OR s.scheduled_at < $2)
      AND ($3::text IS NULL OR $3 = ANY(s.host_ids)) AND ($4::text IS NULL OR s.status = $4)`;
  const params = [filter.from ?? null, filter.to ?? null, filter.hostId ?? null, filter.status ?? null, asOfParam(asOf)];
  return newestFirstPage(db, { filtered, params, timeColumn: 'scheduled_at', idColumn: 'session_id' }, page, toSession(asOf), (s) => [
    s.scheduledAt,
    s.sessionId,
  ]);
};

export const cafeSessionsByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(`SELECT * FROM (${sessionsAsOfSql(2)}) s WHERE s.session_id = ANY($1::text[])`, [ids, asOfParam(asOf)]);
  return groupBy(ids, rows.map(toSession(asOf)), (s) => s.sessionId).map((g) => g[0]);
};

/** Everyone invited or present, per session. */
export const participantsBySessionIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT coalesce(i.session_id, a.session_id) AS session_id, coalesce(i.employee_id, a.employee_id) AS employee_id,
            i.employee_id IS NOT NULL AS invited, a.employee_id IS NOT NULL AS attended, coalesce(a.walk_in, false) AS walk_in
     FROM (SELECT * FROM hub_view.cafe_invitations WHERE ${asOfSql(null, 2)}) i
     FULL JOIN (SELECT * FROM hub_view.cafe_attendance WHERE ${asOfSql(null, 2)}) a
       ON a.session_id = i.session_id AND a.employee_id = i.employee_id
     WHERE coalesce(i.session_id, a.session_id) = ANY($1::text[])
     ORDER BY 2`,
    [ids, asOfParam(asOf)],
  );
  const participants: CafeParticipantRow[] = rows.map((r) => ({
    sessionId: r.session_id as string,
    employeeId: r.employee_id as string,
    invited: Boolean(r.invited),
    attended: Boolean(r.attended),
    walkIn: Boolean(r.walk_in),
    asOf: viewMoment(asOf),
  }));
  return groupBy(ids, participants, (p) => p.sessionId);
};
