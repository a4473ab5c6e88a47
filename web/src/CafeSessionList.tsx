import { useState } from 'react';
import { useQuery } from 'urql';
import { CafeSessionsQuery, type CafeSessionsData, type SessionNode } from './operations';

const PAGE = 15;
const when = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });

const Page = ({ after, isLast, onMore }: { after: string | null; isLast: boolean; onMore: (cursor: string) => void }) => {
  const [{ data, fetching, error }] = useQuery<CafeSessionsData>({ query: CafeSessionsQuery, variables: { first: PAGE, after } });
  if (error) return <tr><td colSpan={5} role="alert">Could not load café sessions: {error.message}</td></tr>;
  if (!data) return fetching ? <tr><td colSpan={5}>Loading…</td></tr> : null;
  const { edges, pageInfo } = data.cafeSessions;
  return (
    <>
      {edges.map(({ node }) => <Row key={node.id} session={node} />)}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <tr>
          <td colSpan={5}>
            <button type="button" onClick={() => onMore(pageInfo.endCursor!)}>Load more</button>
          </td>
        </tr>
      )}
    </>
  );
};

const Row = ({ session }: { session: SessionNode }) => (
  <tr data-testid="cafe-session-row" className={session.status === 'CANCELLED' ? 'cancelled' : ''}>
    <td>{when.format(new Date(session.scheduledAt))}</td>
    <td>{session.venue}</td>
    <td>{session.hosts.map((h) => h.title ? `${h.name} (${h.title})` : h.name).join(', ')}</td>
    <td className="num">{session.attendedCount} / {session.invitedCount} / {session.capacity}</td>
    <td>{session.status === 'CANCELLED' ? 'cancelled' : new Date(session.scheduledAt) > new Date() ? 'upcoming' : 'held'}</td>
  </tr>
);

/** Café sessions, newest first, a page at a time (Relay cursors). */
export const CafeSessionList = () => {
  const [{ data }] = useQuery<CafeSessionsData>({ query: CafeSessionsQuery, variables: { first: PAGE, after: null } });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section>
      <h2>Café sessions <small>톡톡타임</small> {data && <span className="count">({data.cafeSessions.totalCount})</span>}</h2>
      <table>
        <thead>
          <tr><th>When (KST)</th><th>Venue</th><th>Hosts</th><th className="num">Attended / invited / seats</th><th>Status</th></tr>
        </thead>
        <tbody>
          {cursors.map((after, i) => (
            <Page key={after ?? 'first'} after={after} isLast={i === cursors.length - 1} onMore={(c) => setCursors([...cursors, c])} />
          ))}
        </tbody>
      </table>
    </section>
  );
};
