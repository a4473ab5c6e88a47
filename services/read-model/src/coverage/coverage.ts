import { validationError, type Channel, type Grade } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, type AsOf } from '../asOf';
import { FCS_AS_OF } from '../queries/directory';
import { employeesAsOfSql } from '../queries/employees';
import { periodTouchesSql } from './periodTouches';
import type { ReachPeriod } from './reach';

/*
 * The one view, asked in one question: for a population (employees or FCs) narrowed to a segment,
 * over a period, optionally through one channel or by one leader, as the view stood at `asOf`:
 * how many were reached, how often, how recently, through which channels and by whom.
 */

export type PopulationKind = 'EMPLOYEE' | 'FC' | 'CUSTOMER';

/** Tenure at the period's end, in whole years from the hire date: [min, max). */
export const TENURE_BANDS = {
  UNDER_1_YEAR: [0, 1],
  ONE_TO_3_YEARS: [1, 3],
  THREE_TO_5_YEARS: [3, 5],
  FIVE_YEARS_OR_MORE: [5, 1000],
} as const;
export type TenureBand = keyof typeof TENURE_BANDS;

/**
 * Narrows a population. Each list means "any of these" (null or absent: no narrowing); different
 * dimensions all apply. The gateway turns grade ranges (gradeAtMost 차장, cafeEligible) into `grades`.
 */
export interface Segment {
  /** Employees and FCs: tenure at the end of the period (employees without a hire date fall outside every band). */
  tenure?: TenureBand | null;
  /** Employees: of these org units, each with every unit below it. */
  orgUnitIds?: readonly string[] | null;
  /** Employees: of these grades. */
  grades?: readonly Grade[] | null;
  /** Employees: of these regions; FCs and customers: of branches in them. */
  regions?: readonly string[] | null;
  /** FCs and customers: of these branches. */
  branchIds?: readonly string[] | null;
  /** FCs and customers: PRIDE branches (true) or the others (false), PRIDE as of the period's end. */
  pride?: boolean | null;
  /** FCs and customers: branches in Seoul (true) or elsewhere (false). */
  seoul?: boolean | null;
}

export interface CoverageFilter {
  channel?: Channel | null;
  leaderId?: string | null;
}

export interface Coverage {
  population: number;
  reached: number;
  reachRate: number;
  touches: number;
  /** Touches per reached person; 0 when nobody was reached. */
  frequency: number;
  /** Mean days from each reached person's last touch to the end of the period. */
  averageDaysSinceLastTouch: number | null;
  byChannel: { channel: Channel; reached: number; touches: number }[];
  byLeader: { leaderId: string | null; reached: number; touches: number }[];
}

/**
 * Where a population is read for one period: its bounds as SQL (by default the period [$1, $2)),
 * and, for employees and FCs, the folded people to read from (by default the fold as of $3).
 * Reach per month passes each month's bounds and one fold for all months.
 */
export interface PopulationSource {
  from: string;
  to: string;
  people?: string;
}

/** SQL (CTE body) for the people of a segment present during [$1, $2), as of $3; params from $4 on. */
export const populationSql = (
  kind: PopulationKind,
  segment: Segment,
  params: unknown[],
  asOf: AsOf,
  source: PopulationSource = { from: '$1::timestamptz', to: '$2::timestamptz' },
) => {
  const { from, to } = source;
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const band = segment.tenure ? TENURE_BANDS[segment.tenure] : null;
  const tenureSql = (alias: string) => `
      AND (${p(band?.[0] ?? null)}::int IS NULL OR (${alias}.hired_on <= (${to} - make_interval(years => ${p(band?.[0] ?? null)}::int))::date
        AND ${alias}.hired_on > (${to} - make_interval(years => ${p(band?.[1] ?? null)}::int))::date))`;
  if (kind === 'EMPLOYEE') {
    if (segment.branchIds != null || segment.pride != null || segment.seoul != null)
      throw validationError('branchId, pride and seoul segment FCs and customers, not employees');
    return `
      SELECT e.employee_id AS person_id FROM ${source.people ?? `(${employeesAsOfSql(3, asOf)})`} e
      WHERE (e.hired_on IS NULL OR e.hired_on < ${to}) AND (e.left_on IS NULL OR e.left_on >= ${from}) ${tenureSql('e')}
        AND (${p(segment.grades ?? null)}::text[] IS NULL OR e.grade = ANY(${p(segment.grades ?? null)}::text[]))
        AND (${p(segment.regions ?? null)}::text[] IS NULL OR e.region = ANY(${p(segment.regions ?? null)}::text[]))
        AND (${p(segment.orgUnitIds ?? null)}::text[] IS NULL OR e.org_unit_id IN (
          WITH RECURSIVE units AS (
            SELECT org_unit_id FROM hub_view.org_units WHERE org_unit_id = ANY(${p(segment.orgUnitIds ?? null)}::text[]) AND ${asOfSql(null, 3)}
            UNION ALL
            SELECT o.org_unit_id FROM hub_view.org_units o JOIN units u ON o.parent_id = u.org_unit_id WHERE ${asOfSql('o', 3)}
          ) SELECT org_unit_id FROM units))`;
  }
  if (segment.orgUnitIds != null || segment.grades != null)
    throw validationError(`orgUnitId and grade segment employees, not ${kind === 'FC' ? 'FCs' : 'customers'}`);
  if (kind === 'CUSTOMER' && band) throw validationError('tenure segments employees and FCs, not customers');
  const branchSegment = (alias: string) => `
      AND (${p(segment.branchIds ?? null)}::text[] IS NULL OR ${alias}.branch_id = ANY(${p(segment.branchIds ?? null)}::text[]))
      AND (${p(segment.regions ?? null)}::text[] IS NULL OR b.region = ANY(${p(segment.regions ?? null)}::text[]))
      AND (${p(segment.seoul ?? null)}::boolean IS NULL OR b.seoul = ${p(segment.seoul ?? null)})
      AND (${p(segment.pride ?? null)}::boolean IS NULL OR (bp.branch_id IS NOT NULL) = ${p(segment.pride ?? null)})`;
  const branchJoin = (alias: string) => `
    JOIN hub_view.branches b ON b.branch_id = ${alias}.branch_id AND ${asOfSql('b', 3)}
    LEFT JOIN hub_view.branch_pride bp ON bp.branch_id = b.branch_id AND ${asOfSql('bp', 3)} AND bp.since < ${to}`;
  // Customers: everyone registered before the period ended (a customer does not "leave").
  if (kind === 'CUSTOMER') {
    return `
    SELECT c.customer_id AS person_id FROM hub_view.customers c ${branchJoin('c')}
    WHERE ${asOfSql('c', 3)} AND c.registered_on < ${to} ${branchSegment('c')}`;
  }
  return `
    SELECT f.fc_id AS person_id FROM ${source.people ?? `(${FCS_AS_OF(3, asOf)})`} f
    ${branchJoin('f')}
    WHERE f.hired_on < ${to} AND (f.left_on IS NULL OR f.left_on >= ${from}) ${branchSegment('f')} ${tenureSql('f')}`;
};

export const coverage = async (
  db: SqlExecutor,
  kind: PopulationKind,
  segment: Segment,
  period: ReachPeriod,
  filter: CoverageFilter = {},
  asOf?: AsOf,
): Promise<Coverage> => {
  const params: unknown[] = [period.from, period.to, asOfParam(asOf)];
  const population = populationSql(kind, segment, params, asOf);
  params.push(kind, filter.channel ?? null, filter.leaderId ?? null);
  const [k, ch, ld] = [params.length - 2, params.length - 1, params.length];
  const periodTouches = periodTouchesSql(
    params,
    { kind: `$${k}`, from: '$1', to: '$2', asOf: 3, channel: `$${ch}`, leader: `$${ld}` },
    period,
  );
  // One statement: the population and the period's touches are computed once (each CTE is
  // referenced more than once, so PostgreSQL materialises it); the touches come folded per person,
  // channel, leader and month for whole months (periodTouches.ts) and are summed per person,
  // channel and leader, then kept for the population (after summing: fewer rows to match). Each
  // figure is then a count of rows of a hash aggregate — per person and channel, per person and
  // leader, per person — instead of DISTINCT counts, which sort. `grouping_set`: 3 = totals,
  // 1 = by channel, 2 = by leader.
  const rows = await db.query<{
    grouping_set: number;
    channel: Channel | null;
    leader_id: string | null;
    reached: number;
    touches: number;
    population: number;
    days: number | null;
  }>(
    `WITH pop AS MATERIALIZED (${population}),
     t AS MATERIALIZED (
       SELECT * FROM (
         SELECT t.person_id, t.channel, t.leader_id, sum(t.touches) AS touches, max(t.last) AS last
         FROM (${periodTouches}) t
         GROUP BY t.person_id, t.channel, t.leader_id
         OFFSET 0
       ) t WHERE t.person_id IN (SELECT person_id FROM pop)
     ),
     people AS (SELECT person_id, sum(touches) AS touches, max(last) AS last FROM t GROUP BY person_id)
     SELECT * FROM (
     SELECT 3 AS grouping_set, NULL AS channel, NULL AS leader_id, count(*)::int AS reached, coalesce(sum(touches), 0)::int AS touches,
            (SELECT count(*) FROM pop)::int AS population, avg(extract(epoch FROM ($2::timestamptz - last)) / 86400)::float8 AS days
     FROM people
     UNION ALL
     SELECT 1, channel, NULL, count(*)::int, sum(touches)::int, NULL, NULL
     FROM (SELECT person_id, channel, sum(touches) AS touches FROM t GROUP BY person_id, channel) c GROUP BY channel
     UNION ALL
     SELECT 2, NULL, leader_id, count(*)::int, sum(touches)::int, NULL, NULL
     FROM (SELECT person_id, leader_id, sum(touches) AS touches FROM t GROUP BY person_id, leader_id) l GROUP BY leader_id
     ) g
     ORDER BY grouping_set DESC, CASE WHEN grouping_set = 1 THEN channel END, CASE WHEN grouping_set = 2 THEN reached END DESC, CASE WHEN grouping_set = 2 THEN leader_id END`,
    params,
  );
  const totals = rows.find((r) => Number(r.grouping_set) === 3);
  const byChannel = rows.filter((r) => Number(r.grouping_set) === 1);
  const byLeader = rows.filter((r) => Number(r.grouping_set) === 2);
  const populationCount = Number(totals?.population ?? 0);
  const reached = Number(totals?.reached ?? 0);
  const touches = Number(totals?.touches ?? 0);
  return {
    population: populationCount,
    reached,
    reachRate: populationCount === 0 ? 0 : reached / populationCount,
    touches,
    frequency: reached === 0 ? 0 : touches / reached,
    averageDaysSinceLastTouch: totals?.days == null ? null : Number(totals.days),
    byChannel: byChannel.map((r) => ({ channel: r.channel as Channel, reached: Number(r.reached), touches: Number(r.touches) })),
    byLeader: byLeader.map((r) => ({ leaderId: r.leader_id, reached: Number(r.reached), touches: Number(r.touches) })),
  };
};

export interface GapRow {
  personId: string;
  /** Their last touch before the cut-off moment, or null: never reached. */
  lastTouchedAt: string | null;
}

/** The longest gap window: a hundred years of days. */
export const MAX_GAP_DAYS = 36_525;

/** Where a page of gaps ended: the last row's key in the list's order (keyset paging). */
export interface GapKey {
  /** The row's last touch exactly as the view holds it (text of a timestamptz), null: never reached. */
  last: string | null;
  personId: string;
}

/**
 * Gaps: the people of a segment (present at `at`) not reached within `days` days before `at` —
 * never reached at all first, then the longest unreached (ties by id). At most `limit` rows after
 * the key `after` (keyset paging: someone reached or hired while the pages load moves no one else
 * across a page boundary, so no one is skipped or listed twice); `total` counts all of them now.
 */
export const gaps = async (
  db: SqlExecutor,
  kind: PopulationKind,
  segment: Segment,
  at: string,
  days: number,
  filter: CoverageFilter = {},
  limit = 200,
  asOf?: AsOf,
  after: GapKey | null = null,
): Promise<{ total: number; rows: (GapRow & { key: GapKey })[]; hasMore: boolean }> => {
  if (!Number.isInteger(days) || days < 1) throw validationError('days must be a whole number of at least 1');
  // 2,147,483,647 days before `at` is no date at all: it failed as an internal error (found by the fuzzer).
  if (days > MAX_GAP_DAYS) throw validationError(`days must be at most ${MAX_GAP_DAYS} (a hundred years)`);
  const params: unknown[] = [at, at, asOfParam(asOf)];
  const population = populationSql(kind, segment, params, asOf);
  // One row more than asked says whether another page follows.
  params.push(kind, filter.channel ?? null, filter.leaderId ?? null, days, after?.last ?? null, after?.personId ?? null, limit + 1);
  const n = params.length;
  const [k, ch, ld, d, kl, kid] = [n - 6, n - 5, n - 4, n - 3, n - 2, n - 1];
  // Each person's last touch is one backward step on touches_person (person_id, touched_at) from
  // the cut-off: the plan does not hinge on row estimates, and no touch is scanned for nothing.
  const rows = await db.query<{ person_id: string; last: Date | string | null; last_key: string | null; total: number }>(
    `WITH pop AS (${population}),
     last AS (
       SELECT pop.person_id, l.last FROM pop
       LEFT JOIN LATERAL (
         SELECT t.touched_at AS last FROM hub_view.touches t
         WHERE t.person_id = pop.person_id AND t.touched_at < $1::timestamptz AND t.person_kind = $${k}
           AND ${asOfSql('t', 3)} AND ($${ch}::text IS NULL OR t.channel = $${ch}) AND ($${ld}::text IS NULL OR t.leader_id = $${ld})
         ORDER BY t.touched_at DESC LIMIT 1
       ) l ON true
     ),
     gap AS (SELECT person_id, last FROM last WHERE last IS NULL OR last < $1::timestamptz - make_interval(days => $${d}::int))
     SELECT person_id, last, last::text AS last_key, (SELECT count(*) FROM gap)::int AS total FROM gap
     WHERE $${kid}::text IS NULL
        OR ($${kl}::timestamptz IS NULL AND (last IS NOT NULL OR person_id > $${kid}))
        OR ($${kl}::timestamptz IS NOT NULL AND last IS NOT NULL AND (last > $${kl}::timestamptz OR (last = $${kl}::timestamptz AND person_id > $${kid})))
     ORDER BY last NULLS FIRST, person_id LIMIT $${n}`,
    params,
  );
  // A page past the end has no row to carry the total: count once more (only then).
  const total = rows[0]?.total ?? (after ? (await gaps(db, kind, segment, at, days, filter, 1, asOf)).total : 0);
  const page = rows.slice(0, limit);
  return {
    total: Number(total),
    hasMore: rows.length > limit,
    rows: page.map((r) => ({
      personId: r.person_id,
      lastTouchedAt: r.last == null ? null : new Date(r.last).toISOString(),
      key: { last: r.last_key, personId: r.person_id },
    })),
  };
};
