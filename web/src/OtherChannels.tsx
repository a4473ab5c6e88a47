import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ScrollX } from './components/ScrollX';
import { Empty, ErrorState, Loading } from './components/States';
import { EmailLettersQuery, TownHallsQuery } from './operations';
import type { Period } from './period';
import { seoulDateTime, seoulDay, startOfSeoulDay } from './time';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);

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

/** The CEO's e-mail letters sent in the period: sent, delivered, opened and the open rate. */
export const LetterPanel = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({
    query: EmailLettersQuery,
    variables: { from: startOfSeoulDay(period.from), to: startOfSeoulDay(period.to), asOf },
  });
  return (
    <section aria-labelledby="letters">
      <h2 id="letters">
        {t('other.letters')} {data && <span className="count">({data.emailLetters.totalCount})</span>}
      </h2>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : data.emailLetters.edges.length === 0 ? (
        <Empty />
      ) : (
        <ScrollX label={t('other.letters')}>
          <table data-testid="letters">
            <thead>
              <tr>
                <th scope="col">{t('other.sentOn')}</th>
                <th scope="col">{t('other.subject')}</th>
                <th scope="col" className="num">
                  {t('other.sent')}
                </th>
                <th scope="col" className="num">
                  {t('other.delivered')}
                </th>
                <th scope="col" className="num">
                  {t('other.opened')}
                </th>
                <th scope="col" className="num">
                  {t('other.openRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.emailLetters.edges.map(({ node: l }) => (
                <tr key={l.id}>
                  <td>{seoulDay(l.sentAt)}</td>
                  <td className="wrap">
                    {l.subject}
                    {l.author ? ` — ${l.author.name}` : ''}
                  </td>
                  <td className="num">{l.sent}</td>
                  <td className="num">{l.delivered}</td>
                  <td className="num">{l.opened}</td>
                  <td className="num">{pct(l.openRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </section>
  );
};
