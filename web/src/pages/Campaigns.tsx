import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ChannelsNav } from '../components/ChannelsNav';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import { CampaignsQuery } from '../operations';
import { carriedSearch, usePeriod } from '../usePeriod';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Branch-visit campaigns: how far each has got, most to do first among the open ones. */
export const CampaignsPage = () => {
  const { t } = useTranslation();
  const { asOf } = usePeriod();
  const [search] = useSearchParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CampaignsQuery, variables: { asOf } });
  const carried = carriedSearch(search);
  return (
    <>
      <h1>{t('campaigns.title')}</h1>
      <ChannelsNav />
      <section aria-labelledby="campaign-list">
        <h2 id="campaign-list">
          {t('campaigns.list')} {data && <span className="count">({data.campaigns.length})</span>}
        </h2>
        {error ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !data ? (
          fetching && <Loading />
        ) : data.campaigns.length === 0 ? (
          <Empty>{t('campaigns.none')}</Empty>
        ) : (
          <ScrollX label={t('campaigns.list')}>
            <table data-testid="campaigns">
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.name')}</th>
                  <th scope="col">{t('campaigns.deadline')}</th>
                  <th scope="col">{t('campaigns.progress')}</th>
                  <th scope="col" className="num">
                    {t('campaigns.unvisited')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...data.campaigns]
                  .sort((a, b) => Number(a.complete) - Number(b.complete) || a.deadline.localeCompare(b.deadline))
                  .map((c) => (
                    <tr key={c.id}>
                      <td className="wrap">
                        <Link to={`/channels/campaigns/${encodeURIComponent(c.id)}${carried}`}>{c.name}</Link>
                        <div className="hint">{c.purpose}</div>
                      </td>
                      <td>{c.deadline}</td>
                      <td>
                        <div className="progress">
                          <progress max={1} value={c.progress} aria-label={c.name} />{' '}
                          {t('other.visited', { visited: c.visitedCount, target: c.targetCount, pct: pct(c.progress) })}
                        </div>
                      </td>
                      <td className="num">{c.complete ? t('campaigns.complete') : c.remaining.length}</td>
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

/** One campaign: its progress and the branches still to visit, grouped by district (구). */
export const CampaignPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf } = usePeriod();
  const [search] = useSearchParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CampaignsQuery, variables: { asOf } });
  const back = (
    <p>
      <Link to={`/channels/campaigns${carriedSearch(search)}`}>← {t('campaigns.title')}</Link>
    </p>
  );
  if (error) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading /> : null;
  const c = data.campaigns.find((x) => x.id === id);
  if (!c)
    return (
      <>
        <h1>{id}</h1>
        {back}
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  const byDistrict = new Map<string, { id: string; name: string }[]>();
  for (const b of c.remaining) byDistrict.set(b.district, [...(byDistrict.get(b.district) ?? []), b]);
  const districts = [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <h1>{c.name}</h1>
      <ChannelsNav />
      {back}
      <section aria-labelledby="campaign-progress">
        <h2 id="campaign-progress">{t('campaigns.progress')}</h2>
        <p>
          {c.purpose} · {t('other.deadline', { day: c.deadline })}
        </p>
        <div className="progress">
          <progress max={1} value={c.progress} aria-label={c.name} />{' '}
          {t('other.visited', { visited: c.visitedCount, target: c.targetCount, pct: pct(c.progress) })}
        </div>
      </section>
      <section aria-labelledby="campaign-unvisited">
        <h2 id="campaign-unvisited">
          {t('campaigns.unvisitedByDistrict')} <span className="count">({c.remaining.length})</span>
        </h2>
        {districts.length === 0 ? (
          <Empty>{t('campaigns.allVisited')}</Empty>
        ) : (
          <ul className="plain districts" data-testid="unvisited-districts">
            {districts.map(([district, branches]) => (
              <li key={district}>
                <h3>
                  {district} <span className="count">({branches.length})</span>
                </h3>
                <ul className="branch-list">
                  {branches
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((b) => (
                      <li key={b.id}>
                        <Link to={`/branches/${encodeURIComponent(b.id)}`}>{b.name}</Link>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};
