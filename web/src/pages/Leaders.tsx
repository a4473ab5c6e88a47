import { useTranslation } from 'react-i18next';
import { nameWithTitle } from '../names';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { UrlPeriodPicker } from '../components/PeriodPicker';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, isGroupTooSmall, Loading } from '../components/States';
import { LeaderCustomersQuery, LeaderPageQuery, LeadersPageQuery } from '../operations';
import type { Period } from '../period';
import { startOfSeoulDay } from '../time';
import { usePeriod } from '../usePeriod';

const apiPeriod = (p: Period) => ({ from: startOfSeoulDay(p.from), to: startOfSeoulDay(p.to) });

interface LeaderRow {
  id: string;
  name: string;
  employees: number;
  fcs: number;
  customers: number;
  touches: number;
  answered: number;
  hours: number | null;
  open: number;
}

/** Each leader in the period: people met per population, questions answered, follow-ups still open. */
export const LeadersPage = () => {
  const { t } = useTranslation();
  const shared = usePeriod();
  const [{ data, error, fetching }] = useQuery({
    query: LeadersPageQuery,
    variables: {
      period: apiPeriod(shared.period ?? { from: '2000-01-01', to: '2000-01-02' }),
      asOf: shared.asOf,
      at: shared.period ? startOfSeoulDay(shared.period.to) : null,
    },
    pause: !shared.ready || !shared.period,
  });
  const [customers] = useQuery({
    query: LeaderCustomersQuery,
    variables: { leaderId: null, period: apiPeriod(shared.period ?? { from: '2000-01-01', to: '2000-01-02' }), asOf: shared.asOf },
    pause: !shared.ready || !shared.period,
  });
  const rows = new Map<string, LeaderRow>();
  const row = (l: { id: string; name: string; title?: string | null }) => {
    let r = rows.get(l.id);
    if (!r)
      rows.set(
        l.id,
        (r = {
          id: l.id,
          name: nameWithTitle(l),
          employees: 0,
          fcs: 0,
          customers: 0,
          touches: 0,
          answered: 0,
          hours: null,
          open: 0,
        }),
      );
    return r;
  };
  if (data) {
    // Customers may be missing (small groups hidden for this role): the row then shows none.
    for (const [key, list] of [
      ['employees', data.employees?.byLeader],
      ['fcs', data.fcs?.byLeader],
      ['customers', customers.data?.coverage.byLeader],
    ] as const) {
      for (const b of list ?? []) {
        if (!b.leader) continue;
        const r = row(b.leader);
        r[key] = b.reached;
        r.touches += b.touches;
      }
    }
    // A leader who answered questions or owns follow-ups is listed even without a touch in the period.
    for (const a of data.twoWay?.byAnsweringLeader ?? []) {
      if (!a.leader) continue;
      const r = row(a.leader);
      r.answered = a.answered;
      r.hours = a.averageHoursToAnswer ?? null;
    }
    for (const f of data.openFollowUps ?? []) if (f.owner) row(f.owner).open++;
  }
  const list = [...rows.values()].sort((a, b) => b.touches - a.touches);
  return (
    <>
      <h1>{t('leaders.title')}</h1>
      <UrlPeriodPicker
        preset={shared.preset}
        reference={shared.reference}
        period={shared.period}
        asOfDay={shared.asOfDay}
        latestMonth={shared.latestMonth}
      />
      <section aria-labelledby="leaders-table">
        <h2 id="leaders-table">{t('leaders.table')}</h2>
        {!data ? (
          error ? (
            <ErrorState error={error} />
          ) : fetching || !shared.ready ? (
            <Loading />
          ) : null
        ) : list.length === 0 ? (
          <Empty />
        ) : (
          <ScrollX label={t('leaders.table')}>
            <table data-testid="leaders">
              <thead>
                <tr>
                  <th scope="col">{t('overview.leaderCol')}</th>
                  <th scope="col" className="num">
                    {t('population.EMPLOYEE')}
                  </th>
                  <th scope="col" className="num">
                    {t('population.FC')}
                  </th>
                  <th scope="col" className="num">
                    {t('population.CUSTOMER')}
                  </th>
                  <th scope="col" className="num">
                    {t('overview.touchesCol')}
                  </th>
                  <th scope="col" className="num">
                    {t('leaders.answered')}
                  </th>
                  <th scope="col" className="num">
                    {t('leaders.hours')}
                  </th>
                  <th scope="col" className="num">
                    {t('leaders.open')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/leaders/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                    </td>
                    <td className="num">{r.employees}</td>
                    <td className="num">{r.fcs}</td>
                    <td className="num">{r.customers}</td>
                    <td className="num">{r.touches}</td>
                    <td className="num">{r.answered}</td>
                    <td className="num">{r.hours === null ? '—' : r.hours.toFixed(0)}</td>
                    <td className="num">{r.open}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        )}
      </section>
    </>
  );
};

/** One leader: touches by channel for employees, FCs and customers in the period. */
export const LeaderPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const shared = usePeriod();
  const [{ data, error, fetching }] = useQuery({
    query: LeaderPageQuery,
    variables: { id, period: apiPeriod(shared.period ?? { from: '2000-01-01', to: '2000-01-02' }), asOf: shared.asOf },
    pause: !shared.ready || !shared.period,
  });
  const [customers] = useQuery({
    query: LeaderCustomersQuery,
    variables: { leaderId: id, period: apiPeriod(shared.period ?? { from: '2000-01-01', to: '2000-01-02' }), asOf: shared.asOf },
    pause: !shared.ready || !shared.period,
  });
  return (
    <>
      <h1>{data?.employee ? nameWithTitle(data.employee) : id}</h1>
      <UrlPeriodPicker
        preset={shared.preset}
        reference={shared.reference}
        period={shared.period}
        asOfDay={shared.asOfDay}
        latestMonth={shared.latestMonth}
      />
      {!data ? (
        error ? (
          <ErrorState error={error} />
        ) : fetching || !shared.ready ? (
          <Loading />
        ) : null
      ) : (
        <div className="three-columns">
          {(['employees', 'fcs', 'customers'] as const).map((k) => {
            const c = k === 'customers' ? customers.data?.coverage : data[k];
            const hidden = k === 'customers' && isGroupTooSmall(customers.error);
            const pop = k === 'employees' ? 'EMPLOYEE' : k === 'fcs' ? 'FC' : 'CUSTOMER';
            return (
              <section key={k} aria-labelledby={`leader-${k}`}>
                <h2 id={`leader-${k}`}>
                  {t(`population.${pop}`)}{' '}
                  {c && (
                    <span className="count">
                      ({t('overview.reachedCol')} {c.reached} · {t('overview.touchesCol')} {c.touches})
                    </span>
                  )}
                </h2>
                {hidden ? (
                  <Empty>{t('leaders.tooSmall')}</Empty>
                ) : k === 'customers' && customers.error ? (
                  <ErrorState error={customers.error} />
                ) : !c || c.byChannel.length === 0 ? (
                  <Empty />
                ) : (
                  <table>
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
            );
          })}
        </div>
      )}
    </>
  );
};
