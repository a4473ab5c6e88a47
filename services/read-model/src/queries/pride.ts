import { validationError } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, type AsOf } from '../asOf';

/*
 * PRIDE weekly FC activity, grouped by PRIDE or not (side by side), by branch or by FC. A week
 * counts as PRIDE when its branch had enrolled by that Monday; each FC-week counts its newest
 * report recorded by `asOf` (corrections replace, never add).
 */

export const ACTIVITY_GROUPINGS = ['PRIDE', 'BRANCH', 'FC', 'WEEK'] as const;
export type ActivityGrouping = (typeof ACTIVITY_GROUPINGS)[number];

export interface ActivityRow {
  /** "PRIDE" / "NON_PRIDE", the branch id, the FC id or the week's Monday. */
  key: string;
  fcs: number;
  /** FC-weeks reported. */
  fcWeeks: number;
  customerVisits: number;
  calls: number;
  contracts: number;
  visitsPerFcWeek: number;
  callsPerFcWeek: number;
  contractsPerFcWeek: number;
}

export const fcActivity = async (
  db: SqlExecutor,
  groupBy: ActivityGrouping,
  period: { from: string; to: string },
  filter: { pride?: boolean | null; branchId?: string | null; region?: string | null; fcId?: string | null } = {},
  asOf?: AsOf,
): Promise<ActivityRow[]> => {
  if (period.from > period.to) throw validationError('from must not be after to');
  const key = {
    PRIDE: `CASE WHEN w.pride THEN 'PRIDE' ELSE 'NON_PRIDE' END`,
    BRANCH: 'w.branch_id',
    FC: 'w.fc_id',
    WEEK: `to_char(w.week_of, 'YYYY-MM-DD')`,
  }[groupBy];
  const rows = await db.query<Record<string, unknown>>(
    `WITH latest AS (
       SELECT DISTINCT ON (fc_id, week_of) * FROM hub_view.fc_weekly_activity
       WHERE ${asOfSql(null, 1)} AND week_of BETWEEN $2::date AND $3::date
       ORDER BY fc_id, week_of, position DESC
     ),
     w AS (
       SELECT l.*, b.region, (p.branch_id IS NOT NULL) AS pride FROM latest l
       JOIN hub_view.branches b ON b.branch_id = l.branch_id AND ${asOfSql('b', 1)}
       LEFT JOIN hub_view.branch_pride p ON p.branch_id = l.branch_id AND ${asOfSql('p', 1)} AND p.since <= l.week_of
     )
     SELECT ${key} AS key, count(DISTINCT fc_id)::int AS fcs, count(*)::int AS fc_weeks,
            sum(customer_visits)::int AS customer_visits, sum(calls)::int AS calls, sum(contracts)::int AS contracts
     FROM w WHERE ($4::boolean IS NULL OR pride = $4) AND ($5::text IS NULL OR branch_id = $5) AND ($6::text IS NULL OR region = $6) AND ($7::text IS NULL OR fc_id = $7)
     GROUP BY 1 ORDER BY 1`,
    [asOfParam(asOf), period.from, period.to, filter.pride ?? null, filter.branchId ?? null, filter.region ?? null, filter.fcId ?? null],
  );
  return rows.map((r) => {
    const fcWeeks = Number(r.fc_weeks);
    const [customerVisits, calls, contracts] = [Number(r.customer_visits), Number(r.calls), Number(r.contracts)];
    return {
      key: r.key as string,
      fcs: Number(r.fcs),
      fcWeeks,
      customerVisits,
      calls,
      contracts,
      visitsPerFcWeek: customerVisits / fcWeeks,
      callsPerFcWeek: calls / fcWeeks,
      contractsPerFcWeek: contracts / fcWeeks,
    };
  });
};
