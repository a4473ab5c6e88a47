import { useTranslation } from 'react-i18next';
import { nameWithTitle } from '../names';
import { Link, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { useFirstLoaded } from '../useFirstLoaded';
import { FollowUpList } from '../FollowUpList';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import { TownHallPageQuery, TownHallQuestionRaisedSubscription } from '../operations';
import { seoulDateTime } from '../time';

/** One town hall: presenters, who came (by name and per org unit), and its questions — new ones live. */
export const TownHallPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: TownHallPageQuery, variables: { id } });
  // New questions arrive over SSE; Graphcache then reads the town hall's questions again. The page
  // says which it loaded, so one raised between that load and the subscription still comes.
  const known = useFirstLoaded(
    id,
    data?.townHall?.questions.map((q) => q.id),
  );
  const [live] = useSubscription({
    query: TownHallQuestionRaisedSubscription,
    variables: { townHallId: id, known },
    pause: !id || !known,
  });
  const latest = live.data?.townHallQuestionRaised;
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const h = data.townHall;
  if (!h)
    return (
      <>
        <h1>{id}</h1>
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  return (
    <>
      <h1>
        {t('townHall.page')} · {seoulDateTime(h.scheduledAt)}
      </h1>
      <section aria-labelledby="town-hall-facts">
        <h2 id="town-hall-facts">{h.theme}</h2>
        <p>
          {t(`other.formats.${h.format}`)} · {h.venue} · {h.presenters.map(nameWithTitle).join(', ')}
          {h.status === 'CANCELLED' ? ` · ${t('channels.cancelled')}` : ''}
        </p>
        <p>
          {t('townHall.byNameTotal', { count: h.attendedCount })} · {t('townHall.headCountTotal', { count: h.headCount })} ·{' '}
          {t('townHall.feedback', { count: h.feedbackCount })}
          {h.averageRating != null ? ` · ${t('other.rating')} ${h.averageRating.toFixed(1)}` : ''}
        </p>
        {h.headCounts.length > 0 && (
          <ScrollX label={t('townHall.headCounts')}>
            <table data-testid="head-counts">
              <thead>
                <tr>
                  <th scope="col">{t('channels.orgUnit')}</th>
                  <th scope="col" className="num">
                    {t('townHall.headCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {h.headCounts.map((c, i) => (
                  <tr key={c.orgUnit?.id ?? i}>
                    <td>{c.orgUnit?.name ?? '—'}</td>
                    <td className="num">{c.headCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        )}
        {h.attendees.length > 0 && (
          <details>
            <summary>{t('townHall.attendeeList', { count: h.attendees.length })}</summary>
            <ScrollX label={t('townHall.attendeesTable')}>
              <table data-testid="town-hall-attendees">
                <thead>
                  <tr>
                    <th scope="col">{t('gaps.name')}</th>
                    <th scope="col">{t('gaps.grade')}</th>
                    <th scope="col">{t('channels.orgUnit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.attendees.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/people/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                      </td>
                      <td>{t(`grade.${a.grade}`)}</td>
                      <td>{a.orgUnit?.name ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollX>
          </details>
        )}
      </section>
      <section aria-labelledby="town-hall-questions">
        <h2 id="town-hall-questions">
          {t('townHall.questions')} <span className="count">({h.questions.length})</span>{' '}
          {!live.error && <span className="live-badge">{t('live.on')}</span>}
        </h2>
        <p className="hint">{t('townHall.live')}</p>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="live-question">
          {latest ? t('live.newQuestion', { text: latest.text }) : ''}
        </p>
        {h.questions.length === 0 ? (
          <Empty />
        ) : (
          <ul className="plain">
            {h.questions.map((q) => (
              <li key={q.id} data-testid="question">
                <strong>{q.topic}</strong> — {q.text}{' '}
                <span className="hint">
                  {q.anonymous ? t('townHall.anonymous') : (q.askedBy?.name ?? '')} ·{' '}
                  {q.answer ? t('townHall.answeredBy', { who: q.answeredBy?.name ?? '' }) : t('townHall.unanswered')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FollowUpList followUps={h.followUps} headingId="town-hall-follow-ups" />
    </>
  );
};
