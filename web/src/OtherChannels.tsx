import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ScrollX } from './components/ScrollX';
import { Empty, ErrorState, Loading } from './components/States';
import { TownHallsQuery } from './operations';
import type { Period } from './period';
import { seoulDateTime, startOfSeoulDay } from './time';

/** Town halls in the period: format, presenters, who came (per person or by head count), feedback. */
export const TownHallPanel = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({
    query: TownHallsQuery,
    variables: { from: startOfSeoulDay(period.from), to: startOfSeoulDay(period.to), asOf },
  });
  return (
    <section aria-labelledby="town-halls">
      <h2 id="town-halls">
        {t('other.townHalls')} {data && <span className="count">({data.townHalls.totalCount})</span>}
      </h2>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : data.townHalls.edges.length === 0 ? (
        <Empty />
      ) : (
        <ScrollX label={t('other.townHalls')}>
          <table data-testid="town-halls">
            <thead>
              <tr>
                <th scope="col">{t('channels.when')}</th>
                <th scope="col">{t('other.theme')}</th>
                <th scope="col">{t('other.format')}</th>
                <th scope="col">{t('other.presenters')}</th>
                <th scope="col" className="num">
                  {t('other.attended')}
                </th>
                <th scope="col" className="num">
                  {t('other.rating')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.townHalls.edges.map(({ node: h }) => (
                <tr key={h.id} className={h.status === 'CANCELLED' ? 'cancelled' : ''}>
                  <td>
                    <Link to={`/channels/town-halls/${encodeURIComponent(h.id)}`}>{seoulDateTime(h.scheduledAt)}</Link>
                  </td>
                  <td className="wrap">{h.theme}</td>
                  <td>{t(`other.formats.${h.format}`)}</td>
                  <td>{h.presenters.map((p) => p.name).join(', ')}</td>
                  <td className="num">{Math.max(h.attendedCount, h.headCount)}</td>
                  <td className="num">{h.averageRating === null || h.averageRating === undefined ? '—' : h.averageRating.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </section>
  );
};
