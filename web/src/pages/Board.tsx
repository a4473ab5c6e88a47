import { useState } from 'react';
import { nameWithTitle } from '../names';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { schedulesCafeSessions, usePrincipal } from '../auth';
import { UrlPeriodPicker } from '../components/PeriodPicker';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import { AnswerQuestionForm, AssignFollowUpForm, type BoardQuestion } from '../BoardForms';
import { BoardOpenQuestionsQuery, BoardQuery, CompleteFollowUpMutation, CompleteTownHallFollowUpMutation } from '../operations';
import { seoulDay, startOfSeoulDay, todayInSeoul } from '../time';
import { usePeriod } from '../usePeriod';

/** The page of the café session or town hall a question was raised or a follow-up promised at. */
const gatheringPath = (g: { channel: string; id: string }) =>
  `/channels/${g.channel === 'TOWN_HALL' ? 'town-halls' : 'cafe'}/${encodeURIComponent(g.id)}`;

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const hours = (h: number | null | undefined) => (h === null || h === undefined ? '—' : h.toFixed(0));

const QUESTIONS_PAGE = 20;
const keyOf = (q: BoardQuestion) => `${q.gathering.channel}/${q.gathering.id}/${q.id}`;

/**
 * The questions nobody has answered yet, oldest first, a page at a time; a recording role answers
 * one or promises a follow-up for it right here (one form open at a time).
 */
const OpenQuestions = ({ at, canRecord, onRecorded }: { at: string | null; canRecord: boolean; onRecorded: (message: string) => void }) => {
  const { t } = useTranslation();
  // The cursors of the pages before this one: "previous" pops, "next" pushes.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: BoardOpenQuestionsQuery,
    variables: { at, asOf: at, first: QUESTIONS_PAGE, after },
  });
  const [editing, setEditing] = useState<{ key: string; kind: 'answer' | 'assign' } | null>(null);
  const toggle = (key: string, kind: 'answer' | 'assign') => setEditing((e) => (e?.key === key && e.kind === kind ? null : { key, kind }));
  const recorded = (message: string) => {
    setEditing(null);
    onRecorded(message);
    refetch({ requestPolicy: 'network-only' });
  };
  const list = data?.openQuestions;
  const from = cursors.length * QUESTIONS_PAGE + 1;
  return (
    <section aria-labelledby="open-questions">
      <h2 id="open-questions">
        {t('board.questions')} {list && <span className="count">({list.totalCount})</span>}
      </h2>
      {/* Recording happens now: a board as of a past day only shows. */}
      {at && <p className="hint">{t('board.pastView')}</p>}
      {error ? (
        <ErrorState error={error} />
      ) : !list ? (
        fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          {list.edges.length === 0 ? (
            <Empty>{t('board.noQuestions')}</Empty>
          ) : (
            <ul className="plain board-questions" data-testid="open-questions">
              {list.edges.map(({ node: q }) => {
                const key = keyOf(q);
                const open = editing?.key === key ? editing.kind : null;
                return (
                  <li key={key} data-testid="open-question">
                    <p className="question-meta">
                      <Link to={gatheringPath(q.gathering)}>
                        {t(`channel.${q.gathering.channel}`)} · {seoulDay(q.raisedAt)}
                      </Link>{' '}
                      · <span>{q.askedBy ? t('board.askedBy', { who: q.askedBy.name }) : t('board.anonymous')}</span> ·{' '}
                      <span>{t('board.ageDays', { count: q.ageDays })}</span>
                    </p>
                    <p className="question-text">
                      <strong>{q.topic}</strong> — {q.text}
                    </p>
                    {canRecord && !at && (
                      <div className="question-actions">
                        <button type="button" className="secondary" aria-expanded={open === 'answer'} onClick={() => toggle(key, 'answer')}>
                          {open === 'answer' ? t('board.close') : t('board.answer')}
                        </button>
                        <button type="button" className="secondary" aria-expanded={open === 'assign'} onClick={() => toggle(key, 'assign')}>
                          {open === 'assign' ? t('board.close') : t('board.assign')}
                        </button>
                      </div>
                    )}
                    {open === 'answer' && <AnswerQuestionForm question={q} onDone={recorded} />}
                    {open === 'assign' && <AssignFollowUpForm question={q} onDone={recorded} />}
                  </li>
                );
              })}
            </ul>
          )}
          {(cursors.length > 0 || list.pageInfo.hasNextPage) && (
            <nav className="pager" aria-label={t('board.questions')}>
              {list.edges.length > 0 && (
                <span className="hint">{t('board.page', { from, to: from + list.edges.length - 1, total: list.totalCount })}</span>
              )}
              <button type="button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('board.previous')}
              </button>
              <button
                type="button"
                disabled={!list.pageInfo.hasNextPage}
                onClick={() => list.pageInfo.endCursor && setCursors((c) => [...c, list.pageInfo.endCursor!])}
              >
                {t('board.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
};

/** Two-way: questions raised and answered, and the follow-ups still open, with owner, due day and age. */
export const BoardPage = () => {
  const { t } = useTranslation();
  const { role } = usePrincipal();
  const shared = usePeriod();
  const period = shared.period ?? { from: '2000-01-01', to: '2000-01-02' };
  const [{ data, error, fetching }, refetch] = useQuery({
    query: BoardQuery,
    variables: { period: { from: startOfSeoulDay(period.from), to: startOfSeoulDay(period.to) }, asOf: shared.asOf, at: shared.asOf },
    pause: !shared.ready || !shared.period,
  });
  const [completingCafe, completeCafe] = useMutation(CompleteFollowUpMutation);
  const [completingTownHall, completeTownHall] = useMutation(CompleteTownHallFollowUpMutation);
  const completing = completingCafe.fetching || completingTownHall.fetching;
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const done = async (f: { id: string; gathering: { channel: string; id: string }; description: string }) => {
    const completion = { followUpId: f.id, completedOn: todayInSeoul() };
    const commandId = crypto.randomUUID();
    const r =
      f.gathering.channel === 'TOWN_HALL'
        ? await completeTownHall({ input: { ...completion, townHallId: f.gathering.id }, commandId })
        : await completeCafe({ input: { ...completion, sessionId: f.gathering.id }, commandId });
    if (r.error) setMessage({ kind: 'error', text: r.error.graphQLErrors.map((g) => g.message).join('; ') || r.error.message });
    else {
      setMessage({ kind: 'ok', text: t('board.completed', { what: f.description }) });
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const q = data?.twoWay.questions;
  return (
    <>
      <h1>{t('board.title')}</h1>
      <UrlPeriodPicker
        preset={shared.preset}
        reference={shared.reference}
        period={shared.period}
        asOfDay={shared.asOfDay}
        latestMonth={shared.latestMonth}
      />
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching || !shared.ready ? (
          <Loading />
        ) : null
      ) : (
        <>
          <div className="cards">
            <section className="card" aria-labelledby="q-raised">
              <h2 id="q-raised">{t('board.raised')}</h2>
              <p className="big">{q!.raised}</p>
            </section>
            <section className="card" aria-labelledby="q-answered">
              <h2 id="q-answered">{t('board.answered')}</h2>
              <p className="big">{pct(q!.answeredRate)}</p>
              <p>
                {q!.answered} / {q!.raised}
              </p>
            </section>
            <section className="card" aria-labelledby="q-hours">
              <h2 id="q-hours">{t('board.hours')}</h2>
              <p className="big">{hours(q!.averageHoursToAnswer)}</p>
            </section>
          </div>
          {message && (
            <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
              {message.text}
            </p>
          )}
          <OpenQuestions
            // Another moment is another list: its pages and open form start afresh.
            key={shared.asOf ?? 'now'}
            at={shared.asOf}
            canRecord={schedulesCafeSessions(role)}
            onRecorded={(text) => {
              setMessage({ kind: 'ok', text });
              refetch({ requestPolicy: 'network-only' });
            }}
          />
          <section aria-labelledby="followups">
            <h2 id="followups">
              {t('board.open')} <span className="count">({data.openFollowUps.length})</span>
            </h2>
            {data.openFollowUps.length === 0 ? (
              <Empty>{t('board.none')}</Empty>
            ) : (
              <ScrollX label={t('board.open')}>
                <table data-testid="follow-ups">
                  <thead>
                    <tr>
                      <th scope="col">{t('board.what')}</th>
                      <th scope="col">{t('board.owner')}</th>
                      <th scope="col">{t('board.due')}</th>
                      <th scope="col" className="num">
                        {t('board.age')}
                      </th>
                      {schedulesCafeSessions(role) && (
                        <th scope="col">
                          <span className="visually-hidden">{t('board.complete')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {data.openFollowUps.map((f) => (
                      <tr key={`${f.gathering.channel}/${f.gathering.id}/${f.id}`} className={f.overdue ? 'gap' : ''}>
                        <td className="wrap">
                          <Link to={gatheringPath(f.gathering)}>{f.description}</Link>
                        </td>
                        <td>{f.owner ? nameWithTitle(f.owner) : '—'}</td>
                        <td>
                          {f.dueOn}
                          {f.overdue ? ` · ${t('board.overdue')}` : ''}
                        </td>
                        <td className="num">{f.ageDays}</td>
                        {schedulesCafeSessions(role) && (
                          <td>
                            <button type="button" disabled={completing} onClick={() => void done(f)}>
                              {t('board.complete')}
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollX>
            )}
          </section>
          <div className="two-columns">
            <section aria-labelledby="q-channel">
              <h2 id="q-channel">{t('overview.byChannel')}</h2>
              {data.twoWay.byChannel.length === 0 ? (
                <Empty />
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('overview.channelCol')}</th>
                      <th scope="col" className="num">
                        {t('board.raised')}
                      </th>
                      <th scope="col" className="num">
                        {t('board.answered')}
                      </th>
                      <th scope="col" className="num">
                        {t('board.hours')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.twoWay.byChannel.map((c) => (
                      <tr key={c.channel}>
                        <td>{t(`channel.${c.channel}`)}</td>
                        <td className="num">{c.figures.raised}</td>
                        <td className="num">{c.figures.answered}</td>
                        <td className="num">{hours(c.figures.averageHoursToAnswer)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-labelledby="q-leader">
              <h2 id="q-leader">{t('board.byLeader')}</h2>
              {data.twoWay.byAnsweringLeader.length === 0 ? (
                <Empty />
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('overview.leaderCol')}</th>
                      <th scope="col" className="num">
                        {t('board.answered')}
                      </th>
                      <th scope="col" className="num">
                        {t('board.hours')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.twoWay.byAnsweringLeader.map((a) => (
                      <tr key={a.leader?.id ?? '-'}>
                        <td>{a.leader ? nameWithTitle(a.leader) : '—'}</td>
                        <td className="num">{a.answered}</td>
                        <td className="num">{hours(a.averageHoursToAnswer)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
};
