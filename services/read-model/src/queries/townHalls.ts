import type { TownHallFormat } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { newestFirstPage, type Page } from './page';
import { groupBy, iso } from './rows';

export interface TownHallRow extends AsOfRow {
  townHallId: string;
  scheduledAt: string;
  format: TownHallFormat;
  theme: string;
  venue: string;
  presenterIds: string[];
  status: 'SCHEDULED' | 'CANCELLED';
  cancelReason: string | null;
  /** Attendees recorded by name. */
  attendedCount: number;
  /** Sum of the head counts recorded per org unit. */
  headCount: number;
  feedbackCount: number;
  /** Mean feedback rating (1–5), null without feedback. */
  averageRating: number | null;
}

export interface TownHallHeadCountRow extends AsOfRow {
  townHallId: string;
  orgUnitId: string;
  headCount: number;
}

/** Town halls as the view knew them at `$n`. */
const townHallsAsOfSql = (n: number) => `
  SELECT t.town_hall_id, t.scheduled_at, t.format, t.theme, t.venue, t.presenter_ids,
    CASE WHEN c.town_hall_id IS NULL THEN 'SCHEDULED' ELSE 'CANCELLED' END AS status, c.reason AS cancel_reason,
    (SELECT count(*) FROM hub_view.town_hall_attendance a WHERE a.town_hall_id = t.town_hall_id AND ${asOfSql('a', n)})::int AS attended_count,
    (SELECT coalesce(sum(head_count), 0) FROM (
       SELECT DISTINCT ON (org_unit_id) head_count FROM hub_view.town_hall_head_counts h
       WHERE h.town_hall_id = t.town_hall_id AND ${asOfSql('h', n)} ORDER BY org_unit_id, position DESC) latest)::int AS head_count,
    (SELECT count(*) FROM hub_view.town_hall_feedback f WHERE f.town_hall_id = t.town_hall_id AND ${asOfSql('f', n)})::int AS feedback_count,
    (SELECT avg(rating)::float8 FROM hub_view.town_hall_feedback f WHERE f.town_hall_id = t.town_hall_id AND ${asOfSql('f', n)}) AS average_rating
  FROM hub_view.town_halls t
  LEFT JOIN hub_view.town_hall_cancellations c ON c.town_hall_id = t.town_hall_id AND ${asOfSql('c', n)}
  WHERE ${asOfSql('t', n)}`;

const toTownHall =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): TownHallRow => ({
    townHallId: r.town_hall_id as string,
    scheduledAt: iso(r.scheduled_at),
    format: r.format as TownHallFormat,
    theme: r.theme as string,
    venue: r.venue as string,
    presenterIds: r.presenter_ids as string[],
    status: r.status as TownHallRow['status'],
    cancelReason: (r.cancel_reason as string | null) ?? null,
    attendedCount: Number(r.attended_count),
    headCount: Number(r.head_count),
    feedbackCount: Number(r.feedback_count),
    averageRating: r.average_rating == null ? null : Number(r.average_rating),
    asOf: viewMoment(asOf),
  });

/** Newest first, optionally within a period or for one presenter. */
export const listTownHalls = async (
  db: SqlExecutor,
  filter: { from?: string | null; to?: string | null; presenterId?: string | null },
  page: { first: number; after?: string | null },
  asOf?: AsOf,
): Promise<Page<TownHallRow>> => {
  const filtered = `SELECT * FROM (${townHallsAsOfSql(4)}) t
    WHERE ($1::timestamptz IS NULL OR t.scheduled_at >= $1) AND ($2::timestamptz IS NULL OR t.scheduled_at < $2) AND ($3::text IS NULL OR $3 = ANY(t.presenter_ids))`;
  const params = [filter.from ?? null, filter.to ?? null, filter.presenterId ?? null, asOfParam(asOf)];
  return newestFirstPage(db, { filtered, params, timeColumn: 'scheduled_at', idColumn: 'town_hall_id' }, page, toTownHall(asOf), (t) => [
    t.scheduledAt,
    t.townHallId,
  ]);
};

export const townHallsByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(`SELECT * FROM (${townHallsAsOfSql(2)}) t WHERE t.town_hall_id = ANY($1::text[])`, [ids, asOfParam(asOf)]);
  return groupBy(ids, rows.map(toTownHall(asOf)), (t) => t.townHallId).map((g) => g[0]);
};

export const townHallHeadCountsByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT DISTINCT ON (town_hall_id, org_unit_id) town_hall_id, org_unit_id, head_count FROM hub_view.town_hall_head_counts
     WHERE town_hall_id = ANY($1::text[]) AND ${asOfSql(null, 2)} ORDER BY town_hall_id, org_unit_id, position DESC`,
    [ids, asOfParam(asOf)],
  );
  const counts: TownHallHeadCountRow[] = rows.map((r) => ({
    townHallId: r.town_hall_id as string,
    orgUnitId: r.org_unit_id as string,
    headCount: Number(r.head_count),
    asOf: viewMoment(asOf),
  }));
  return groupBy(ids, counts, (c) => c.townHallId);
};

/** Who attended each town hall by name (head counts name no one), by employee number. */
export const townHallAttendeesByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf): Promise<string[][]> => {
  const rows = await db.query<{ town_hall_id: string; employee_id: string }>(
    `SELECT town_hall_id, employee_id FROM hub_view.town_hall_attendance
     WHERE town_hall_id = ANY($1::text[]) AND ${asOfSql(null, 2)} ORDER BY town_hall_id, employee_id`,
    [ids, asOfParam(asOf)],
  );
  return groupBy(ids, rows, (r) => r.town_hall_id).map((group) => group.map((r) => r.employee_id));
};
