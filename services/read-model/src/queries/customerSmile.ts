import { koreanDay, validationError, type FollowUpKind, type FollowUpStatus } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { newestFirstPage } from './page';
import { groupBy, iso, localDate, localDateOrNull } from './rows';

/*
 * Customer Smile in the view: customers (ids only), contracts, follow-ups and how each stands on
 * a given day (default: the Korean calendar day of `asOf`, or today), and compliance per FC,
 * branch or region.
 */

export interface CustomerRow extends AsOfRow {
  customerId: string;
  branchId: string;
  registeredOn: string;
  /** When their personal data was erased (as of the moment), or null. */
  erasedOn: string | null;
}

export interface ContractRow extends AsOfRow {
  contractId: string;
  customerId: string;
  fcId: string;
  branchId: string;
  product: string;
  signedOn: string;
  recordedAt: string;
}

export interface FollowUpRow extends AsOfRow {
  /** The day `status` and `daysLate` describe. */
  on: string;
  contractId: string;
  customerId: string;
  fcId: string;
  branchId: string;
  kind: FollowUpKind;
  opensOn: string;
  dueOn: string;
  status: FollowUpStatus;
  satisfiedOn: string | null;
  visitId: string | null;
  /** Days past the due date for an overdue or late follow-up; 0 otherwise. */
  daysLate: number;
}

export interface CustomerVisitRow extends AsOfRow {
  visitId: string;
  contractId: string;
  customerId: string;
  fcId: string;
  leaderIds: string[];
  visitedAt: string;
  topics: string[];
  rating: number | null;
  comment: string | null;
  satisfies: FollowUpKind | null;
}

/** The day follow-ups are judged on unless told: the Korean calendar day of the business moment `asOf`, or today. */
export const viewDay = (asOf: AsOf) => {
  const at = viewMoment(asOf)?.at;
  // 'infinity' (a mutation's read-back) is no day: judge on today.
  return koreanDay(at == null || Number.isNaN(Date.parse(at)) ? new Date() : at);
};

const CUSTOMERS_AS_OF = `
  SELECT c.customer_id, c.branch_id, c.registered_on, e.erased_on FROM hub_view.customers c
  LEFT JOIN hub_view.customer_erasures e ON e.customer_id = c.customer_id AND ${asOfSql('e', 1)}
  WHERE ${asOfSql('c', 1)}`;

const toCustomer =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): CustomerRow => ({
    customerId: r.customer_id as string,
    branchId: r.branch_id as string,
    registeredOn: localDate(r.registered_on),
    erasedOn: localDateOrNull(r.erased_on),
    asOf: viewMoment(asOf),
  });

export const customersByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(`SELECT * FROM (${CUSTOMERS_AS_OF}) c WHERE customer_id = ANY($2::text[])`, [asOfParam(asOf), ids]);
  return groupBy(ids, rows.map(toCustomer(asOf)), (c) => c.customerId).map((g) => g[0]);
};

const toContract =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): ContractRow => ({
    contractId: r.contract_id as string,
    customerId: r.customer_id as string,
    fcId: r.fc_id as string,
    branchId: r.branch_id as string,
    product: r.product as string,
    signedOn: localDate(r.signed_on),
    recordedAt: iso(r.recorded_at),
    asOf: viewMoment(asOf),
  });

export interface ContractFilter {
  customerId?: string | null;
  fcId?: string | null;
  branchId?: string | null;
  region?: string | null;
  /** Only contracts with a follow-up in this status now (on the view's day). */
  followUpStatus?: FollowUpStatus | null;
}

/** The follow-ups with their standing on day $2 (visits after that day do not count yet), as recorded by $1. */
const FOLLOW_UPS_AS_OF = `
  SELECT k.contract_id, k.customer_id, k.fc_id, k.branch_id, f.kind, f.opens_on, f.due_on, v.visited_on AS satisfied_on, v.visit_id,
    CASE WHEN v.visited_on IS NOT NULL AND v.visited_on <= $2::date THEN CASE WHEN v.visited_on <= f.due_on THEN 'ON_TIME' ELSE 'LATE' END
         WHEN $2::date > f.due_on THEN 'OVERDUE'
         WHEN $2::date >= f.opens_on THEN 'OPEN' ELSE 'UPCOMING' END AS status,
    greatest(0, (CASE WHEN v.visited_on <= $2::date THEN v.visited_on ELSE $2::date END) - f.due_on) AS days_late
  FROM hub_view.contract_follow_ups f
  JOIN hub_view.contracts k ON k.contract_id = f.contract_id AND ${asOfSql('k', 1)}
  LEFT JOIN hub_view.customer_visits v ON v.contract_id = f.contract_id AND v.satisfies = f.kind AND ${asOfSql('v', 1)}
  WHERE ${asOfSql('f', 1)}`;

const toFollowUp =
  (asOf: AsOf, on: string) =>
  (r: Record<string, unknown>): FollowUpRow => ({
    on,
    contractId: r.contract_id as string,
    customerId: r.customer_id as string,
    fcId: r.fc_id as string,
    branchId: r.branch_id as string,
    kind: r.kind as FollowUpKind,
    opensOn: localDate(r.opens_on),
    dueOn: localDate(r.due_on),
    status: r.status as FollowUpStatus,
    satisfiedOn: localDateOrNull(r.satisfied_on),
    visitId: (r.visit_id as string | null) ?? null,
    daysLate: Number(r.days_late),
    asOf: viewMoment(asOf),
  });

/** Contracts newest first, filtered; a page with cursors. */
export const contractsPage = (
  db: SqlExecutor,
  filter: ContractFilter,
  page: { first: number; after?: string | null },
  asOf?: AsOf,
  on: string = viewDay(asOf),
) =>
  newestFirstPage(
    db,
    {
      filtered: `SELECT k.*, (k.signed_on::timestamp AT TIME ZONE 'UTC') AS signed_at FROM hub_view.contracts k JOIN hub_view.branches b ON b.branch_id = k.branch_id
        WHERE ${asOfSql('k', 1)} AND ($3::text IS NULL OR k.customer_id = $3) AND ($4::text IS NULL OR k.fc_id = $4)
          AND ($5::text IS NULL OR k.branch_id = $5) AND ($6::text IS NULL OR b.region = $6)
          AND ($7::text IS NULL OR k.contract_id IN (SELECT contract_id FROM (${FOLLOW_UPS_AS_OF}) s WHERE s.status = $7))`,
      params: [
        asOfParam(asOf),
        on,
        filter.customerId ?? null,
        filter.fcId ?? null,
        filter.branchId ?? null,
        filter.region ?? null,
        filter.followUpStatus ?? null,
      ],
      timeColumn: 'signed_at',
      idColumn: 'contract_id',
    },
    page,
    toContract(asOf),
    (c) => [new Date(`${c.signedOn}T00:00:00Z`).toISOString(), c.contractId],
  );

export const contractsByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(`SELECT * FROM hub_view.contracts WHERE contract_id = ANY($1::text[]) AND ${asOfSql(null, 2)}`, [
    ids,
    asOfParam(asOf),
  ]);
  return groupBy(ids, rows.map(toContract(asOf)), (c) => c.contractId).map((g) => g[0]);
};

export const contractsByCustomerIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT * FROM hub_view.contracts WHERE customer_id = ANY($1::text[]) AND ${asOfSql(null, 2)} ORDER BY signed_on DESC, contract_id`,
    [ids, asOfParam(asOf)],
  );
  return groupBy(ids, rows.map(toContract(asOf)), (c) => c.customerId);
};

export const followUpsByContractIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const on = viewDay(asOf);
  const rows = await db.query(`SELECT * FROM (${FOLLOW_UPS_AS_OF}) s WHERE contract_id = ANY($3::text[]) ORDER BY due_on`, [
    asOfParam(asOf),
    on,
    ids,
  ]);
  return groupBy(ids, rows.map(toFollowUp(asOf, on)), (f) => f.contractId);
};

const toVisit =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): CustomerVisitRow => ({
    visitId: r.visit_id as string,
    contractId: r.contract_id as string,
    customerId: r.customer_id as string,
    fcId: r.fc_id as string,
    leaderIds: r.leader_ids as string[],
    visitedAt: iso(r.visited_at),
    topics: r.topics as string[],
    rating: r.rating == null ? null : Number(r.rating),
    comment: (r.comment as string | null) ?? null,
    satisfies: (r.satisfies as FollowUpKind | null) ?? null,
    asOf: viewMoment(asOf),
  });

export const customerVisitsByContractIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT * FROM hub_view.customer_visits WHERE contract_id = ANY($1::text[]) AND ${asOfSql(null, 2)} ORDER BY visited_at DESC, visit_id`,
    [ids, asOfParam(asOf)],
  );
  return groupBy(ids, rows.map(toVisit(asOf)), (v) => v.contractId);
};

export const COMPLIANCE_GROUPINGS = ['FC', 'BRANCH', 'REGION'] as const;
export type ComplianceGrouping = (typeof COMPLIANCE_GROUPINGS)[number];

export interface ComplianceRow {
  /** The FC, branch or region id. */
  key: string;
  /** Follow-ups due in the period (due date within it). */
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  /** Window open, not yet visited, not yet due. */
  open: number;
  /** On time ÷ follow-ups whose outcome is known (on time + late + overdue); null when none is. */
  onTimeRate: number | null;
}

/**
 * Customer Smile compliance: follow-ups falling due in [from, to] (calendar days), grouped by the
 * contract's FC, branch or region, each counted by how it stands on the view's day. Worst first.
 */
export const followUpCompliance = async (
  db: SqlExecutor,
  groupBy: ComplianceGrouping,
  period: { from: string; to: string },
  filter: { branchId?: string | null; region?: string | null; pride?: boolean | null } = {},
  asOf?: AsOf,
  on: string = viewDay(asOf),
): Promise<ComplianceRow[]> => {
  if (period.from > period.to) throw validationError('from must not be after to');
  const key = groupBy === 'FC' ? 's.fc_id' : groupBy === 'BRANCH' ? 's.branch_id' : 'b.region';
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${key} AS key, count(*)::int AS due,
            count(*) FILTER (WHERE status = 'ON_TIME')::int AS on_time, count(*) FILTER (WHERE status = 'LATE')::int AS late,
            count(*) FILTER (WHERE status = 'OVERDUE')::int AS overdue, count(*) FILTER (WHERE status IN ('OPEN', 'UPCOMING'))::int AS open
     FROM (${FOLLOW_UPS_AS_OF}) s
     JOIN hub_view.branches b ON b.branch_id = s.branch_id
     LEFT JOIN hub_view.branch_pride p ON p.branch_id = b.branch_id AND ${asOfSql('p', 1)} AND p.since <= s.due_on
     WHERE s.due_on BETWEEN $3::date AND $4::date AND ($5::text IS NULL OR s.branch_id = $5) AND ($6::text IS NULL OR b.region = $6)
       AND ($7::boolean IS NULL OR (p.branch_id IS NOT NULL) = $7)
     GROUP BY 1`,
    [asOfParam(asOf), on, period.from, period.to, filter.branchId ?? null, filter.region ?? null, filter.pride ?? null],
  );
  return rows
    .map((r) => {
      const [onTime, late, overdue] = [Number(r.on_time), Number(r.late), Number(r.overdue)];
      const known = onTime + late + overdue;
      return {
        key: r.key as string,
        due: Number(r.due),
        onTime,
        late,
        overdue,
        open: Number(r.open),
        onTimeRate: known === 0 ? null : onTime / known,
      };
    })
    .sort((a, b) => (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) || b.overdue - a.overdue || a.key.localeCompare(b.key));
};

/** The follow-up backlog: overdue follow-ups (a gap: customers not visited in time), longest overdue first. */
export const overdueFollowUps = async (
  db: SqlExecutor,
  filter: { fcId?: string | null; branchId?: string | null; region?: string | null },
  limit: number,
  asOf?: AsOf,
  on: string = viewDay(asOf),
): Promise<{ total: number; rows: FollowUpRow[] }> => {
  const rows = await db.query(
    `SELECT s.*, count(*) OVER ()::int AS total FROM (${FOLLOW_UPS_AS_OF}) s JOIN hub_view.branches b ON b.branch_id = s.branch_id
     WHERE s.status = 'OVERDUE' AND ($3::text IS NULL OR s.fc_id = $3) AND ($4::text IS NULL OR s.branch_id = $4) AND ($5::text IS NULL OR b.region = $5)
     ORDER BY s.due_on, s.contract_id, s.kind LIMIT $6`,
    [asOfParam(asOf), on, filter.fcId ?? null, filter.branchId ?? null, filter.region ?? null, limit],
  );
  return { total: Number(rows[0]?.total ?? 0), rows: rows.map(toFollowUp(asOf, on)) };
};

/** Customer Smile visits newest first, filtered; a page with cursors. */
export const customerVisitsPage = (
  db: SqlExecutor,
  filter: {
    customerId?: string | null;
    fcId?: string | null;
    leaderId?: string | null;
    branchId?: string | null;
    from?: string | null;
    to?: string | null;
  },
  page: { first: number; after?: string | null },
  asOf?: AsOf,
) =>
  newestFirstPage(
    db,
    {
      filtered: `SELECT v.* FROM hub_view.customer_visits v JOIN hub_view.contracts k ON k.contract_id = v.contract_id
        WHERE ${asOfSql('v', 1)} AND ($2::text IS NULL OR v.customer_id = $2) AND ($3::text IS NULL OR v.fc_id = $3)
          AND ($4::text IS NULL OR $4 = ANY(v.leader_ids)) AND ($5::text IS NULL OR k.branch_id = $5)
          AND ($6::timestamptz IS NULL OR v.visited_at >= $6) AND ($7::timestamptz IS NULL OR v.visited_at < $7)`,
      params: [
        asOfParam(asOf),
        filter.customerId ?? null,
        filter.fcId ?? null,
        filter.leaderId ?? null,
        filter.branchId ?? null,
        filter.from ?? null,
        filter.to ?? null,
      ],
      timeColumn: 'visited_at',
      idColumn: 'visit_id',
    },
    page,
    toVisit(asOf),
    (v) => [v.visitedAt, v.visitId],
  );
