import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { seesCustomerNames, seesCustomers, usePrincipal } from '../auth';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import { Timeline } from '../components/Timeline';
import {
  BranchPageQuery,
  CustomerPageQuery,
  CustomerPersonalDataQuery,
  CustomerSearchQuery,
  DirectoryQuery,
  EmployeePageQuery,
  FcPageQuery,
  TeamPageQuery,
} from '../operations';
import { plusDays, seoulDay, startOfSeoulDay } from '../time';
import { usePeriod } from '../usePeriod';

/**
 * Search the directory: employees and FCs by name or by the start of their number, branches by
 * name, and — for the roles that may read customers' names — customers by name.
 */
export const DirectoryPage = () => {
  const { t } = useTranslation();
  const { role } = usePrincipal();
  const { asOf } = usePeriod();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const [{ data, error, fetching }] = useQuery({ query: DirectoryQuery, variables: { name: q.trim() || null, asOf } });
  const namesCustomers = seesCustomerNames(role);
  return (
    <>
      <h1>{t('people.title')}</h1>
      <section aria-labelledby="directory-search">
        <h2 id="directory-search" className="visually-hidden">
          {t('gaps.search')}
        </h2>
        <label>
          {t('people.searchLabel')}
          <input
            type="search"
            value={q}
            onChange={(e) =>
              setSearch(
                (prev) => {
                  const n = new URLSearchParams(prev);
                  if (e.target.value) n.set('q', e.target.value);
                  else n.delete('q');
                  return n;
                },
                { replace: true },
              )
            }
          />
        </label>
      </section>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : (
        <div className="three-columns">
          <section aria-labelledby="dir-employees">
            <h2 id="dir-employees">
              {t('population.EMPLOYEE')} <span className="count">({data.employees.totalCount})</span>
            </h2>
            {data.employees.edges.length === 0 ? (
              <Empty>{t('people.noMatch')}</Empty>
            ) : (
              <ul className="plain" data-testid="directory-employees">
                {data.employees.edges.map(({ node: e }) => (
                  <li key={e.id}>
                    <Link to={`/people/${encodeURIComponent(e.id)}`}>{e.name}</Link>{' '}
                    <span className="hint">
                      {t(`grade.${e.grade}`)} · {e.orgUnit?.name}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="dir-fcs">
            <h2 id="dir-fcs">
              {t('population.FC')} <span className="count">({data.fcs.totalCount})</span>
            </h2>
            {data.fcs.edges.length === 0 ? (
              <Empty>{t('people.noMatch')}</Empty>
            ) : (
              <ul className="plain">
                {data.fcs.edges.map(({ node: f }) => (
                  <li key={f.id}>
                    <Link to={`/fcs/${encodeURIComponent(f.id)}`}>{f.name}</Link> <span className="hint">{f.branch?.name}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {namesCustomers && q.trim() !== '' && <CustomerResults name={q.trim()} asOf={asOf} />}
          <section aria-labelledby="dir-branches">
            <h2 id="dir-branches">
              {t('population.BRANCH')} <span className="count">({data.branches.totalCount})</span>
            </h2>
            {data.branches.edges.length === 0 ? (
              <Empty>{t('people.noMatch')}</Empty>
            ) : (
              <ul className="plain">
                {data.branches.edges.map(({ node: b }) => (
                  <li key={b.id}>
                    <Link to={`/branches/${encodeURIComponent(b.id)}`}>{b.name}</Link>{' '}
                    <span className="hint">
                      {b.region} · {b.district}
                      {b.pride ? ' · PRIDE' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
};

/** Customers found by name (each one found is logged as a read of their name). */
const CustomerResults = ({ name, asOf }: { name: string; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: CustomerSearchQuery, variables: { name, asOf } });
  return (
    <section aria-labelledby="dir-customers">
      <h2 id="dir-customers">
        {t('population.CUSTOMER')} {data && <span className="count">({data.customerSearch.length})</span>}
      </h2>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        <Loading />
      ) : data.customerSearch.length === 0 ? (
        <Empty>{t('people.noMatch')}</Empty>
      ) : (
        <ul className="plain" data-testid="directory-customers">
          {data.customerSearch.map((c) => (
            <li key={c.id}>
              <Link to={`/customers/${encodeURIComponent(c.id)}`}>{c.personalData?.name ?? c.id}</Link>{' '}
              <span className="hint">
                {c.id} · {c.branch?.name}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const Facts = ({ items }: { items: [string, React.ReactNode][] }) => (
  <dl className="facts">
    {items.map(([k, v]) => (
      <div key={k}>
        <dt>{k}</dt>
        <dd>{v ?? '—'}</dd>
      </div>
    ))}
  </dl>
);

export const EmployeePage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf } = usePeriod();
  const [{ data, error, fetching }] = useQuery({ query: EmployeePageQuery, variables: { id, asOf } });
  const e = data?.employee;
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  if (!e)
    return (
      <>
        <h1>{id}</h1>
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  return (
    <>
      <h1>
        {e.name} <span className="count">{e.title ?? t(`grade.${e.grade}`)}</span>
      </h1>
      <section aria-labelledby="facts">
        <h2 id="facts">{t('people.facts')}</h2>
        <Facts
          items={[
            [t('gaps.id'), e.id],
            [t('gaps.grade'), t(`grade.${e.grade}`)],
            [t('gaps.team'), e.orgUnit ? <Link to={`/teams/${encodeURIComponent(e.orgUnit.id)}`}>{e.orgUnit.name}</Link> : null],
            [t('gaps.region'), e.region],
            [t('people.hired'), e.hiredOn],
            [t('gaps.lastTouch'), e.lastTouchedAt ? seoulDay(e.lastTouchedAt) : t('gaps.never')],
          ]}
        />
      </section>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('people.timeline')}</h2>
        <Timeline touches={e.timeline.edges.map((x) => x.node)} total={e.timeline.totalCount} />
      </section>
    </>
  );
};

export const FcPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf } = usePeriod();
  const [{ data, error, fetching }] = useQuery({ query: FcPageQuery, variables: { id, asOf } });
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const fc = data.fc;
  if (!fc)
    return (
      <>
        <h1>{id}</h1>
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  return (
    <>
      <h1>
        {fc.name} <span className="count">FC</span>
      </h1>
      <section aria-labelledby="facts">
        <h2 id="facts">{t('people.facts')}</h2>
        <Facts
          items={[
            [t('gaps.id'), fc.id],
            [t('gaps.branch'), fc.branch ? <Link to={`/branches/${encodeURIComponent(fc.branch.id)}`}>{fc.branch.name}</Link> : null],
            [t('gaps.region'), fc.branch?.region],
            [t('people.hired'), fc.hiredOn],
            ...(fc.leftOn ? ([[t('people.left'), fc.leftOn]] as [string, React.ReactNode][]) : []),
          ]}
        />
      </section>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('people.timeline')}</h2>
        <Timeline touches={fc.timeline.edges.map((x) => x.node)} total={fc.timeline.totalCount} />
      </section>
    </>
  );
};

export const BranchPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf } = usePeriod();
  const [{ data, error, fetching }] = useQuery({ query: BranchPageQuery, variables: { id, asOf } });
  const b = data?.branch;
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  if (!b)
    return (
      <>
        <h1>{id}</h1>
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  return (
    <>
      <h1>
        {b.name} {b.pride && <span className="badge">PRIDE</span>}
      </h1>
      <section aria-labelledby="facts">
        <h2 id="facts">{t('people.facts')}</h2>
        <Facts
          items={[
            [t('gaps.id'), b.id],
            [t('gaps.region'), b.region],
            [t('gaps.district'), b.district],
            [t('people.prideSince'), b.prideSince],
            [t('population.FC'), b.fcs.length],
          ]}
        />
      </section>
      <div className="two-columns">
        <section aria-labelledby="visits">
          <h2 id="visits">{t('people.visits')}</h2>
          {b.visits.length === 0 ? (
            <Empty>{t('people.noVisits')}</Empty>
          ) : (
            <ul className="plain">
              {b.visits.map((v) => (
                <li key={v.id}>
                  {seoulDay(v.visitedAt)} · {v.leaders.map((l) => l.name).join(', ')} · {v.purpose}
                  {v.gift ? ` (${v.gift})` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="fcs">
          <h2 id="fcs">{t('population.FC')}</h2>
          {b.fcs.length === 0 ? (
            <Empty />
          ) : (
            <ul className="plain columns">
              {b.fcs.map((f) => (
                <li key={f.id}>
                  <Link to={`/fcs/${encodeURIComponent(f.id)}`}>{f.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('people.timeline')}</h2>
        <Timeline touches={b.timeline.edges.map((x) => x.node)} total={b.timeline.totalCount} />
      </section>
    </>
  );
};

export const CustomerPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { role } = usePrincipal();
  const { asOf } = usePeriod();
  const allowed = seesCustomers(role);
  const [{ data, error, fetching }] = useQuery({ query: CustomerPageQuery, variables: { id, asOf }, pause: !allowed });
  const [personal] = useQuery({ query: CustomerPersonalDataQuery, variables: { id }, pause: !seesCustomerNames(role) });
  if (!allowed)
    return (
      <>
        <h1>{t('population.CUSTOMER')}</h1>
        <Empty>{t('people.customersHidden')}</Empty>
      </>
    );
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const c = data.customer;
  if (!c)
    return (
      <>
        <h1>{id}</h1>
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  const pd = personal.data?.customer?.personalData;
  return (
    <>
      <h1>
        {pd?.name ?? c.id} <span className="count">{t('population.CUSTOMER')}</span>
      </h1>
      <section aria-labelledby="facts">
        <h2 id="facts">{t('people.facts')}</h2>
        <Facts
          items={[
            [t('gaps.id'), c.id],
            [t('gaps.branch'), c.branch ? <Link to={`/branches/${encodeURIComponent(c.branch.id)}`}>{c.branch.name}</Link> : null],
            [t('people.registered'), c.registeredOn],
            ...(seesCustomerNames(role)
              ? ([
                  [t('people.phone'), pd?.phone],
                  [t('people.address'), pd?.address],
                ] as [string, React.ReactNode][])
              : []),
          ]}
        />
        {!seesCustomerNames(role) && <p className="hint">{t('gaps.customerHidden')}</p>}
      </section>
      <section aria-labelledby="contracts">
        <h2 id="contracts">{t('people.contracts')}</h2>
        {c.contracts.length === 0 ? (
          <Empty />
        ) : (
          <ul className="plain">
            {c.contracts.map((k) => (
              <li key={k.id}>
                {k.signedOn} · {k.product} · FC {k.fc ? <Link to={`/fcs/${encodeURIComponent(k.fc.id)}`}>{k.fc.name}</Link> : '—'}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('people.timeline')}</h2>
        <Timeline touches={c.timeline.edges.map((x) => x.node)} total={c.timeline.totalCount} />
      </section>
    </>
  );
};

export const TeamPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf, period } = usePeriod();
  const p = period ?? { from: '2000-01-01', to: plusDays(seoulDay(new Date()), 1) };
  const [{ data, error, fetching }] = useQuery({
    query: TeamPageQuery,
    variables: { id, asOf, period: { from: startOfSeoulDay(p.from), to: startOfSeoulDay(p.to) } },
  });
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const unit = data.orgUnits.find((u) => u.id === id);
  const reach = data.cafeSessionReachByOrgUnit.find((r) => r.orgUnitId === id);
  const children = data.orgUnits.filter((u) => u.parent?.id === id);
  if (!unit)
    return (
      <>
        <h1>{id}</h1>
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  return (
    <>
      <h1>{unit.name}</h1>
      <section aria-labelledby="facts">
        <h2 id="facts">
          {t('channels.reach')} ({p.from} ~ {plusDays(p.to, -1)})
        </h2>
        {reach ? (
          <Facts
            items={[
              [t('channels.people'), reach.population],
              [t('channels.eligible'), reach.eligiblePopulation],
              [t('channels.metCol'), reach.reached],
              [t('channels.eligibleReach'), `${(reach.eligibleReachRate * 100).toFixed(0)}%`],
            ]}
          />
        ) : (
          <Empty />
        )}
        {children.length > 0 && (
          <p>
            {children.map((c, i) => (
              <span key={c.id}>
                {i > 0 && ' · '}
                <Link to={`/teams/${encodeURIComponent(c.id)}`}>{c.name}</Link>
              </span>
            ))}
          </p>
        )}
      </section>
      <section aria-labelledby="members">
        <h2 id="members">
          {t('people.members')} <span className="count">({data.employees.totalCount})</span>
        </h2>
        {data.employees.edges.length === 0 ? (
          <Empty>{t('people.noMatch')}</Empty>
        ) : (
          <ScrollX label={t('people.members')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('gaps.name')}</th>
                  <th scope="col">{t('gaps.grade')}</th>
                  <th scope="col">{t('gaps.lastTouch')}</th>
                </tr>
              </thead>
              <tbody>
                {data.employees.edges.map(({ node: e }) => (
                  <tr key={e.id} className={e.lastTouchedAt ? '' : 'gap'}>
                    <td>
                      <Link to={`/people/${encodeURIComponent(e.id)}`}>{e.name}</Link>
                    </td>
                    <td>{t(`grade.${e.grade}`)}</td>
                    <td>{e.lastTouchedAt ? seoulDay(e.lastTouchedAt) : t('gaps.never')}</td>
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
