import { validationError } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import type { Page } from './page';
import { decodeCursor, encodeCursor, iso } from './rows';

/** An event the projector parked instead of applying (see hub_view.dead_letters). */
export interface DeadLetterRow {
  /** Its place in the global order (a decimal string: positions are int8). */
  position: string;
  eventId: string;
  type: string;
  stream: string;
  /** The projection that could not take it; null when the event does not parse (none can). */
  projection: string | null;
  /** Why it was parked: the projection's error, or why it does not parse. */
  reason: string;
  parkedAt: string;
}

/** Dead letters, newest (highest position) first, one per event and projection; for ADMIN. */
export const deadLetters = async (db: SqlExecutor, page: { first: number; after?: string | null }): Promise<Page<DeadLetterRow>> => {
  const cursor = page.after ? decodeCursor(page.after) : undefined;
  if (page.after && (!cursor || cursor.length !== 2 || !/^\d+$/.test(cursor[0]!))) throw validationError(`Invalid cursor "${page.after}"`);
  const rows = await db.query(
    `SELECT position::text AS position, projection, event_id, event_type, stream_name, reason, parked_at FROM hub_view.dead_letters
     WHERE $1::bigint IS NULL OR (position, projection) < ($1::bigint, $2::text) ORDER BY position DESC, projection DESC LIMIT $3`,
    [cursor?.[0] ?? null, cursor?.[1] ?? null, page.first + 1],
  );
  const items = rows.slice(0, page.first).map((r): DeadLetterRow => ({
    position: r.position as string,
    eventId: r.event_id as string,
    type: r.event_type as string,
    stream: r.stream_name as string,
    projection: r.projection === '*' ? null : (r.projection as string),
    reason: r.reason as string,
    parkedAt: iso(r.parked_at),
  }));
  return {
    nodes: items.map((node) => ({ node, cursor: encodeCursor([node.position, node.projection ?? '*']) })),
    hasNextPage: rows.length > page.first,
    totalCount: await deadLetterCount(db),
  };
};

export const deadLetterCount = async (db: SqlExecutor): Promise<number> => {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_view.dead_letters');
  return Number(row?.n ?? 0);
};
