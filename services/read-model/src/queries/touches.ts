import { validationError, type Channel, type TouchMode } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { FCS_AS_OF } from './directory';
import { newestFirstPage } from './page';
import { groupBy, iso } from './rows';

export const PERSON_KINDS = ['EMPLOYEE', 'FC', 'CUSTOMER'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface TouchRow extends AsOfRow {
  touchId: string;
  personId: string;
  personKind: PersonKind;
  leaderId: string | null;
  channel: Channel;
  mode: TouchMode;
  touchedAt: string;
  sourceEventId: string;
  /** The café session, town hall, branch visit, video or customer visit the touch came from. */
  sourceId: string;
  /** One line a reader understands: "Café session at 본사 카페", "Watched “New year message”". */
  summary: string;
  recordedAt: string;
}

/** The touch with a one-line summary of its source, in whichever channel it is. */
const TOUCH_WITH_SUMMARY = `
  SELECT t.*, coalesce(CASE t.channel
    WHEN 'CAFE_SESSION' THEN (SELECT 'Café session at ' || s.venue FROM hub_view.cafe_sessions s WHERE s.session_id = t.source_id)
    WHEN 'TOWN_HALL' THEN (SELECT 'Town hall (' || lower(replace(h.format, '_', ' ')) || '): ' || h.theme FROM hub_view.town_halls h WHERE h.town_hall_id = t.source_id)
    WHEN 'BRANCH_VISIT' THEN (SELECT 'Branch visit to ' || b.name || ': ' || v.purpose FROM hub_view.branch_visits v JOIN hub_view.branches b ON b.branch_id = v.branch_id WHERE v.visit_id = t.source_id)
    WHEN 'VIDEO_MESSAGE' THEN (SELECT 'Watched “' || v.title || '”' FROM hub_view.videos v WHERE v.video_id = t.source_id)
    WHEN 'EMAIL_LETTER' THEN (SELECT 'Opened the letter “' || l.subject || '”' FROM hub_view.email_letters l WHERE l.letter_id = t.source_id)
    WHEN 'CUSTOMER_VISIT' THEN (SELECT 'Customer visit (' || k.product || '): ' || array_to_string(c.topics, ', ')
                                FROM hub_view.customer_visits c JOIN hub_view.contracts k ON k.contract_id = c.contract_id WHERE c.source_event_id = t.source_event_id)
  END, t.channel) AS summary
  FROM hub_view.touches t`;

const toTouch =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): TouchRow => ({
    touchId: r.touch_id as string,
    personId: r.person_id as string,
    personKind: r.person_kind as PersonKind,
    leaderId: (r.leader_id as string | null) ?? null,
    channel: r.channel as Channel,
    mode: r.mode as TouchMode,
    touchedAt: iso(r.touched_at),
    sourceEventId: r.source_event_id as string,
    sourceId: r.source_id as string,
    summary: r.summary as string,
    recordedAt: iso(r.recorded_at),
    asOf: viewMoment(asOf),
  });

/** Touches of many people at once, newest first per person, as recorded by `asOf`. */
export const touchesByPersonIds = async (db: SqlExecutor, personIds: readonly string[], asOf?: AsOf): Promise<TouchRow[][]> => {
  const rows = await db.query(
    `${TOUCH_WITH_SUMMARY} WHERE t.person_id = ANY($1::text[]) AND ${asOfSql('t', 2)} ORDER BY t.touched_at DESC, t.touch_id`,
    [personIds, asOfParam(asOf)],
  );
  return groupBy(personIds, rows.map(toTouch(asOf)), (t) => t.personId);
};

export interface TouchFilter {
  personId?: string | null;
  personKind?: PersonKind | null;
  leaderId?: string | null;
  channel?: Channel | null;
  mode?: TouchMode | null;
  /** FCs of this branch and its customers (their branch as of the moment). */
  branchId?: string | null;
  from?: string | null;
  to?: string | null;
  /** Leave customers out (for roles that see customers only in aggregate). */
  withoutCustomers?: boolean;
}

/**
 * Touches, newest first, filtered; a page with cursors. A person's timeline is this with
 * `personId`; a branch's, with `branchId` (its FCs and customers).
 */
export const touchesPage = (db: SqlExecutor, filter: TouchFilter, page: { first: number; after?: string | null }, asOf?: AsOf) => {
  if (filter.from && filter.to && filter.from >= filter.to) throw validationError('from must be before to');
  return newestFirstPage(
    db,
    {
      filtered: `SELECT * FROM (${TOUCH_WITH_SUMMARY}) t
        WHERE ${asOfSql('t', 1)} AND ($2::text IS NULL OR t.person_id = $2) AND ($3::text IS NULL OR t.person_kind = $3)
          AND ($4::text IS NULL OR t.leader_id = $4) AND ($5::text IS NULL OR t.channel = $5) AND ($6::text IS NULL OR t.mode = $6)
          AND ($7::timestamptz IS NULL OR t.touched_at >= $7) AND ($8::timestamptz IS NULL OR t.touched_at < $8)
          AND ($9::text IS NULL OR (t.person_kind = 'FC' AND t.person_id IN (
                SELECT fc_id FROM (${FCS_AS_OF(1, asOf)}) f
                WHERE f.branch_id = $9))
            OR (t.person_kind = 'CUSTOMER' AND t.person_id IN (SELECT customer_id FROM hub_view.customers WHERE branch_id = $9 AND ${asOfSql(null, 1)})))
          AND (NOT $10::boolean OR t.person_kind <> 'CUSTOMER')`,
      params: [
        asOfParam(asOf),
        filter.personId ?? null,
        filter.personKind ?? null,
        filter.leaderId ?? null,
        filter.channel ?? null,
        filter.mode ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.branchId ?? null,
        filter.withoutCustomers ?? false,
      ],
      timeColumn: 'touched_at',
      idColumn: 'touch_id',
    },
    page,
    toTouch(asOf),
    (t) => [t.touchedAt, t.touchId],
  );
};

/** Touches derived from the events at positions in (after, upTo], in event order: what the touches stream publishes. */
export const touchesBySourcePositions = async (db: SqlExecutor, after: bigint, upTo: bigint): Promise<TouchRow[]> => {
  const rows = await db.query(
    `${TOUCH_WITH_SUMMARY} WHERE t.source_position > $1 AND t.source_position <= $2 ORDER BY t.source_position, t.touch_id`,
    [after.toString(), upTo.toString()],
  );
  return rows.map(toTouch(null));
};
