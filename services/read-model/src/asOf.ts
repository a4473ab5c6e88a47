/**
 * The two times every question about the view can be asked at.
 *
 * - `at` — **business time**: what had happened by that moment in the world (a hire effective on
 *   a date, a session held, a visit made). Default: now.
 * - `knownAt` — **record time**: what the hub had been told by that moment, for audit ("what did
 *   the figures say on the morning of the board meeting?"). Default: now (everything recorded).
 *
 * Every view row carries `occurred_at` (the business time of the event that stated it, from
 * `metadata.occurredAt`) and `recorded_at` (when the store committed it). A row is visible as of
 * (at, knownAt) when `occurred_at <= at AND recorded_at <= knownAt`: that predicate is written in
 * one place, {@link asOfSql}, and the directory's people are folded in one place each
 * (queries/employees.ts, queries/directory.ts).
 *
 * A bare string is the business time alone, the common case.
 */
export type AsOf = string | ViewTime | null | undefined;
export interface ViewTime {
  at?: string | null;
  knownAt?: string | null;
}

/** The normalised form rows carry, so nested lookups stay at the same two moments. */
export interface ViewMoment {
  at: string | null;
  knownAt: string | null;
}

export const viewMoment = (asOf: AsOf): ViewMoment | null => {
  if (asOf == null) return null;
  if (typeof asOf === 'string') return { at: asOf, knownAt: null };
  const at = asOf.at ?? null;
  const knownAt = asOf.knownAt ?? null;
  return at === null && knownAt === null ? null : { at, knownAt };
};

/**
 * The one SQL parameter for both times: `[at, knownAt]` as a timestamptz[] (now and 'infinity' by
 * default). Queries take it as `$n` and compare through {@link asOfSql}.
 */
export const asOfParam = (asOf: AsOf): [string, string] => {
  const m = viewMoment(asOf);
  return [m?.at ?? new Date().toISOString(), m?.knownAt ?? 'infinity'];
};

/**
 * "Visible as of `$n`" for a row of the view aliased `alias` (or unaliased): it had happened by
 * the business moment and was recorded by the record moment.
 */
export const asOfSql = (alias: string | null, n: number | string) => {
  const a = alias ? `${alias}.` : '';
  return `(${a}occurred_at <= ($${n}::timestamptz[])[1] AND ${a}recorded_at <= ($${n}::timestamptz[])[2])`;
};

/**
 * "Valid at the business moment of `$n`" for a version kept with its validity range
 * [valid_from, valid_to) (valid_to NULL: still valid). Versions hold everything recorded, so this
 * answers the questions asked without `knownAt`; a past record moment folds the changes instead.
 */
export const validAtSql = (n: number | string) =>
  `(valid_from <= ($${n}::timestamptz[])[1] AND (valid_to IS NULL OR valid_to > ($${n}::timestamptz[])[1]))`;

/** Rows carry the moment they were read as of, so nested lookups stay at the same moment. */
export interface AsOfRow {
  asOf: ViewMoment | null;
}

/** A stable key for caching per moment (one set of loaders per request and moment). */
export const asOfKey = (asOf: AsOf) => {
  const m = viewMoment(asOf);
  return m ? `${m.at ?? ''}|${m.knownAt ?? ''}` : '';
};

/**
 * For people kept as their changes: a column's value as of the moment is the one set by the change
 * that took effect last (same moment: recorded last), NULL meaning "unchanged".
 */
export const latestSql = (column: string) =>
  `(array_agg(${column} ORDER BY occurred_at DESC, position DESC) FILTER (WHERE ${column} IS NOT NULL))[1]`;

/**
 * What a mutation reads back: everything recorded, whenever it takes effect — a promotion effective
 * next month is shown by the mutation that recorded it, though "now" will not show it until then.
 */
export const READ_BACK: ViewTime = { at: 'infinity' };

/**
 * Recompute the versions of the people in `$1` (an array of ids) from all their change rows: the
 * same fold as an as-of read, once per moment one of the changes took effect, valid until the
 * next. The projector runs it for everyone a batch changed, so "now" and "as of T" read a range
 * instead of folding.
 */
export const refreshVersionsSql = (t: { versions: string; changes: string; id: string; columns: string; fold: string }) =>
  [
    `DELETE FROM hub_view.${t.versions} WHERE ${t.id} = ANY($1::text[])`,
    `INSERT INTO hub_view.${t.versions} (valid_from, valid_to, ${t.columns})
   SELECT m.valid_from, m.valid_to, f.* FROM (
     SELECT person, occurred_at AS valid_from, lead(occurred_at) OVER (PARTITION BY person ORDER BY occurred_at) AS valid_to
     FROM (SELECT DISTINCT ${t.id} AS person, occurred_at FROM hub_view.${t.changes} WHERE ${t.id} = ANY($1::text[])) d
   ) m
   CROSS JOIN LATERAL (
     SELECT ${t.fold} FROM hub_view.${t.changes}
     WHERE ${t.id} = m.person AND occurred_at <= m.valid_from GROUP BY ${t.id} HAVING bool_or(registered)
   ) f`,
  ] as const;
