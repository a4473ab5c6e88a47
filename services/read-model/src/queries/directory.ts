import type { OrgUnitKind } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, latestSql as latest, refreshVersionsSql, validAtSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { groupBy, localDate, localDateOrNull } from './rows';

export interface OrgUnitRow extends AsOfRow {
  orgUnitId: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
}

export interface BranchRow extends AsOfRow {
  branchId: string;
  name: string;
  region: string;
  district: string;
  seoul: boolean;
  /** PRIDE branch since this date, or null. */
  prideSince: string | null;
}

export interface FcRow extends AsOfRow {
  fcId: string;
  name: string;
  branchId: string;
  hiredOn: string;
  leftOn: string | null;
}

const toOrgUnit =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): OrgUnitRow => ({
    orgUnitId: r.org_unit_id as string,
    name: r.name as string,
    kind: r.kind as OrgUnitKind,
    parentId: (r.parent_id as string | null) ?? null,
    asOf: viewMoment(asOf),
  });

/** The org tree as of a moment, parents before children, siblings by name. */
export const listOrgUnits = async (db: SqlExecutor, asOf?: AsOf) => {
  const rows = await db.query(
    `WITH RECURSIVE tree AS (
       SELECT o.*, ARRAY[o.name] AS path FROM hub_view.org_units o WHERE parent_id IS NULL AND ${asOfSql(null, 1)}
       UNION ALL
       SELECT o.*, t.path || o.name FROM hub_view.org_units o JOIN tree t ON o.parent_id = t.org_unit_id WHERE ${asOfSql('o', 1)}
     )
     SELECT org_unit_id, name, kind, parent_id FROM tree ORDER BY path`,
    [asOfParam(asOf)],
  );
  return rows.map(toOrgUnit(asOf));
};

export const orgUnitsByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(`SELECT * FROM hub_view.org_units WHERE org_unit_id = ANY($1::text[]) AND ${asOfSql(null, 2)}`, [
    ids,
    asOfParam(asOf),
  ]);
  return groupBy(ids, rows.map(toOrgUnit(asOf)), (u) => u.orgUnitId).map((g) => g[0]);
};

export const BRANCHES_AS_OF = `
  SELECT b.branch_id, b.name, b.region, b.district, b.seoul, p.since AS pride_since
  FROM hub_view.branches b
  LEFT JOIN hub_view.branch_pride p ON p.branch_id = b.branch_id AND ${asOfSql('p', 1)}
  WHERE ${asOfSql('b', 1)}`;

export const toBranch =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): BranchRow => ({
    branchId: r.branch_id as string,
    name: r.name as string,
    region: r.region as string,
    district: r.district as string,
    seoul: Boolean(r.seoul),
    prideSince: localDateOrNull(r.pride_since),
    asOf: viewMoment(asOf),
  });

/** Branches, optionally only Seoul's, one region's, or PRIDE / non-PRIDE ones. */
export const listBranches = async (
  db: SqlExecutor,
  filter: { region?: string | null; seoul?: boolean | null; pride?: boolean | null } = {},
  asOf?: AsOf,
) => {
  const rows = await db.query(
    `SELECT * FROM (${BRANCHES_AS_OF}) b
     WHERE ($2::text IS NULL OR region = $2) AND ($3::boolean IS NULL OR seoul = $3) AND ($4::boolean IS NULL OR (pride_since IS NOT NULL) = $4)
     ORDER BY region, name, branch_id`,
    [asOfParam(asOf), filter.region ?? null, filter.seoul ?? null, filter.pride ?? null],
  );
  return rows.map(toBranch(asOf));
};

export const branchesByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(`SELECT * FROM (${BRANCHES_AS_OF}) b WHERE branch_id = ANY($2::text[])`, [asOfParam(asOf), ids]);
  return groupBy(ids, rows.map(toBranch(asOf)), (b) => b.branchId).map((g) => g[0]);
};

const FC_FOLD = `fc_id, ${latest('name')} AS name, ${latest('branch_id')} AS branch_id, ${latest('hired_on')} AS hired_on, ${latest('left_on')} AS left_on`;
const FC_COLUMNS = 'fc_id, name, branch_id, hired_on, left_on';

/**
 * The one definition of "an FC as of `$n`": their changes by then, folded in business order (as
 * employees.ts); without `knownAt`, read from the folds kept per business moment (fc_versions).
 */
export const FCS_AS_OF = (n: number, asOf: AsOf) =>
  viewMoment(asOf)?.knownAt == null
    ? `SELECT ${FC_COLUMNS} FROM hub_view.fc_versions WHERE ${validAtSql(n)}`
    : `SELECT ${FC_FOLD} FROM hub_view.fc_changes WHERE ${asOfSql(null, n)}
  GROUP BY fc_id HAVING bool_or(registered)`;

/** Recompute the versions of the FCs in `$1` from all their changes, as REFRESH_EMPLOYEE_VERSIONS. */
export const REFRESH_FC_VERSIONS = refreshVersionsSql({
  versions: 'fc_versions',
  changes: 'fc_changes',
  id: 'fc_id',
  columns: FC_COLUMNS,
  fold: FC_FOLD,
});

export const toFc =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): FcRow => ({
    fcId: r.fc_id as string,
    name: r.name as string,
    branchId: r.branch_id as string,
    hiredOn: localDate(r.hired_on),
    leftOn: localDateOrNull(r.left_on),
    asOf: viewMoment(asOf),
  });

/** FCs of many branches at once (their branch as of the moment), active ones unless asked. */
export const fcsByBranchIds = async (db: SqlExecutor, branchIds: readonly string[], asOf?: AsOf, includeLeft = false) => {
  const rows = await db.query(
    `SELECT * FROM (${FCS_AS_OF(2, asOf)}) f WHERE branch_id = ANY($1::text[]) AND ($3 OR left_on IS NULL) ORDER BY name, fc_id`,
    [branchIds, asOfParam(asOf), includeLeft],
  );
  return groupBy(branchIds, rows.map(toFc(asOf)), (f) => f.branchId);
};

export const fcsByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) => {
  const rows = await db.query(`SELECT * FROM (${FCS_AS_OF(2, asOf)}) f WHERE fc_id = ANY($1::text[])`, [ids, asOfParam(asOf)]);
  return groupBy(ids, rows.map(toFc(asOf)), (f) => f.fcId).map((g) => g[0]);
};
