import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { schedulesCafeSessions, usePrincipal } from '../auth';
import { ScrollX } from '../components/ScrollX';
import { Empty, ErrorState, Loading } from '../components/States';
import { BranchVisitListQuery, InviteMutation, NextCafeGuestsQuery, NextSessionQuery } from '../operations';
import { seoulDateTime, seoulDay, todayInSeoul } from '../time';

/** Minutes matter not: one "now" per page view keeps the queries' variables stable. */
const useNow = () => useState(() => new Date().toISOString())[0];

/**
 * Next café guests: for the next session, eligible employees never met at one, the teams with
 * the lowest reach first and spread across divisions, each with the reason; invited in one click.
 * And the branches left unvisited longest.
 */
export const GuestsPage = () => {
  const { t } = useTranslation();
  const { role } = usePrincipal();
  const now = useNow();
  const [sessions] = useQuery({ query: NextSessionQuery, variables: { from: now } });
  // The next session with a free seat: once one is full, the guests go to the one after it.
  const next = useMemo(() => {
    const upcoming = [...(sessions.data?.cafeSessions.edges ?? [])]
      .map((e) => e.node)
      .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
    return upcoming.find((s) => s.invitedCount < s.capacity) ?? upcoming[0];
  }, [sessions.data]);
  // The gateway picks the guests (nextCafeGuests): the next session's free seats, or ten without one.
  const [cand] = useQuery({ query: NextCafeGuestsQuery, variables: next ? { sessionId: next.id } : { count: 10 }, pause: !sessions.data });
  const suggestions = useMemo(
    () =>
      (cand.data?.nextCafeGuests.guests ?? []).flatMap((g) =>
        g.employee
          ? [
              {
                id: g.employeeId,
                name: g.employee.name,
                grade: g.employee.grade,
                unitName: g.team.name,
                division: g.divisionName,
                team: g.team,
              },
            ]
          : [],
      ),
    [cand.data],
  );
  const [inviting, invite] = useMutation(InviteMutation);
  const [outcome, setOutcome] = useState<{ ok: number; errors: string[] } | null>(null);
  const inviteAll = async () => {
    if (!next) return;
    let ok = 0;
    const errors: string[] = [];
    // One after another: each invitation is its own command, and a refusal names its person.
    for (const s of suggestions) {
      const r = await invite(
        { input: { sessionId: next.id, employeeId: s.id }, commandId: crypto.randomUUID() },
        { additionalTypenames: ['CafeSession', 'NextCafeGuests'] },
      );
      if (r.error) errors.push(`${s.name}: ${r.error.graphQLErrors.map((g) => g.message).join('; ') || r.error.message}`);
      else ok++;
    }
    setOutcome({ ok, errors });
  };
  const canInvite = schedulesCafeSessions(role);
  return (
    <>
      <h1>{t('guests.title')}</h1>
      <section aria-labelledby="next-session">
        <h2 id="next-session">{t('guests.nextSession')}</h2>
        {sessions.error ? (
          <ErrorState error={sessions.error} />
        ) : !sessions.data ? (
          <Loading />
        ) : !next ? (
          <Empty>{t('guests.noSession')}</Empty>
        ) : (
          <p data-testid="next-session">
            <strong>{seoulDateTime(next.scheduledAt)}</strong> · {next.venue} · {next.hosts.map((h) => h.name).join(', ')} ·{' '}
            {t('guests.seats', { invited: next.invitedCount, capacity: next.capacity })}
          </p>
        )}
      </section>
      <section aria-labelledby="suggested">
        <h2 id="suggested">
          {t('guests.suggested')} <span className="count">({suggestions.length})</span>
        </h2>
        <p className="hint">{t('guests.rule')}</p>
        {cand.error ? (
          <ErrorState error={cand.error} />
        ) : !cand.data ? (
          <Loading />
        ) : suggestions.length === 0 ? (
          <Empty>{t('guests.nobody')}</Empty>
        ) : (
          <>
            <ScrollX label={t('guests.suggested')}>
              <table data-testid="guests">
                <thead>
                  <tr>
                    <th scope="col">{t('gaps.name')}</th>
                    <th scope="col">{t('gaps.grade')}</th>
                    <th scope="col">{t('gaps.team')}</th>
                    <th scope="col">{t('guests.division')}</th>
                    <th scope="col">{t('guests.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {suggestions.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/people/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                      </td>
                      <td>{t(`grade.${s.grade}`)}</td>
                      <td>{s.unitName}</td>
                      <td>{s.division}</td>
                      <td className="wrap">
                        {t('guests.because', {
                          team: s.unitName,
                          rate: `${Math.round(s.team.eligibleReachRate * 100)}%`,
                          reached: s.team.reached,
                          eligible: s.team.eligiblePopulation,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollX>
            {canInvite && next && (
              <p>
                <button type="button" onClick={() => void inviteAll()} disabled={inviting.fetching || suggestions.length === 0}>
                  {inviting.fetching ? t('guests.inviting') : t('guests.invite', { count: suggestions.length })}
                </button>
              </p>
            )}
          </>
        )}
        {outcome && (
          <div role={outcome.errors.length ? 'alert' : 'status'}>
            <p className={outcome.errors.length ? 'error' : 'ok'}>{t('guests.invited', { count: outcome.ok })}</p>
            {outcome.errors.length > 0 && (
              <ul>
                {outcome.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
      <BranchVisitList />
    </>
  );
};

/** The branches left unvisited longest: the gateway sorts them (branches by LAST_VISITED_AT). */
const BranchVisitList = () => {
  const { t } = useTranslation();
  const [visits] = useQuery({ query: BranchVisitListQuery });
  const list = visits.data?.branches.edges.map((e) => e.node) ?? [];
  const today = todayInSeoul();
  return (
    <section aria-labelledby="visit-list">
      <h2 id="visit-list">{t('guests.branches')}</h2>
      {visits.error ? (
        <ErrorState error={visits.error} />
      ) : !visits.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty />
      ) : (
        <ScrollX label={t('guests.branches')}>
          <table data-testid="visit-list">
            <thead>
              <tr>
                <th scope="col">{t('gaps.branch')}</th>
                <th scope="col">{t('gaps.region')}</th>
                <th scope="col">{t('gaps.district')}</th>
                <th scope="col">{t('guests.lastVisit')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`/branches/${encodeURIComponent(b.id)}`}>{b.name}</Link>
                  </td>
                  <td>{b.region}</td>
                  <td>{b.district}</td>
                  <td>{b.lastVisitedAt ? seoulDay(b.lastVisitedAt) : t('guests.neverVisited')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
      <p className="hint">{t('guests.asOfToday', { today })}</p>
    </section>
  );
};
