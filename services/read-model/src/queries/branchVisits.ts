import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import type { BranchRow } from './directory';
import { listBranches } from './directory';
import { newestFirstPage } from './page';
import { groupBy, iso, localDate } from './rows';

export interface BranchVisitRow extends AsOfRow {
  visitId: string;
  branchId: string;
  leaderIds: string[];
  visitedAt: string;
  purpose: string;
  campaignId: string | null;
  fcIds: string[];
  gift: string | null;
}

export interface CampaignRow extends AsOfRow {
  campaignId: string;
  name: string;
  purpose: string;
  deadline: string;
  targetBranchIds: string[];
  /** Target branches visited for this campaign (by a leader, or with its gift delivered). */
  visitedBranchIds: string[];
}

const toVisit =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): BranchVisitRow => ({
    visitId: r.visit_id as string,
    branchId: r.branch_id as string,
    leaderIds: r.leader_ids as string[],
    visitedAt: iso(r.visited_at),
    purpose: r.purpose as string,
    campaignId: (r.campaign_id as string | null) ?? null,
    fcIds: r.fc_ids as string[],
    gift: (r.gift as string | null) ?? null,
    asOf: viewMoment(asOf),
  });

/** Visits of many branches at once, newest first. */
export const visitsByBranchIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(
    `SELECT * FROM hub_view.branch_visits WHERE branch_id = ANY($1::text[]) AND ${asOfSql(null, 2)} ORDER BY visited_at DESC, visit_id`,
    [ids, asOfParam(asOf)],
  );
  return groupBy(ids, rows.map(toVisit(asOf)), (v) => v.branchId);
};

/** Campaigns (all, or those of `ids`) with their targets and the targets already reached, newest deadline first. */
export const listCampaigns = async (db: SqlExecutor, asOf?: AsOf, ids?: readonly string[]): Promise<CampaignRow[]> => {
  const rows = await db.query(
    `SELECT c.campaign_id, c.name, c.purpose, c.deadline,
       (SELECT array_agg(t.branch_id ORDER BY t.branch_id) FROM hub_view.campaign_targets t WHERE t.campaign_id = c.campaign_id) AS targets,
       (SELECT coalesce(array_agg(DISTINCT v.branch_id ORDER BY v.branch_id), '{}') FROM hub_view.branch_visits v
         JOIN hub_view.campaign_targets t ON t.campaign_id = c.campaign_id AND t.branch_id = v.branch_id
         WHERE v.campaign_id = c.campaign_id AND ${asOfSql('v', 1)}) AS visited
     FROM hub_view.campaigns c WHERE ${asOfSql('c', 1)} AND ($2::text[] IS NULL OR c.campaign_id = ANY($2::text[]))
     ORDER BY c.deadline DESC, c.campaign_id`,
    [asOfParam(asOf), ids ?? null],
  );
  return rows.map((r) => ({
    campaignId: r.campaign_id as string,
    name: r.name as string,
    purpose: r.purpose as string,
    deadline: localDate(r.deadline),
    targetBranchIds: r.targets as string[],
    visitedBranchIds: r.visited as string[],
    asOf: viewMoment(asOf),
  }));
};

export const campaignsByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) =>
  groupBy(ids, await listCampaigns(db, asOf, ids), (c) => c.campaignId).map((g) => g[0]);

/**
 * The gap leaders ask about: branches no leader visited in a period ("Which Seoul branches did
 * nobody visit this quarter?"), optionally only Seoul's, one region's, or PRIDE / non-PRIDE ones.
 */
export const unvisitedBranches = async (
  db: SqlExecutor,
  period: { from: string; to: string },
  filter: { region?: string | null; seoul?: boolean | null; pride?: boolean | null } = {},
  asOf?: AsOf,
): Promise<BranchRow[]> => {
  const [visitedRows, branches] = await Promise.all([
    db.query<{ branch_id: string }>(
      `SELECT DISTINCT branch_id FROM hub_view.branch_visits
       WHERE cardinality(leader_ids) > 0 AND visited_at >= $1::timestamptz AND visited_at < $2::timestamptz AND ${asOfSql(null, 3)}`,
      [period.from, period.to, asOfParam(asOf)],
    ),
    listBranches(db, filter, asOf),
  ]);
  const visited = new Set(visitedRows.map((r) => r.branch_id));
  return branches.filter((b) => !visited.has(b.branchId));
};

/** Branch visits newest first, filtered; a page with cursors. */
export const branchVisitsPage = (
  db: SqlExecutor,
  filter: { branchId?: string | null; leaderId?: string | null; campaignId?: string | null; from?: string | null; to?: string | null },
  page: { first: number; after?: string | null },
  asOf?: AsOf,
) =>
  newestFirstPage(
    db,
    {
      filtered: `SELECT * FROM hub_view.branch_visits WHERE ${asOfSql(null, 1)} AND ($2::text IS NULL OR branch_id = $2)
        AND ($3::text IS NULL OR $3 = ANY(leader_ids)) AND ($4::text IS NULL OR campaign_id = $4)
        AND ($5::timestamptz IS NULL OR visited_at >= $5) AND ($6::timestamptz IS NULL OR visited_at < $6)`,
      params: [
        asOfParam(asOf),
        filter.branchId ?? null,
        filter.leaderId ?? null,
        filter.campaignId ?? null,
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
