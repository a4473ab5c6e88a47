import { useTranslation } from 'react-i18next';
import { nameWithTitle } from '../names';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { TrendChart } from '../components/TrendChart';
import { UrlPeriodPicker } from '../components/PeriodPicker';
import { Empty, ErrorState, isGroupTooSmall, Loading } from '../components/States';
import type { Population } from '../gql/graphql';
import { CadenceQuery, CoverageQuery, TrendQuery } from '../operations';
import type { Period } from '../period';
import { minusMonths, plusDays, startOfSeoulDay } from '../time';
import { usePeriod } from '../usePeriod';

const POPULATIONS: Population[] = ['EMPLOYEE', 'FC', 'CUSTOMER'];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const apiPeriod = (p: Period) => ({ from: startOfSeoulDay(p.from), to: startOfSeoulDay(p.to) });

/** Reach of employees, FCs and customers in the period, by channel and leader, by month, and the cadence kept. */
export const OverviewPage = () => {
  const { t } = useTranslation();
  const shared = usePeriod();
  const [search, setSearch] = useSearchParams();
  const population: Population = POPULATIONS.find((p) => p === search.get('pop')) ?? 'EMPLOYEE';
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <UrlPeriodPicker
        preset={shared.preset}
        reference={shared.reference}
        period={shared.period}
        asOfDay={shared.asOfDay}
        latestMonth={shared.latestMonth}
      />
      {!shared.ready ? (
        <Loading />
      ) : (
        shared.period && (
          <>
            <div className="cards">
              {POPULATIONS.map((p) => (
                <ReachCard
                  key={p}
                  population={p}
                  period={shared.period!}
                  asOf={shared.asOf}
                  selected={p === population}
                  onSelect={() =>
                    setSearch(
                      (prev) => {
                        const n = new URLSearchParams(prev);
                        n.set('pop', p);
                        return n;
                      },
                      { replace: true },
                    )
                  }
                />
              ))}
            </div>
            <Breakdown population={population} period={shared.period} asOf={shared.asOf} />
            <Trend period={shared.period} asOf={shared.asOf} />
            <CadencePanel period={shared.period} asOf={shared.asOf} />
          </>
        )
      )}
    </>
  );
};

const ReachCard = ({
  population,
  period,
  asOf,
  selected,
  onSelect,
}: {
  population: Population;
  period: Period;
  asOf: string | null;
  selected: boolean;
  onSelect: () => void;
}) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: CoverageQuery, variables: { population, period: apiPeriod(period), asOf } });
  const c = data?.coverage;
  return (
    <section
      className={`card ${selected ? 'selected' : ''}`}
      data-testid={`reach-${population}`}
      aria-labelledby={`reach-${population}-title`}
    >
      <h2 id={`reach-${population}-title`}>
        <button type="button" className="card-title" aria-pressed={selected} onClick={onSelect}>
          {t(`population.${population}`)}
        </button>
      </h2>
      {isGroupTooSmall(error) ? (
        <Empty>{t('leaders.tooSmall')}</Empty>
      ) : error ? (
        <ErrorState error={error} />
      ) : !c ? (
        fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <p className="big">{pct(c.reachRate)}</p>
          <p>
            {t('overview.reached', { reached: c.reached.toLocaleString(), population: c.population.toLocaleString() })} ·{' '}
            {t('overview.touches', { count: c.touches })}
          </p>
        </>
      )}
    </section>
  );
};

const Breakdown = ({ population, period, asOf }: { population: Population; period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }, retry] = useQuery({ query: CoverageQuery, variables: { population, period: apiPeriod(period), asOf } });
  const c = data?.coverage;
  if (isGroupTooSmall(error)) return <Empty>{t('leaders.tooSmall')}</Empty>;
  return (
    <div className="two-columns">
      <section aria-labelledby="by-channel">
        <h2 id="by-channel">
          {t('overview.byChannel')} · {t(`population.${population}`)}
        </h2>
        {error ? (
          <ErrorState error={error} retry={() => retry({ requestPolicy: 'network-only' })} />
        ) : !c ? (
          fetching && <Loading />
        ) : c.byChannel.length === 0 ? (
          <Empty />
        ) : (
          <table data-testid="by-channel">
            <thead>
              <tr>
                <th scope="col">{t('overview.channelCol')}</th>
                <th scope="col" className="num">
                  {t('overview.reachedCol')}
                </th>
                <th scope="col" className="num">
                  {t('overview.touchesCol')}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.byChannel.map((b) => (
                <tr key={b.channel}>
                  <td>{t(`channel.${b.channel}`)}</td>
                  <td className="num">{b.reached}</td>
                  <td className="num">{b.touches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="by-leader">
        <h2 id="by-leader">
          {t('overview.byLeader')} · {t(`population.${population}`)}
        </h2>
        {error ? (
          <ErrorState error={error} />
        ) : !c ? (
          fetching && <Loading />
        ) : c.byLeader.length === 0 ? (
          <Empty />
        ) : (
          <table data-testid="by-leader">
            <thead>
              <tr>
                <th scope="col">{t('overview.leaderCol')}</th>
                <th scope="col" className="num">
                  {t('overview.reachedCol')}
                </th>
                <th scope="col" className="num">
                  {t('overview.touchesCol')}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.byLeader.map((b) => (
                <tr key={b.leader?.id ?? 'company'}>
                  <td>{b.leader ? nameWithTitle(b.leader) : t('overview.company')}</td>
                  <td className="num">{b.reached}</td>
                  <td className="num">{b.touches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
};

/** The twelve months ending with the period's last month. */
const trendMonths = (period: Period) => {
  const last = plusDays(period.to, -1).slice(0, 7);
  return Array.from({ length: 12 }, (_, i) => minusMonths(last, 11 - i));
};

const useTrend = (population: Population, months: string[], asOf: string | null) =>
  useQuery({ query: TrendQuery, variables: { population, fromMonth: months[0]!, toMonth: months[months.length - 1]!, asOf } })[0];

const Trend = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const months = trendMonths(period);
  const results = [useTrend('EMPLOYEE', months, asOf), useTrend('FC', months, asOf), useTrend('CUSTOMER', months, asOf)];
  // A month with fewer than 5 customers reached is hidden from roles without customer-level access: drop that line, keep the others.
  const customersHidden = isGroupTooSmall(results[2]!.error);
  const shown = customersHidden ? results.slice(0, 2) : results;
  const error = shown.find((r) => r.error)?.error;
  const ready = shown.every((r) => r.data);
  return (
    <section aria-labelledby="trend">
      <h2 id="trend">{t('overview.trend')}</h2>
      {error ? (
        <ErrorState error={error} />
      ) : !ready ? (
        <Loading />
      ) : (
        <TrendChart
          label={t('overview.trend')}
          months={months}
          series={POPULATIONS.slice(0, shown.length).map((pop, i) => {
            const d = results[i]!.data!;
            const byMonth = new Map(d.coverageByMonth.map((m) => [m.month, m.reachRate]));
            return { name: t(`population.${pop}`), values: months.map((m) => byMonth.get(m) ?? null) };
          })}
        />
      )}
      {customersHidden && <p className="hint">{t('overview.customerTrendHidden')}</p>}
    </section>
  );
};

const CadencePanel = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: CadenceQuery, variables: { from: period.from, to: period.to, asOf } });
  const rows = (list: { start: string; held: number; target: number; met: boolean }[]) =>
    list.length === 0 ? (
      <Empty />
    ) : (
      <ul className="cadence">
        {list.map((c) => (
          <li key={c.start} className={c.met ? 'met' : 'missed'}>
            <span>{c.start.slice(0, 7)}</span> <strong>{c.met ? `✓ ${t('overview.met')}` : `✗ ${t('overview.missed')}`}</strong>{' '}
            <span className="hint">{t('overview.held', { held: c.held, target: c.target })}</span>
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="cadence" data-testid="cadence">
      <h2 id="cadence">{t('overview.cadence')}</h2>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : (
        <div className="two-columns">
          <div>
            <h3>{t('overview.cafeCadence')}</h3>
            {rows(data.cadence.cafeSessions)}
          </div>
          <div>
            <h3>{t('overview.townHallCadence')}</h3>
            {rows(data.cadence.townHalls)}
          </div>
        </div>
      )}
    </section>
  );
};
