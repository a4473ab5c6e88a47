import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { UrlPeriodPicker } from '../components/PeriodPicker';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import type { Channel, SegmentInput } from '../gql/graphql';
import {
  CellEmployeesQuery,
  CellFcsQuery,
  EmployeeReachByMonthQuery,
  OrgUnitsQuery,
  RegionBranchesQuery,
  RegionsQuery,
  SegmentByChannelQuery,
  SegmentTrendQuery,
} from '../operations';
import type { Period } from '../period';
import { minusMonths, plusDays, plusMonths, seoulDay, startOfSeoulDay, type Day, type Month } from '../time';
import { usePeriod } from '../usePeriod';

const VIEWS = ['units-months', 'units-channels', 'regions-months'] as const;
type View = (typeof VIEWS)[number];
const CHANNELS: Channel[] = ['CAFE_SESSION', 'TOWN_HALL', 'VIDEO_MESSAGE', 'EMAIL_LETTER', 'BRANCH_VISIT'];
/** The company-wide row of org-unit reach: its people are everyone. */
const COMPANY = 'COMPANY';

/** The twelve months ending with the period's last month, and their periods for the API. */
const monthsOf = (period: Period) => {
  const last = plusDays(period.to, -1).slice(0, 7);
  const months = Array.from({ length: 12 }, (_, i) => minusMonths(last, 11 - i));
  const vars = Object.fromEntries(
    months.map((m, i) => [`m${i}`, { from: startOfSeoulDay(`${m}-01`), to: startOfSeoulDay(`${plusMonths(m, 1)}-01`) }]),
  ) as Record<`m${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11}`, { from: string; to: string }>;
  return { months, vars };
};

/** Whole days from one day to another (both Seoul calendar days). */
const daysBetween = (from: Day, to: Day) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A window the gaps query understands: not reached within `days` days before `at`. */
const monthWindow = (m: Month) => ({
  at: startOfSeoulDay(`${plusMonths(m, 1)}-01`),
  days: daysBetween(`${m}-01`, `${plusMonths(m, 1)}-01`),
});
const periodWindow = (p: Period) => ({ at: startOfSeoulDay(p.to), days: Math.max(1, daysBetween(p.from, p.to)) });

/** White to orange; the text stays dark on every shade (contrast above 4.5:1 throughout). */
const shade = (rate: number | null) => {
  if (rate === null) return undefined;
  // Square root: reach is mostly a few per cent a month, and those differences must show too.
  const v = Math.sqrt(Math.max(0, Math.min(1, rate)));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * v);
  return { backgroundColor: `rgb(${mix(255, 251)}, ${mix(255, 146)}, ${mix(255, 60)})` };
};
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** What a cell stands for: its row (unit, region or branch) and column (month or channel), kept in the URL. */
const cellKey = (row: string, column: string) => `${row}~${column}`;

/** The page's URL with one parameter set (or removed), the rest kept: every state here is shareable. */
const useLinkWith = () => {
  const [search] = useSearchParams();
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `?${next}`;
  };
};

interface CellFigures {
  rate: number | null;
  reached?: number;
  population?: number;
}

const Cell = ({ figures, row, column, title }: { figures: CellFigures; row: string; column: string; title: string }) => {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const linkWith = useLinkWith();
  const key = cellKey(row, column);
  const counts =
    figures.reached !== undefined && figures.population !== undefined
      ? ` (${t('heatmap.counts', { reached: figures.reached, population: figures.population })})`
      : '';
  const label = `${title}: ${pct(figures.rate)}${counts}`;
  return (
    <td className={`num heat ${search.get('cell') === key ? 'picked' : ''}`} style={shade(figures.rate)}>
      <Link to={linkWith({ cell: key })} replace preventScrollReset title={label} aria-label={label}>
        {pct(figures.rate)}
      </Link>
    </td>
  );
};

/** The scale the cells are shaded on, with its numbers. */
const Legend = () => {
  const { t } = useTranslation();
  return (
    <p className="heat-legend" aria-hidden="true">
      <span>{t('heatmap.legend')}</span>
      {[0, 0.05, 0.25, 0.5, 1].map((r) => (
        <span key={r} className="swatch" style={shade(r)}>
          {pct(r)}
        </span>
      ))}
    </p>
  );
};

/** Where reach is thin: org unit × month and × channel for employees, region (or a region's branches) × month for FCs; a cell lists the people behind it. */
export const HeatmapPage = () => {
  const { t } = useTranslation();
  const shared = usePeriod();
  const [search, setSearch] = useSearchParams();
  const view: View = VIEWS.find((v) => v === search.get('view')) ?? 'units-months';
  const channel: Channel | null = CHANNELS.find((c) => c === search.get('channel')) ?? null;
  const setParams = (changes: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const n = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) n.delete(k);
          else n.set(k, v);
        }
        return n;
      },
      { replace: true },
    );
  return (
    <>
      <h1>{t('heatmap.title')}</h1>
      <UrlPeriodPicker
        preset={shared.preset}
        reference={shared.reference}
        period={shared.period}
        asOfDay={shared.asOfDay}
        latestMonth={shared.latestMonth}
      />
      <section aria-labelledby="heatmap-h">
        <h2 id="heatmap-h" className="visually-hidden">
          {t('heatmap.title')}
        </h2>
        <div className="tabs" role="radiogroup" aria-label={t('heatmap.view')}>
          {VIEWS.map((v) => (
            <label key={v} className={`chip ${v === view ? 'on' : ''}`}>
              <input
                type="radio"
                name="view"
                value={v}
                checked={v === view}
                onChange={() => setParams({ view: v, cell: null, region: null })}
              />
              {t(`heatmap.${v}`)}
            </label>
          ))}
        </div>
        {view === 'units-months' && (
          <label className="inline-field">
            {t('heatmap.channel')}{' '}
            <select value={channel ?? ''} onChange={(e) => setParams({ channel: e.target.value || null, cell: null })}>
              <option value="">{t('channel.all')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="hint">
          {t(view === 'units-months' && channel === 'CAFE_SESSION' ? 'heatmap.units-months-cafe-hint' : `heatmap.${view}-hint`)}
        </p>
        <Legend />
        {!shared.ready || !shared.period ? (
          <Loading />
        ) : view === 'units-months' ? (
          <UnitsByMonth period={shared.period} asOf={shared.asOf} channel={channel} />
        ) : view === 'units-channels' ? (
          <UnitsByChannel period={shared.period} asOf={shared.asOf} />
        ) : (
          <FcsByMonth period={shared.period} asOf={shared.asOf} region={search.get('region')} />
        )}
      </section>
      {shared.period && <CellPeople view={view} period={shared.period} asOf={shared.asOf} channel={channel} />}
    </>
  );
};

const UnitsByMonth = ({ period, asOf, channel }: { period: Period; asOf: string | null; channel: Channel | null }) => {
  const { t } = useTranslation();
  const { months, vars } = monthsOf(period);
  const [{ data, error, fetching }] = useQuery({ query: EmployeeReachByMonthQuery, variables: { asOf, channel, ...vars } });
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const units = [...data.m0].sort(
    (a, b) =>
      (a.parentId ?? a.orgUnitId).localeCompare(b.parentId ?? b.orgUnitId) ||
      (a.parentId ? 1 : 0) - (b.parentId ? 1 : 0) ||
      a.orgUnitName.localeCompare(b.orgUnitName),
  );
  if (units.length === 0) return <Empty />;
  // Café sessions are for grade 차장 and below: their reach is of those who may come.
  const figures = (k: number, id: string): CellFigures => {
    const r = data[`m${k}` as keyof typeof data].find((x) => x.orgUnitId === id);
    if (!r) return { rate: null };
    return channel === 'CAFE_SESSION'
      ? { rate: r.eligibleReachRate, reached: r.reached, population: r.eligiblePopulation }
      : { rate: r.reachRate, reached: r.reached, population: r.population };
  };
  return (
    <ScrollX label={t('heatmap.units-months')}>
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th scope="col">{t('channels.orgUnit')}</th>
            {months.map((m) => (
              <th key={m} scope="col" className="num">
                {m.slice(2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.orgUnitId} className={u.parentId ? '' : 'division'}>
              <th scope="row" className={u.parentId ? 'child' : ''}>
                {u.orgUnitId === COMPANY ? (
                  u.orgUnitName
                ) : (
                  <Link to={`/teams/${encodeURIComponent(u.orgUnitId)}?preset=month&ref=${months.at(-1)}`}>{u.orgUnitName}</Link>
                )}
              </th>
              {months.map((m, k) => (
                <Cell key={m} figures={figures(k, u.orgUnitId)} row={u.orgUnitId} column={m} title={`${u.orgUnitName} ${m}`} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
};

const UnitsByChannel = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: OrgUnitsQuery, variables: { asOf } });
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  if (data.orgUnits.length === 0) return <Empty />;
  return (
    <ScrollX label={t('heatmap.units-channels')}>
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th scope="col">{t('channels.orgUnit')}</th>
            {CHANNELS.map((c) => (
              <th key={c} scope="col" className="num">
                {t(`channel.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.orgUnits.map((u) => (
            <UnitChannelsRow key={u.id} unit={u} period={period} asOf={asOf} />
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
};

const UnitChannelsRow = ({
  unit,
  period,
  asOf,
}: {
  unit: { id: string; name: string; parent?: { id: string } | null };
  period: Period;
  asOf: string | null;
}) => {
  const { t } = useTranslation();
  const [{ data }] = useQuery({
    query: SegmentByChannelQuery,
    variables: {
      population: 'EMPLOYEE',
      segment: { orgUnitId: unit.id },
      period: { from: startOfSeoulDay(period.from), to: startOfSeoulDay(period.to) },
      asOf,
    },
  });
  const c = data?.coverage;
  return (
    <tr className={unit.parent ? '' : 'division'}>
      <th scope="row" className={unit.parent ? 'child' : ''}>
        <Link to={`/teams/${encodeURIComponent(unit.id)}`}>{unit.name}</Link>
      </th>
      {CHANNELS.map((ch) => {
        const reached = c?.byChannel.find((b) => b.channel === ch)?.reached ?? 0;
        return (
          <Cell
            key={ch}
            figures={c ? { rate: c.population > 0 ? reached / c.population : null, reached, population: c.population } : { rate: null }}
            row={unit.id}
            column={ch}
            title={`${unit.name} ${t(`channel.${ch}`)}`}
          />
        );
      })}
    </tr>
  );
};

/** FC reach month by month: one row per region, or per branch of the region picked. */
const FcsByMonth = ({ period, asOf, region }: { period: Period; asOf: string | null; region: string | null }) => {
  const { t } = useTranslation();
  const linkWith = useLinkWith();
  const { months } = monthsOf(period);
  const [regions] = useQuery({ query: RegionsQuery, pause: region !== null });
  const [branches] = useQuery({ query: RegionBranchesQuery, variables: { region: region ?? '' }, pause: region === null });
  const { data, error, fetching } = region === null ? regions : branches;
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const rows: { key: string; label: string; segment: SegmentInput; drill?: string }[] =
    region === null && regions.data
      ? [...new Set([...regions.data.asc.edges, ...regions.data.desc.edges].map((e) => e.node.region))]
          .sort()
          .map((r) => ({ key: r, label: r, segment: { region: r }, drill: linkWith({ region: r, cell: null }) }))
      : (branches.data?.branches.edges ?? []).map(({ node: b }) => ({ key: b.id, label: b.name, segment: { branchId: b.id } }));
  return (
    <>
      {region !== null && (
        <p>
          <Link to={linkWith({ region: null, cell: null })} replace>
            ← {t('heatmap.allRegions')}
          </Link>{' '}
          · {t('heatmap.branchesOf', { region })}
        </p>
      )}
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <ScrollX label={t('heatmap.regions-months')}>
          <table className="heatmap" data-testid="heatmap">
            <thead>
              <tr>
                <th scope="col">{region === null ? t('gaps.region') : t('gaps.branch')}</th>
                {months.map((m) => (
                  <th key={m} scope="col" className="num">
                    {m.slice(2)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <FcRow key={r.key} row={r} period={period} asOf={asOf} />
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </>
  );
};

const FcRow = ({
  row,
  period,
  asOf,
}: {
  row: { key: string; label: string; segment: SegmentInput; drill?: string };
  period: Period;
  asOf: string | null;
}) => {
  const { t } = useTranslation();
  const { months } = monthsOf(period);
  const [{ data }] = useQuery({
    query: SegmentTrendQuery,
    variables: { population: 'FC', segment: row.segment, asOf, fromMonth: months[0]!, toMonth: months[months.length - 1]! },
  });
  const byMonth = new Map((data?.coverageByMonth ?? []).map((c) => [c.month, c]));
  return (
    <tr>
      <th scope="row">
        {row.drill ? (
          <Link to={row.drill} replace title={t('heatmap.branchesOf', { region: row.label })}>
            {row.label}
          </Link>
        ) : (
          <Link to={`/branches/${encodeURIComponent(row.key)}`}>{row.label}</Link>
        )}
      </th>
      {months.map((m) => {
        const c = byMonth.get(m);
        return (
          <Cell
            key={m}
            figures={c ? { rate: c.reachRate, reached: c.reached, population: c.population } : { rate: null }}
            row={row.key}
            column={m}
            title={`${row.label} ${m}`}
          />
        );
      })}
    </tr>
  );
};

/** The people behind the cell picked: those of its unit, region or branch not reached in its month (or period, through its channel). */
const CellPeople = ({ view, period, asOf, channel }: { view: View; period: Period; asOf: string | null; channel: Channel | null }) => {
  const [search] = useSearchParams();
  const picked = search.get('cell');
  const cut = picked?.lastIndexOf('~') ?? -1;
  if (!picked || cut <= 0) return null;
  const row = picked.slice(0, cut);
  const column = picked.slice(cut + 1);
  if (view === 'regions-months') {
    if (!/^\d{4}-\d{2}$/.test(column)) return null;
    const region = search.get('region');
    const segment: SegmentInput = region === null ? { region: row } : { branchId: row };
    return <CellFcs who={row} when={column} segment={segment} window={monthWindow(column)} asOf={asOf} />;
  }
  const segment: SegmentInput = row === COMPANY ? {} : { orgUnitId: row };
  if (view === 'units-channels') {
    const ch = CHANNELS.find((c) => c === column);
    if (!ch) return null;
    return <CellEmployees unitId={row} column={ch} segment={segment} channel={ch} window={periodWindow(period)} asOf={asOf} />;
  }
  if (!/^\d{4}-\d{2}$/.test(column)) return null;
  return <CellEmployees unitId={row} column={column} segment={segment} channel={channel} window={monthWindow(column)} asOf={asOf} />;
};

const CellPanel = ({ title, children }: { title: string; children: React.ReactNode }) => {
  const { t } = useTranslation();
  const linkWith = useLinkWith();
  return (
    <section aria-labelledby="cell-people" data-testid="cell-people">
      <h2 id="cell-people">{title}</h2>
      <p>
        <Link to={linkWith({ cell: null })} replace preventScrollReset>
          {t('heatmap.close')}
        </Link>
      </p>
      {children}
    </section>
  );
};

const lastTouch = (at: string | null | undefined, never: string) => (at ? seoulDay(at) : never);

const CellEmployees = ({
  unitId,
  column,
  segment,
  channel,
  window,
  asOf,
}: {
  unitId: string;
  column: string;
  segment: SegmentInput;
  channel: Channel | null;
  window: { at: string; days: number };
  asOf: string | null;
}) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: CellEmployeesQuery, variables: { ...window, segment, channel, asOf } });
  const [units] = useQuery({ query: OrgUnitsQuery, variables: { asOf } });
  const unitName = unitId === COMPANY ? t('heatmap.company') : (units.data?.orgUnits.find((u) => u.id === unitId)?.name ?? unitId);
  const when = /^\d{4}-\d{2}$/.test(column) ? column : t(`channel.${column}`);
  return (
    <CellPanel title={t('heatmap.notReached', { who: unitName, when })}>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : data.gaps.people.length === 0 ? (
        <Empty>{t('heatmap.everyoneReached')}</Empty>
      ) : (
        <>
          <p>{t('heatmap.listed', { shown: data.gaps.people.length, total: data.gaps.total })}</p>
          <ScrollX label={t('heatmap.notReached', { who: unitName, when })}>
            <table data-testid="cell-people-table">
              <thead>
                <tr>
                  <th scope="col">{t('gaps.name')}</th>
                  <th scope="col">{t('gaps.grade')}</th>
                  <th scope="col">{t('gaps.team')}</th>
                  <th scope="col">{t('gaps.lastTouch')}</th>
                </tr>
              </thead>
              <tbody>
                {data.gaps.people.map((p) => (
                  <tr key={p.personId}>
                    <td>
                      <Link to={`/people/${encodeURIComponent(p.personId)}`}>{p.employee?.name ?? p.personId}</Link>
                    </td>
                    <td>{p.employee ? t(`grade.${p.employee.grade}`) : '—'}</td>
                    <td>{p.employee?.orgUnit?.name ?? '—'}</td>
                    <td>{lastTouch(p.lastTouchedAt, t('gaps.never'))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        </>
      )}
    </CellPanel>
  );
};

const CellFcs = ({
  who,
  when,
  segment,
  window,
  asOf,
}: {
  who: string;
  when: string;
  segment: SegmentInput;
  window: { at: string; days: number };
  asOf: string | null;
}) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: CellFcsQuery, variables: { ...window, segment, asOf } });
  // A branch row's key is its id: name it by the branch its FCs belong to.
  const name = segment.branchId ? (data?.gaps.people[0]?.fc?.branch?.name ?? who) : who;
  const label = t('heatmap.notReached', { who: name, when });
  return (
    <CellPanel title={label}>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : data.gaps.people.length === 0 ? (
        <Empty>{t('heatmap.everyoneReached')}</Empty>
      ) : (
        <>
          <p>{t('heatmap.listed', { shown: data.gaps.people.length, total: data.gaps.total })}</p>
          <ScrollX label={label}>
            <table data-testid="cell-people-table">
              <thead>
                <tr>
                  <th scope="col">{t('gaps.name')}</th>
                  <th scope="col">{t('gaps.branch')}</th>
                  <th scope="col">{t('gaps.lastTouch')}</th>
                </tr>
              </thead>
              <tbody>
                {data.gaps.people.map((p) => (
                  <tr key={p.personId}>
                    <td>
                      <Link to={`/fcs/${encodeURIComponent(p.personId)}`}>{p.fc?.name ?? p.personId}</Link>
                    </td>
                    <td>{p.fc?.branch ? <Link to={`/branches/${encodeURIComponent(p.fc.branch.id)}`}>{p.fc.branch.name}</Link> : '—'}</td>
                    <td>{lastTouch(p.lastTouchedAt, t('gaps.never'))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        </>
      )}
    </CellPanel>
  );
};
