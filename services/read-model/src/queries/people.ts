import { GRADES, type Grade } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, type AsOf } from '../asOf';
import { employeesAsOfSql, toEmployee } from './employees';
import { BRANCHES_AS_OF, FCS_AS_OF, toBranch, toFc } from './directory';
import { sortedPage, type SortDirection } from './page';

/*
 * The directory as Relay pages, filtered and sorted — including by recency, so "who has gone
 * longest without being reached" is one sorted list. Sort columns come from fixed maps below.
 */

const dir = (d: SortDirection) => (d === 'DESC' ? 'DESC' : 'ASC');
/** Never reached sorts as the longest ago. */
const lastTouchedOrder = (d: SortDirection) => `last_touched_at ${dir(d)} NULLS ${d === 'DESC' ? 'LAST' : 'FIRST'}`;
const lastTouchedSql = (personColumn: string) =>
  `(SELECT max(t.touched_at) FROM hub_view.touches t WHERE t.person_id = ${personColumn} AND ${asOfSql('t', 1)})`;

export const EMPLOYEE_SORTS = ['NAME', 'GRADE', 'HIRED_ON', 'LAST_TOUCHED_AT'] as const;
export type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];

export interface EmployeeFilter {
  orgUnitId?: string | null;
  grade?: Grade | null;
  region?: string | null;
  /** Part of the name. */
  name?: string | null;
  /** Directory search: part of the name, or the start of the employee number. */
  search?: string | null;
  includeLeft?: boolean | null;
}

/** Name contains the text, or the id starts with it (both case-insensitive); `$n` NULL: no search. */
const searchSql = (nameColumn: string, idColumn: string, n: number) =>
  `($${n}::text IS NULL OR strpos(lower(${nameColumn}), lower($${n})) > 0 OR starts_with(lower(${idColumn}), lower($${n})))`;

const GRADE_ORDER = `array_position(ARRAY[${GRADES.map((g) => `'${g.code}'`).join(', ')}]::text[], grade)`;

export const employeesPage = (
  db: SqlExecutor,
  filter: EmployeeFilter,
  sort: { by: EmployeeSort; direction: SortDirection },
  page: { first: number; after?: string | null },
  asOf?: AsOf,
) => {
  const d = dir(sort.direction);
  const orderBy = {
    NAME: `name ${d}, employee_id`,
    GRADE: `${GRADE_ORDER} ${d}, name, employee_id`,
    HIRED_ON: `hired_on ${d} NULLS LAST, name, employee_id`,
    LAST_TOUCHED_AT: `${lastTouchedOrder(sort.direction)}, name, employee_id`,
  }[sort.by];
  return sortedPage(
    db,
    {
      filtered: `WITH RECURSIVE units AS (
          SELECT org_unit_id FROM hub_view.org_units WHERE org_unit_id = $2 AND ${asOfSql(null, 1)}
          UNION ALL
          SELECT o.org_unit_id FROM hub_view.org_units o JOIN units u ON o.parent_id = u.org_unit_id WHERE ${asOfSql('o', 1)}
        )
        SELECT e.*, ${lastTouchedSql('e.employee_id')} AS last_touched_at FROM (${employeesAsOfSql(1, asOf)}) e
        WHERE ($2::text IS NULL OR org_unit_id IN (SELECT org_unit_id FROM units)) AND ($3::text IS NULL OR grade = $3)
          AND ($4::text IS NULL OR region = $4) AND ($5::text IS NULL OR strpos(lower(name), lower($5)) > 0) AND ($6 OR left_on IS NULL)
          AND ${searchSql('name', 'employee_id', 7)}`,
      params: [
        asOfParam(asOf),
        filter.orgUnitId ?? null,
        filter.grade ?? null,
        filter.region ?? null,
        filter.name ?? null,
        filter.includeLeft ?? false,
        filter.search ?? null,
      ],
      orderBy,
    },
    page,
    toEmployee(asOf),
  );
};

export const FC_SORTS = ['NAME', 'HIRED_ON', 'LAST_TOUCHED_AT'] as const;
export type FcSort = (typeof FC_SORTS)[number];

export const fcsPage = (
  db: SqlExecutor,
  filter: {
    branchId?: string | null;
    region?: string | null;
    pride?: boolean | null;
    name?: string | null;
    search?: string | null;
    includeLeft?: boolean | null;
  },
  sort: { by: FcSort; direction: SortDirection },
  page: { first: number; after?: string | null },
  asOf?: AsOf,
) => {
  const d = dir(sort.direction);
  const orderBy = {
    NAME: `name ${d}, fc_id`,
    HIRED_ON: `hired_on ${d}, name, fc_id`,
    LAST_TOUCHED_AT: `${lastTouchedOrder(sort.direction)}, name, fc_id`,
  }[sort.by];
  return sortedPage(
    db,
    {
      filtered: `SELECT f.*, ${lastTouchedSql('f.fc_id')} AS last_touched_at FROM (${FCS_AS_OF(1, asOf)}) f
        JOIN (${BRANCHES_AS_OF}) b ON b.branch_id = f.branch_id
        WHERE ($2::text IS NULL OR f.branch_id = $2) AND ($3::text IS NULL OR b.region = $3) AND ($4::boolean IS NULL OR (b.pride_since IS NOT NULL) = $4)
          AND ($5::text IS NULL OR strpos(lower(f.name), lower($5)) > 0) AND ($6 OR f.left_on IS NULL)
          AND ${searchSql('f.name', 'f.fc_id', 7)}`,
      params: [
        asOfParam(asOf),
        filter.branchId ?? null,
        filter.region ?? null,
        filter.pride ?? null,
        filter.name ?? null,
        filter.includeLeft ?? false,
        filter.search ?? null,
      ],
      orderBy,
    },
    page,
    toFc(asOf),
  );
};

export const BRANCH_SORTS = ['NAME', 'REGION', 'LAST_VISITED_AT', 'FC_COUNT'] as const;
export type BranchSort = (typeof BRANCH_SORTS)[number];

export const branchesPage = (
  db: SqlExecutor,
  filter: { region?: string | null; seoul?: boolean | null; pride?: boolean | null; district?: string | null; name?: string | null },
  sort: { by: BranchSort; direction: SortDirection },
  page: { first: number; after?: string | null },
  asOf?: AsOf,
) => {
  const d = dir(sort.direction);
  const orderBy = {
    NAME: `name ${d}, branch_id`,
    REGION: `region ${d}, name, branch_id`,
    LAST_VISITED_AT: `last_visited_at ${d} NULLS ${sort.direction === 'DESC' ? 'LAST' : 'FIRST'}, name, branch_id`,
    FC_COUNT: `fc_count ${d}, name, branch_id`,
  }[sort.by];
  return sortedPage(
    db,
    {
      filtered: `SELECT b.*,
          (SELECT max(v.visited_at) FROM hub_view.branch_visits v WHERE v.branch_id = b.branch_id AND cardinality(v.leader_ids) > 0 AND ${asOfSql('v', 1)}) AS last_visited_at,
          coalesce(fcs.n, 0)::int AS fc_count
        FROM (${BRANCHES_AS_OF}) b
        -- FCs folded once for all branches, not once per branch
        LEFT JOIN (SELECT branch_id, count(*) AS n FROM (${FCS_AS_OF(1, asOf)}) f WHERE f.left_on IS NULL GROUP BY branch_id) fcs ON fcs.branch_id = b.branch_id
        WHERE ($2::text IS NULL OR b.region = $2) AND ($3::boolean IS NULL OR b.seoul = $3) AND ($4::boolean IS NULL OR (b.pride_since IS NOT NULL) = $4)
          AND ($5::text IS NULL OR b.district = $5) AND ($6::text IS NULL OR strpos(lower(b.name), lower($6)) > 0)`,
      params: [
        asOfParam(asOf),
        filter.region ?? null,
        filter.seoul ?? null,
        filter.pride ?? null,
        filter.district ?? null,
        filter.name ?? null,
      ],
      orderBy,
    },
    page,
    toBranch(asOf),
  );
};
