import type { ColumnDef, SortingState, Table } from '@tanstack/react-table';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import { seesCustomerNames, seesCustomers, usePrincipal } from '../auth';
import { UrlPeriodPicker } from '../components/PeriodPicker';
import { Empty, ErrorState, Loading } from '../components/States';
import { VirtualTable } from '../components/VirtualTable';
import { downloadCsv, toCsv } from '../csv';
import type { Grade } from '../gql/graphql';
import {
  CustomerGapsQuery,
  CustomerGapsWithNamesQuery,
  EmployeeGapsQuery,
  FcGapsQuery,
  OrgUnitsQuery,
  UnvisitedBranchesQuery,
} from '../operations';
import { plusDays, seoulDay, startOfSeoulDay, validDay, type Day } from '../time';
import { usePeriod } from '../usePeriod';

/** The API lists at most this many people per page of `gaps`; the page loads them all, page by page. */
export const GAPS_PAGE = 500;
/** A gap list stops loading here: ten thousand rows are what the table and the CSV are built for. */
export const GAPS_MAX = 10_000;
const GRADES: Grade[] = ['STAFF', 'ASSISTANT_MANAGER', 'MANAGER', 'DEPUTY_GENERAL_MANAGER', 'GENERAL_MANAGER', 'EXECUTIVE'];
const KINDS = ['EMPLOYEE', 'FC', 'BRANCH', 'CUSTOMER'] as const;
type Kind = (typeof KINDS)[number];
/** Where a row's id leads. */
const PAGE_OF: Record<Kind, string> = { EMPLOYEE: '/people', FC: '/fcs', BRANCH: '/branches', CUSTOMER: '/customers' };

/** One row of any gap list; the columns shown depend on the kind. */
export interface GapRow {
  id: string;
  name: string;
  team: string;
  grade: string;
  branch: string;
  region: string;
  lastTouch: string | null;
  daysSince: number | null;
}

interface Loaded {
  rows: GapRow[];
  total: number;
  fetching: boolean;
  error?: CombinedError;
}

const daysBetween = (last: string | null, at: Day) => (last ? differenceInCalendarDays(parseISO(at), parseISO(seoulDay(last))) : null);

/** Whom have we not reached? Employees (by team and grade), FCs, branches and customers, as of a day. */
export const GapsPage = () => {
  const { t } = useTranslation();
  const { role } = usePrincipal();
  const shared = usePeriod();
  const [search, setSearch] = useSearchParams();
  const set = (changes: Record<string, string>) =>
    setSearch(
      (prev) => {
        const n = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) n.set(k, v);
          else n.delete(k);
        }
        return n;
      },
      { replace: true },
    );
  const kinds = KINDS.filter((k) => k !== 'CUSTOMER' || seesCustomers(role));
  const kind: Kind = kinds.find((k) => k === search.get('who')) ?? 'EMPLOYEE';
  const days = Math.max(1, Math.min(3650, Number(search.get('days')) || 90));
  // Look back from the end of the period on screen unless a day is given: the list follows the data.
  const at: Day = validDay(search.get('at')) ?? (shared.period ? plusDays(shared.period.to, -1) : shared.latestMonth + '-01');
  const never = search.get('never') === '1';
  const q = search.get('q') ?? '';
  const grade = GRADES.find((g) => g === search.get('grade')) ?? null;
  const team = search.get('team') ?? '';
  const sorting: SortingState = search.get('sort')
    ? [{ id: search.get('sort')!.replace(/^-/, ''), desc: search.get('sort')!.startsWith('-') }]
    : [];
  const atInstant = startOfSeoulDay(plusDays(at, 1));

  const loaded = useGaps(kind, { at: atInstant, atDay: at, days, asOf: shared.asOf, grade, team, role, ready: shared.ready });
  const rows = useMemo(() => (never ? loaded.rows.filter((r) => r.lastTouch === null) : loaded.rows), [loaded.rows, never]);
  const [orgUnits] = useQuery({ query: OrgUnitsQuery, variables: { asOf: shared.asOf }, pause: kind !== 'EMPLOYEE' });
  const tableRef = useRef<Table<GapRow> | null>(null);
  const columns = useColumns(kind, role);

  const exportCsv = () => {
    const table = tableRef.current;
    if (!table) return;
    const cols = table.getVisibleLeafColumns();
    const header = cols.map((c) => String(typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id));
    const body = table.getRowModel().rows.map((r) => cols.map((c) => r.getValue<string | number | null>(c.id)));
    downloadCsv(`gaps-${kind.toLowerCase()}-${at}-${days}d.csv`, toCsv(header, body));
  };

  return (
    <>
      <h1>{t('gaps.title')}</h1>
      <UrlPeriodPicker
        preset={shared.preset}
        reference={shared.reference}
        period={shared.period}
        asOfDay={shared.asOfDay}
        latestMonth={shared.latestMonth}
      />
      <section aria-labelledby="gap-list">
        <h2 id="gap-list" className="visually-hidden">
          {t('gaps.title')}
        </h2>
        <div className="tabs" role="radiogroup" aria-label={t('gaps.who')}>
          {kinds.map((k) => (
            <label key={k} className={`chip ${k === kind ? 'on' : ''}`}>
              <input
                type="radio"
                name="who"
                value={k}
                checked={k === kind}
                onChange={() => set({ who: k, team: '', grade: '', sort: '' })}
              />
              {t(`population.${k}`)}
            </label>
          ))}
        </div>
        <div className="filters">
          <label>
            {t('gaps.days')} <input type="number" min={1} max={3650} value={days} onChange={(e) => set({ days: e.target.value })} />
          </label>
          <label>
            {t('gaps.at')} <input type="date" value={at} onChange={(e) => set({ at: e.target.value })} />
          </label>
          {kind === 'EMPLOYEE' && (
            <>
              <label>
                {t('gaps.team')}
                <select value={team} onChange={(e) => set({ team: e.target.value })}>
                  <option value="">{t('gaps.allTeams')}</option>
                  {(orgUnits.data?.orgUnits ?? []).map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('gaps.grade')}
                <select value={grade ?? ''} onChange={(e) => set({ grade: e.target.value })}>
                  <option value="">{t('grade.all')}</option>
                  {GRADES.map((g) => (
                    <option key={g} value={g}>
                      {t(`grade.${g}`)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          {kind !== 'BRANCH' && (
            <label className="inline">
              <input type="checkbox" checked={never} onChange={(e) => set({ never: e.target.checked ? '1' : '' })} /> {t('gaps.neverOnly')}
            </label>
          )}
          <label>
            {t('gaps.search')} <input type="search" value={q} onChange={(e) => set({ q: e.target.value })} />
          </label>
          <button type="button" onClick={exportCsv} disabled={rows.length === 0 || loaded.fetching} data-testid="export-csv">
            {t('gaps.export')}
          </button>
        </div>
        {kind === 'CUSTOMER' && !seesCustomerNames(role) && <p className="hint">{t('gaps.customerHidden')}</p>}
        {loaded.error ? (
          <ErrorState error={loaded.error} />
        ) : loaded.fetching && loaded.rows.length === 0 ? (
          <Loading />
        ) : rows.length === 0 ? (
          <Empty>{t('gaps.none')}</Empty>
        ) : (
          <>
            <p className="hint" data-testid="gap-count">
              {kind === 'BRANCH'
                ? t('gaps.branchesTitle', { days, count: rows.length })
                : t('gaps.shown', { shown: rows.length.toLocaleString(), total: loaded.total.toLocaleString() })}
              {kind !== 'BRANCH' && loaded.fetching && ` · ${t('gaps.loading', { loaded: loaded.rows.length.toLocaleString() })}`}
              {kind !== 'BRANCH' &&
                !loaded.fetching &&
                loaded.total > GAPS_MAX &&
                ` · ${t('gaps.truncated', { max: GAPS_MAX.toLocaleString() })}`}
            </p>
            <VirtualTable
              data={rows}
              columns={columns}
              sorting={sorting}
              onSortingChange={(s) => set({ sort: s[0] ? `${s[0].desc ? '-' : ''}${s[0].id}` : '' })}
              globalFilter={q}
              label={t('gaps.title')}
              noMatch={t('gaps.noMatch')}
              tableRef={(tb) => (tableRef.current = tb)}
            />
          </>
        )}
      </section>
    </>
  );
};

const useColumns = (kind: Kind, role: ReturnType<typeof usePrincipal>['role']) => {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const col = (id: keyof GapRow, header: string, numeric = false): ColumnDef<GapRow, string | number | null> => ({
      id,
      accessorFn: (r) => r[id],
      header,
      meta: { numeric },
      sortUndefined: 'last',
      cell: (c) =>
        id === 'id' ? (
          <Link to={`${PAGE_OF[kind]}/${encodeURIComponent(c.row.original.id)}`}>{c.row.original.id}</Link>
        ) : (
          (c.getValue() ?? (id === 'lastTouch' ? t('gaps.never') : ''))
        ),
    });
    const recency = [col('lastTouch', t('gaps.lastTouch')), col('daysSince', t('gaps.daysSince'), true)];
    switch (kind) {
      case 'EMPLOYEE':
        return [
          col('id', t('gaps.id')),
          col('name', t('gaps.name')),
          col('team', t('gaps.team')),
          col('grade', t('gaps.grade')),
          ...recency,
        ];
      case 'FC':
        return [
          col('id', t('gaps.id')),
          col('name', t('gaps.name')),
          col('branch', t('gaps.branch')),
          col('region', t('gaps.region')),
          ...recency,
        ];
      case 'BRANCH':
        return [
          col('id', t('gaps.id')),
          col('name', t('gaps.branch')),
          col('region', t('gaps.region')),
          col('team', t('gaps.district')),
          col('grade', t('gaps.pride')),
        ];
      case 'CUSTOMER':
        return [
          col('id', t('gaps.id')),
          ...(seesCustomerNames(role) ? [col('name', t('gaps.customerName'))] : []),
          col('branch', t('gaps.branch')),
          col('region', t('gaps.region')),
          ...recency,
        ];
    }
    // i18n.language: the headers change with the language.
  }, [kind, role, t, i18n.language]);
};

interface GapArgs {
  at: string;
  atDay: Day;
  days: number;
  asOf: string | null;
  grade: Grade | null;
  team: string;
  role: ReturnType<typeof usePrincipal>['role'];
  /** False until the latest month with data is known (the default day depends on it). */
  ready: boolean;
}

interface GapsPage<P> {
  gaps: { total: number; hasNextPage: boolean; endCursor?: string | null; people: P[] };
}

interface Pages<P> {
  people: P[];
  total: number;
  fetching: boolean;
  error?: CombinedError;
}

/**
 * Every page of one gap list, one after another (GAPS_PAGE a page, up to GAPS_MAX people): the
 * table fills as pages arrive, and the CSV export waits for the last. New arguments start over.
 */
const useAllPages = <P, V extends { after?: string | null }>(
  query: TypedDocumentNode<GapsPage<P>, V>,
  variables: Omit<V, 'after'>,
  pause: boolean,
  max = GAPS_MAX,
): Pages<P> => {
  const client = useClient();
  // The variables are rebuilt on every render: their text says when they really changed.
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Pages<P> & { key: string }>({ key: '', people: [], total: 0, fetching: false });
  useEffect(() => {
    if (pause) return;
    let cancelled = false;
    setState({ key, people: [], total: 0, fetching: true });
    void (async () => {
      const people: P[] = [];
      let after: string | null = null;
      for (;;) {
        const vars = { ...(JSON.parse(key) as Omit<V, 'after'>), after } as V;
        // network-only: a list that changed since (someone was invited and met) is not served from the cache.
        const r = await client.query(query, vars, { requestPolicy: 'network-only' }).toPromise();
        if (cancelled) return;
        if (r.error || !r.data) {
          setState({ key, people, total: 0, fetching: false, error: r.error });
          return;
        }
        people.push(...r.data.gaps.people);
        const next = r.data.gaps.hasNextPage && people.length < max ? (r.data.gaps.endCursor ?? null) : null;
        setState({ key, people: [...people], total: r.data.gaps.total, fetching: next !== null });
        if (next === null) return;
        after = next;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, query, key, pause, max]);
  return state.key === key && !pause ? state : { people: [], total: 0, fetching: !pause };
};

/** Each kind has its own query (customers' names only for the roles that may read them); only the one on screen runs. */
const useGaps = (kind: Kind, a: GapArgs): Loaded => {
  const { t } = useTranslation();
  const base = { at: a.at, days: a.days, asOf: a.asOf, first: GAPS_PAGE };
  const segment = a.grade || a.team ? { ...(a.grade ? { grade: a.grade } : {}), ...(a.team ? { orgUnitId: a.team } : {}) } : null;
  const emp = useAllPages(EmployeeGapsQuery, { ...base, segment }, !a.ready || kind !== 'EMPLOYEE');
  const fc = useAllPages(FcGapsQuery, base, !a.ready || kind !== 'FC');
  const names = seesCustomerNames(a.role);
  const cu = useAllPages(CustomerGapsQuery, base, !a.ready || kind !== 'CUSTOMER' || names);
  // Every name shown is a logged read of personal data: with names, one page (the longest unreached), not ten thousand.
  const cuNamed = useAllPages(CustomerGapsWithNamesQuery, base, !a.ready || kind !== 'CUSTOMER' || !names, GAPS_PAGE);
  const [br] = useQuery({
    query: UnvisitedBranchesQuery,
    variables: { from: startOfSeoulDay(plusDays(a.atDay, 1 - a.days)), to: a.at, asOf: a.asOf },
    pause: !a.ready || kind !== 'BRANCH',
  });
  return useMemo((): Loaded => {
    const recency = (last: string | null) => ({ lastTouch: last ? seoulDay(last) : null, daysSince: daysBetween(last, a.atDay) });
    switch (kind) {
      case 'EMPLOYEE':
        return {
          fetching: emp.fetching,
          error: emp.error,
          total: emp.total,
          rows: emp.people.map((p) => ({
            id: p.personId,
            name: p.employee?.name ?? '',
            team: p.employee?.orgUnit?.name ?? '',
            grade: p.employee ? t(`grade.${p.employee.grade}`) : '',
            branch: '',
            region: '',
            ...recency(p.lastTouchedAt ?? null),
          })),
        };
      case 'FC':
        return {
          fetching: fc.fetching,
          error: fc.error,
          total: fc.total,
          rows: fc.people.map((p) => ({
            id: p.personId,
            name: p.fc?.name ?? '',
            team: '',
            grade: '',
            branch: p.fc?.branch?.name ?? '',
            region: p.fc?.branch?.region ?? '',
            ...recency(p.lastTouchedAt ?? null),
          })),
        };
      case 'CUSTOMER': {
        const r = names ? cuNamed : cu;
        const people = names
          ? cuNamed.people.map((p) => ({ ...p, name: p.customer?.personalData?.name ?? '' }))
          : cu.people.map((p) => ({ ...p, name: '' }));
        return {
          fetching: r.fetching,
          error: r.error,
          total: r.total,
          rows: people.map((p) => ({
            id: p.personId,
            name: p.name,
            team: '',
            grade: '',
            branch: p.customer?.branch?.name ?? '',
            region: p.customer?.branch?.region ?? '',
            ...recency(p.lastTouchedAt ?? null),
          })),
        };
      }
      case 'BRANCH':
        return {
          fetching: br.fetching,
          error: br.error,
          total: br.data?.unvisitedBranches.length ?? 0,
          rows: (br.data?.unvisitedBranches ?? []).map((b) => ({
            id: b.id,
            name: b.name,
            team: b.district,
            grade: b.pride ? 'PRIDE' : '',
            branch: '',
            region: b.region,
            lastTouch: null,
            daysSince: null,
          })),
        };
    }
  }, [kind, emp, fc, cu, cuNamed, br, names, a.atDay, t]);
};
