import { validationError } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { decodeCursor, encodeCursor } from './rows';

/** A page of a list, newest first, with a cursor per item and the total over all pages. */
export interface Page<T> {
  nodes: { node: T; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * Keyset pagination over rows ordered newest first by (time column, id column): the cursor is the
 * last row's pair, so pages stay stable while new rows arrive. `filtered` selects the rows (alias f
 * is added around it) using `params`; the cursor and limit take the next parameter numbers.
 */
export const newestFirstPage = async <T>(
  db: SqlExecutor,
  query: { filtered: string; params: unknown[]; timeColumn: string; idColumn: string },
  page: { first: number; after?: string | null },
  toRow: (r: Record<string, unknown>) => T,
  keyOf: (row: T) => [string, string],
): Promise<Page<T>> => {
  const cursor = page.after ? decodeCursor(page.after) : undefined;
  if (page.after && (!cursor || cursor.length !== 2 || Number.isNaN(Date.parse(cursor[0]!))))
    throw validationError(`Invalid cursor "${page.after}"`);
  const { filtered, params, timeColumn: t, idColumn: id } = query;
  const n = params.length;
  const rows = await db.query(
    `SELECT * FROM (${filtered}) f
     WHERE ($${n + 1}::timestamptz IS NULL OR (f.${t}, f.${id}) < ($${n + 1}::timestamptz, $${n + 2}::text))
     ORDER BY f.${t} DESC, f.${id} DESC LIMIT $${n + 3}`,
    [...params, cursor?.[0] ?? null, cursor?.[1] ?? null, page.first + 1],
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${filtered}) f`, params);
  const items = rows.slice(0, page.first).map(toRow);
  return {
    nodes: items.map((item) => ({ node: item, cursor: encodeCursor(keyOf(item)) })),
    hasNextPage: rows.length > page.first,
    totalCount: Number(count?.n ?? 0),
  };
};

export type SortDirection = 'ASC' | 'DESC';

/**
 * A page of a list sorted by any column the caller allows: the cursor is the offset, so the order
 * can be anything (a later page may shift if rows arrive in between — pass `asOf` for a stable
 * list). `orderBy` must come from a fixed map, never from user text.
 */
export const sortedPage = async <T>(
  db: SqlExecutor,
  query: { filtered: string; params: unknown[]; orderBy: string },
  page: { first: number; after?: string | null },
  toRow: (r: Record<string, unknown>) => T,
): Promise<Page<T>> => {
  const cursor = page.after ? decodeCursor(page.after) : undefined;
  const offset = cursor && cursor.length === 2 && cursor[0] === 'offset' ? Number(cursor[1]) : page.after ? NaN : 0;
  if (!Number.isInteger(offset) || offset < 0) throw validationError(`Invalid cursor "${page.after}"`);
  const { filtered, params, orderBy } = query;
  const n = params.length;
  const rows = await db.query(
    `SELECT *, count(*) OVER ()::int AS total_count FROM (${filtered}) f ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, page.first + 1, offset],
  );
  const total =
    rows[0]?.total_count ??
    (offset > 0 ? (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${filtered}) f`, params))[0]?.n : 0);
  return {
    nodes: rows.slice(0, page.first).map((r, i) => ({ node: toRow(r), cursor: encodeCursor(['offset', String(offset + i + 1)]) })),
    hasNextPage: rows.length > page.first,
    totalCount: Number(total ?? 0),
  };
};
