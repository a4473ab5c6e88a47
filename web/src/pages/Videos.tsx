import { useTranslation } from 'react-i18next';
import { nameWithTitle } from '../names';
import { useQuery } from 'urql';
import { ChannelsNav } from '../components/ChannelsNav';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import { VideoAudienceQuery, VideoMessagesQuery } from '../operations';
import { plusDays, seoulDay, startOfSeoulDay } from '../time';
import { usePeriod } from '../usePeriod';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);

/** Video messages: views, who watched, how much of each view, and what share of its audience watched at all. */
export const VideosPage = () => {
  const { t } = useTranslation();
  const { asOf } = usePeriod();
  const [{ data, error, fetching }, refetch] = useQuery({ query: VideoMessagesQuery, variables: { asOf } });
  return (
    <>
      <h1>{t('videos.title')}</h1>
      <ChannelsNav />
      <section aria-labelledby="video-list">
        <h2 id="video-list">
          {t('videos.list')} {data && <span className="count">({data.videoMessages.length})</span>}
        </h2>
        <p className="hint">{t('videos.hint')}</p>
        {error ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !data ? (
          fetching && <Loading />
        ) : data.videoMessages.length === 0 ? (
          <Empty>{t('videos.none')}</Empty>
        ) : (
          <ScrollX label={t('videos.list')}>
            <table data-testid="videos">
              <thead>
                <tr>
                  <th scope="col">{t('other.published')}</th>
                  <th scope="col">{t('other.title')}</th>
                  <th scope="col">{t('videos.audience')}</th>
                  <th scope="col" className="num">
                    {t('other.views')}
                  </th>
                  <th scope="col" className="num">
                    {t('other.viewers')}
                  </th>
                  <th scope="col" className="num">
                    {t('videos.audienceShare')}
                  </th>
                  <th scope="col" className="num">
                    {t('other.watched')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.videoMessages.map((v) => (
                  <tr key={v.id}>
                    <td>{seoulDay(v.publishedAt)}</td>
                    <td className="wrap">
                      {v.title}
                      {v.author ? <div className="hint">{nameWithTitle(v.author)}</div> : null}
                    </td>
                    <td>{v.audience.map((a) => t(`videos.audiences.${a === 'FC' ? 'FC' : 'EMPLOYEE'}`)).join(', ')}</td>
                    <td className="num">{v.views}</td>
                    <td className="num">{v.distinctViewers}</td>
                    <AudienceShare publishedAt={v.publishedAt} audience={v.audience} viewers={v.distinctViewers} asOf={asOf} />
                    <td className="num">{pct(v.averageCompletion)}</td>
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

/** Distinct viewers / the people of its audience there on the day it was published. */
const AudienceShare = ({
  publishedAt,
  audience,
  viewers,
  asOf,
}: {
  publishedAt: string;
  audience: readonly string[];
  viewers: number;
  asOf: string | null;
}) => {
  const { t } = useTranslation();
  const day = seoulDay(publishedAt);
  const [{ data, error }] = useQuery({
    query: VideoAudienceQuery,
    variables: { period: { from: startOfSeoulDay(day), to: startOfSeoulDay(plusDays(day, 1)) }, asOf },
  });
  if (error) return <td className="num">—</td>;
  if (!data) return <td className="num">…</td>;
  const size = (audience.includes('EMPLOYEE') ? data.employees.population : 0) + (audience.includes('FC') ? data.fcs.population : 0);
  return (
    <td className="num" title={t('videos.ofAudience', { viewers, size })}>
      {size === 0 ? '—' : pct(viewers / size)}
    </td>
  );
};
