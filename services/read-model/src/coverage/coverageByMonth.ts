import { koreanDayStart, validationError, YEARS } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, type AsOf } from '../asOf';
import { FCS_AS_OF } from '../queries/directory';
import { employeesAsOfSql } from '../queries/employees';
import { populationSql, type CoverageFilter, type PopulationKind, type Segment } from './coverage';
import { nextMonth, periodTouchesSql } from './periodTouches';

/*
 * Reach per month: what `coverage` says of each calendar month in Korea over a run of months,
 * asked in one statement (the overview's trend asked twelve `coverage` questions for it).
 */

/** The most months one question covers: three years. */
export const MAX_COVERAGE_MONTHS = 36;

export interface MonthCoverage {
  /** The calendar month in Korea, YYYY-MM. */
  month: string;
  /** The instant it begins (inclusive) and the next begins (exclusive). */
  from: string;
  to: string;
  population: number;
  reached: number;
  /** reached / population, 0 when nobody is in the population. */
  reachRate: number;
  touches: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Every month from `from` to `to` (both YYYY-MM, inclusive), with its bounds in Korea; checked. */
export const monthsBetween = (from: string, to: string) => {
  for (const [name, month] of [
    ['fromMonth', from],
    ['toMonth', to],
  ] as const) {
    if (!MONTH.test(month)) throw validationError(`${name} must be a month as YYYY-MM`);
    // The years every date of the hub falls in: also keeps the month after `to` a date.
    const year = Number(month.slice(0, 4));
    if (year < YEARS.first || year > YEARS.last) throw validationError(`${name} must fall in the years ${YEARS.first} to ${YEARS.last}`);
  }
  if (from > to) throw validationError('fromMonth must not be after toMonth');
  const months: { month: string; from: string; to: string }[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) {
    if (months.length === MAX_COVERAGE_MONTHS) throw validationError(`ask for at most ${MAX_COVERAGE_MONTHS} months`);
    months.push({ month: m, from: koreanDayStart(`${m}-01`), to: koreanDayStart(`${nextMonth(m)}-01`) });
  }
  return months;
};

/**
 * For each month from `fromMonth` to `toMonth`, the same figures `coverage` gives for that month
 * alone: the segment's people present during the month (tenure and PRIDE judged at its end), the
 * distinct ones touched in it (through the channel, by the leader, when given) and the touches.
 * One statement: the people are folded once as of `asOf`, each month keeps those present in it,
 * and the period's touches are read once, counted per person and month, and kept for those present.
 */
export const coverageByMonth = async (
  db: SqlExecutor,
  kind: PopulationKind,
  segment: Segment,
  months: { fromMonth: string; toMonth: string },
  filter: CoverageFilter = {},
  asOf?: AsOf,
): Promise<MonthCoverage[]> => {
  const list = monthsBetween(months.fromMonth, months.toMonth);
  const params: unknown[] = [list.map((m) => m.from), list.map((m) => m.to), asOfParam(asOf)];
  const population = populationSql(kind, segment, params, asOf, {
    from: 'mo.month_from',
    to: 'mo.month_to',
    people: kind === 'CUSTOMER' ? undefined : 'people',
  });
  params.push(kind, filter.channel ?? null, filter.leaderId ?? null, list[0]!.from, list[list.length - 1]!.to);
  const n = params.length;
  const [k, ch, ld, first, last] = [n - 4, n - 3, n - 2, n - 1, n];
  const touches = periodTouchesSql(
    params,
    { kind: `$${k}`, from: `$${first}`, to: `$${last}`, asOf: 3, channel: `$${ch}`, leader: `$${ld}` },
    { from: list[0]!.from, to: list[list.length - 1]!.to },
  );
  const rows = await db.query<{ month_index: number; population: number; reached: number; touches: number }>(
    `WITH months AS MATERIALIZED (
       SELECT month_index::int, month_from, month_to FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS m(month_from, month_to, month_index)
     ),
     people AS MATERIALIZED (${kind === 'EMPLOYEE' ? employeesAsOfSql(3, asOf) : kind === 'FC' ? FCS_AS_OF(3, asOf) : 'SELECT 1'}),
     -- one pass over months × people gives both each person once, with the months they were there
     -- as bits (month i: bit i-1), and each month's population (GROUPING: 1 = a person's row, 2 = a month's)
     present AS MATERIALIZED (
       SELECT GROUPING(p.person_id, mo.month_index) AS row_kind, p.person_id, mo.month_index,
              bit_or(1::bigint << (mo.month_index - 1)) AS present_in, count(*)::int AS population
       FROM months mo CROSS JOIN LATERAL (${population}) p GROUP BY GROUPING SETS ((p.person_id), (mo.month_index))
     ),
     pop AS (SELECT person_id, present_in FROM present WHERE row_kind = 1),
     sizes AS (SELECT month_index, population FROM present WHERE row_kind = 2),
     -- the period's touches (whole months: folded already, periodTouches.ts) in their month
     -- (width_bucket: the month whose start is the last one at or before their latest touch),
     -- counted per person and month before they meet the population
     per_person AS MATERIALIZED (
       SELECT width_bucket(t.last, $1::timestamptz[]) AS month_index, t.person_id, sum(t.touches)::int AS touches
       FROM (${touches}) t
       GROUP BY 1, 2
     ),
     hits AS (
       SELECT t.month_index, count(*)::int AS reached, sum(t.touches)::int AS touches
       FROM per_person t JOIN pop ON pop.person_id = t.person_id
       WHERE pop.present_in & (1::bigint << (t.month_index - 1)) <> 0
       GROUP BY t.month_index
     )
     SELECT mo.month_index, coalesce(s.population, 0) AS population, coalesce(h.reached, 0) AS reached, coalesce(h.touches, 0) AS touches
     FROM months mo LEFT JOIN sizes s ON s.month_index = mo.month_index LEFT JOIN hits h ON h.month_index = mo.month_index
     ORDER BY mo.month_index`,
    params,
  );
  return rows.map((r) => {
    const m = list[Number(r.month_index) - 1]!;
    const population = Number(r.population);
    const reached = Number(r.reached);
    return { ...m, population, reached, reachRate: population === 0 ? 0 : reached / population, touches: Number(r.touches) };
  });
};
