import { useState, type FormEvent } from 'react';
import { nameWithTitle } from '../names';
import { LeaderOptions } from '../components/LeaderOptions';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { InviteForm } from '../InviteForm';
import { useFirstLoaded } from '../useFirstLoaded';
import { schedulesCafeSessions, usePrincipal } from '../auth';
import { FollowUpList } from '../FollowUpList';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import {
  AnswerQuestionMutation,
  CafeQuestionRaisedSubscription,
  CafeSessionPageQuery,
  InviteMutation,
  LeadersQuery,
  RecordAttendanceMutation,
} from '../operations';
import { seoulDateTime } from '../time';

type Outcome = { error?: { graphQLErrors: { message: string }[]; message: string } };

/** Answer a question from the session page: the answer, who gives it, live or followed up. */
const AnswerForm = ({ sessionId, questionId, onDone }: { sessionId: string; questionId: string; onDone: (r: Outcome) => void }) => {
  const { t } = useTranslation();
  const [{ data: leaders }] = useQuery({ query: LeadersQuery });
  const [state, answer] = useMutation(AnswerQuestionMutation);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const r = await answer(
      {
        input: {
          sessionId,
          questionId,
          answer: String(f.get('answer') ?? '').trim(),
          answeredBy: String(f.get('by') ?? ''),
          mode: f.get('mode') === 'LIVE' ? 'LIVE' : 'FOLLOWED_UP',
        },
        commandId: crypto.randomUUID(),
      },
      { additionalTypenames: ['CafeSession', 'Question'] },
    );
    onDone(r);
  };
  return (
    <form className="answer" onSubmit={(e) => void submit(e)} aria-label={t('session.answer')}>
      <label>
        {t('session.answer')} <input name="answer" required minLength={2} />
      </label>
      <label>
        {t('session.by')}
        <select name="by" required defaultValue="CEO" key={leaders ? 'leaders' : 'loading'}>
          <LeaderOptions leaders={leaders} />
        </select>
      </label>
      <label>
        {t('session.mode')}
        <select name="mode" defaultValue="FOLLOWED_UP">
          <option value="FOLLOWED_UP">{t('session.followedUp')}</option>
          <option value="LIVE">{t('session.live')}</option>
        </select>
      </label>
      <button type="submit" disabled={state.fetching || !leaders}>
        {t('session.answer')}
      </button>
    </form>
  );
};

/** A café session: participants (invite, record attendance), questions. */
export const CafeSessionPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { role } = usePrincipal();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CafeSessionPageQuery, variables: { id } });
  const [inviting, invite] = useMutation(InviteMutation);
  const [attending, attend] = useMutation(RecordAttendanceMutation);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // New questions arrive over SSE; Graphcache then reads the session's questions again. The page
  // says which it loaded, so one raised between that load and the subscription still comes.
  const known = useFirstLoaded(
    id,
    data?.cafeSession?.questions.map((q) => q.id),
  );
  const [live] = useSubscription({
    query: CafeQuestionRaisedSubscription,
    variables: { sessionId: id, known },
    pause: !id || !known,
  });
  const latest = live.data?.cafeSessionQuestionRaised;
  const canRecord = schedulesCafeSessions(role);
  // Attendance is recorded once the session has started (the server refuses it before).
  const started = data?.cafeSession ? new Date(data.cafeSession.scheduledAt) <= new Date() : false;
  if (error) return <ErrorState error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const s = data.cafeSession;
  if (!s)
    return (
      <>
        <h1>{id}</h1>
        <Empty>{t('people.notFound')}</Empty>
      </>
    );
  const after = (r: Outcome, ok: string) => {
    if (r.error) setMessage({ kind: 'error', text: r.error.graphQLErrors.map((g) => g.message).join('; ') || r.error.message });
    else {
      setMessage({ kind: 'ok', text: ok });
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const inviteOne = async (employeeId: string) => {
    const r = await invite(
      { input: { sessionId: s.id, employeeId }, commandId: crypto.randomUUID() },
      { additionalTypenames: ['CafeSession'] },
    );
    after(r, t('session.invitedOne', { id: employeeId }));
    return !r.error;
  };
  const markAttended = async (employeeId: string) => {
    const r = await attend(
      { input: { sessionId: s.id, employeeId }, commandId: crypto.randomUUID() },
      { additionalTypenames: ['CafeSession', 'Coverage', 'Gaps'] },
    );
    after(r, t('session.attendedOne', { id: employeeId }));
  };
  return (
    <>
      <h1>
        {t('channels.cafeSessions')} · {seoulDateTime(s.scheduledAt)}
      </h1>
      <section aria-labelledby="session-facts">
        <h2 id="session-facts">{s.venue}</h2>
        <p>
          {s.hosts.map(nameWithTitle).join(', ')} · {t('guests.seats', { invited: s.invitedCount, capacity: s.capacity })} ·{' '}
          {t('session.attended', { count: s.attendedCount })}
          {s.status === 'CANCELLED' ? ` · ${t('channels.cancelled')}` : ''}
        </p>
        {canRecord && s.status !== 'CANCELLED' && <InviteForm busy={inviting.fetching} onInvite={inviteOne} />}
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
      </section>
      <section aria-labelledby="participants">
        <h2 id="participants">
          {t('session.participants')} <span className="count">({s.participants.length})</span>
        </h2>
        {s.participants.length === 0 ? (
          <Empty>{t('session.none')}</Empty>
        ) : (
          <ScrollX label={t('session.participants')}>
            <table data-testid="participants">
              <thead>
                <tr>
                  <th scope="col">{t('gaps.name')}</th>
                  <th scope="col">{t('gaps.grade')}</th>
                  <th scope="col">{t('gaps.team')}</th>
                  <th scope="col">{t('channels.status')}</th>
                  {canRecord && (
                    <th scope="col">
                      <span className="visually-hidden">{t('session.markAttended')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {s.participants.map((p) => (
                  <tr key={p.employeeId}>
                    <td>
                      <Link to={`/people/${encodeURIComponent(p.employeeId)}`}>{p.employee?.name ?? p.employeeId}</Link>
                    </td>
                    <td>{p.employee ? t(`grade.${p.employee.grade}`) : ''}</td>
                    <td>{p.employee?.orgUnit?.name ?? ''}</td>
                    <td>
                      {p.attended ? t('session.came') : p.invited ? t('session.invitedStatus') : ''}
                      {p.walkIn ? ` · ${t('session.walkIn')}` : ''}
                    </td>
                    {canRecord && (
                      <td>
                        {!p.attended && started && (
                          <button type="button" disabled={attending.fetching} onClick={() => void markAttended(p.employeeId)}>
                            {t('session.markAttended')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        )}
      </section>
      <section aria-labelledby="questions">
        <h2 id="questions">
          {t('board.raised')} <span className="count">({s.questions.length})</span>{' '}
          {!live.error && <span className="live-badge">{t('live.on')}</span>}
        </h2>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="live-question">
          {latest ? t('live.newQuestion', { text: latest.text }) : ''}
        </p>
        {s.questions.length === 0 ? (
          <Empty />
        ) : (
          <ul className="plain">
            {s.questions.map((q) => (
              <li key={q.id} data-testid="question">
                <strong>{q.topic}</strong> — {q.text}{' '}
                <span className="hint">
                  {q.answered ? t('session.answeredBy', { who: q.answeredBy?.name ?? '' }) : t('session.unanswered')}
                </span>
                {!q.answered && canRecord && (
                  <AnswerForm sessionId={s.id} questionId={q.id} onDone={(ok) => after(ok, t('session.answered'))} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <FollowUpList followUps={s.followUps} headingId="session-follow-ups" />
    </>
  );
};
