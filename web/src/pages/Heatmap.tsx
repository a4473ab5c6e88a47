import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { UrlPeriodPicker } from '../components/PeriodPicker';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import type { Channel } from '../gql/graphql';
import { OrgUnitsQuery, ReachByMonthQuery, RegionsQuery, SegmentByChannelQuery, SegmentTrendQuery } from '../operations';
import type { Period } from '../period';
import { minusMonths, plusDays, plusMonths, startOfSeoulDay } from '../time';
import { usePeriod } from '../usePeriod';

const VIEWS = ['units-months', 'units-channels', 'regions-months'] as const;
type View = (typeof VIEWS)[number];
const CHANNELS: Channel[] = ['CAFE_SESSION', 'TOWN_HALL', 'VIDEO_MESSAGE', 'EMAIL_LETTER', 'BRANCH_VISIT'];

/** The twelve months ending with the period's last month, and their periods for the API. */
const monthsOf = (period: Period) => {
  const last = plusDays(period.to, -1).slice(0, 7);
  const months = Array.from({ length: 12 }, (_, i) => minusMonths(last, 11 - i));
  const vars = Object.fromEntries(
    months.map((m, i) => [`m${i}`, { from: startOfSeoulDay(`${m}-01`), to: startOfSeoulDay(`${plusMonths(m, 1)}-01`) }]),
  ) as Record<`m${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11}`, { from: string; to: string }>;
  return { months, vars };
};

/** White to orange; the text stays dark on every shade (contrast above 4.5:1 throughout). */
const shade = (rate: number | null) => {
  if (rate === null) return undefined;
  // Square root: reach is mostly a few per cent a month, and those differences must show too.
  const v = Math.sqrt(Math.max(0, Math.min(1, rate)));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * v);
  return { backgroundColor: `rgb(${mix(255, 251)}, ${mix(255, 146)}, ${mix(255, 60)})` };
};
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

const Cell = ({ rate, to, title }: { rate: number | null; to: string; title: string }) => (
  <td className="num heat" style={shade(rate)}>
    <Link to={to} title={title} aria-label={`${title}: ${pct(rate)}`}>
      {pct(rate)}
    </Link>
  </td>
);

/** Where reach is thin: org unit × month and × channel for employees, region × month for FCs; a cell opens the people behind it. */
export const HeatmapPage = () => {
  const { t } = useTranslation();
  const shared = usePeriod();
  const [search, setSearch] = useSearchParams();
  const view: View = VIEWS.find((v) => v === search.get('view')) ?? 'units-months';
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
                onChange={() =>
                  setSearch(
                    (prev) => {
                      const n = new URLSearchParams(prev);
                      n.set('view', v);
                      return n;
                    },
                    { replace: true },
                  )
                }
              />
              {t(`heatmap.${v}`)}
            </label>
          ))}
        </div>
        <p className="hint">{t(`heatmap.${view}-hint`)}</p>
        {!shared.ready || !shared.period ? (
          <Loading />
        ) : view === 'units-months' ? (
          <UnitsByMonth period={shared.period} asOf={shared.asOf} />
        ) : view === 'units-channels' ? (
          <UnitsByChannel period={shared.period} asOf={shared.asOf} />
        ) : (
          <RegionsByMonth period={shared.period} asOf={shared.asOf} />
        )}
      </section>
    </>
  );
};

const UnitsByMonth = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const { months, vars } = monthsOf(period);
  const [{ data, error, fetching }] = useQuery({ query: ReachByMonthQuery, variables: { asOf, ...vars } });
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const units = [...data.m0].sort(
    (a, b) =>
      (a.parentId ?? a.orgUnitId).localeCompare(b.parentId ?? b.orgUnitId) ||
      (a.parentId ? 1 : 0) - (b.parentId ? 1 : 0) ||
      a.orgUnitName.localeCompare(b.orgUnitName),
  );
  if (units.length === 0) return <Empty />;
  const rate = (k: number, id: string) => data[`m${k}` as keyof typeof data].find((r) => r.orgUnitId === id)?.eligibleReachRate ?? null;
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
                {u.orgUnitName}
              </th>
              {months.map((m, k) => (
                <Cell
                  key={m}
                  rate={rate(k, u.orgUnitId)}
                  to={`/teams/${encodeURIComponent(u.orgUnitId)}?preset=month&ref=${m}`}
                  title={`${u.orgUnitName} ${m}`}
                />
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
        {unit.name}
      </th>
      {CHANNELS.map((ch) => {
        const reached = c?.byChannel.find((b) => b.channel === ch)?.reached ?? 0;
        return (
          <Cell
            key={ch}
            rate={c && c.population > 0 ? reached / c.population : null}
            to={`/teams/${encodeURIComponent(unit.id)}`}
            title={`${unit.name} ${ch}`}
          />
        );
      })}
    </tr>
  );
};

const RegionsByMonth = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const { months } = monthsOf(period);
  const [{ data, error, fetching }] = useQuery({ query: RegionsQuery });
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const regions = [...new Set([...data.asc.edges, ...data.desc.edges].map((e) => e.node.region))].sort();
  if (regions.length === 0) return <Empty />;
  return (
    <ScrollX label={t('heatmap.regions-months')}>
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th scope="col">{t('gaps.region')}</th>
            {months.map((m) => (
              <th key={m} scope="col" className="num">
                {m.slice(2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <RegionRow key={r} region={r} period={period} asOf={asOf} />
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
};

const RegionRow = ({ region, period, asOf }: { region: string; period: Period; asOf: string | null }) => {
  const { months, vars } = monthsOf(period);
  const [{ data }] = useQuery({ query: SegmentTrendQuery, variables: { population: 'FC', segment: { region }, asOf, ...vars } });
  return (
    <tr>
      <th scope="row">{region}</th>
      {months.map((m, k) => {
        const c = data?.[`m${k}` as keyof typeof data];
        // The people behind a cell: that region's FCs not reached in that month.
        const end = plusDays(`${plusMonths(m, 1)}-01`, -1);
        return (
          <Cell
            key={m}
            rate={c ? c.reachRate : null}
            to={`/gaps?who=FC&q=${encodeURIComponent(region)}&at=${end}&days=${Number(end.slice(8))}`}
            title={`${region} ${m}`}
          />
        );
      })}
    </tr>
  );
};
