import { useState } from 'react';
import { nameWithTitle } from './names';
import { useTranslation } from 'react-i18next';
import { ScrollX } from './components/ScrollX';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorState, Loading } from './components/States';
import type { CafeSessionsQuery as Data } from './gql/graphql';
import { CafeSessionsQuery } from './operations';
import { seoulDateTime } from './time';

const PAGE = 15;
type SessionNode = Data['cafeSessions']['edges'][number]['node'];

const Page = ({
  after,
  asOf,
  isLast,
  onMore,
}: {
  after: string | null;
  asOf: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) => {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CafeSessionsQuery, variables: { first: PAGE, after, asOf } });
  if (error)
    return (
      <tr>
        <td colSpan={5}>
          <ErrorState error={error} />
        </td>
      </tr>
    );
  if (!data)
    return fetching ? (
      <tr>
        <td colSpan={5}>
          <Loading />
        </td>
      </tr>
    ) : null;
  const { edges, pageInfo } = data.cafeSessions;
  return (
    <>
      {edges.map(({ node }) => (
        <Row key={node.id} session={node} />
      ))}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <tr>
          <td colSpan={5}>
            <button type="button" onClick={() => onMore(pageInfo.endCursor!)}>
              {t('channels.more')}
            </button>
          </td>
        </tr>
      )}
    </>
  );
};

const Row = ({ session }: { session: SessionNode }) => {
  const { t } = useTranslation();
  return (
    <tr data-testid="cafe-session-row" className={session.status === 'CANCELLED' ? 'cancelled' : ''}>
      <td>
        <Link to={`/channels/cafe/${encodeURIComponent(session.id)}`}>{seoulDateTime(session.scheduledAt)}</Link>
      </td>
      <td>{session.venue}</td>
      <td>{session.hosts.map(nameWithTitle).join(', ')}</td>
      <td className="num">
        {session.attendedCount} / {session.invitedCount} / {session.capacity}
      </td>
      <td>
        {session.status === 'CANCELLED'
          ? t('channels.cancelled')
          : new Date(session.scheduledAt) > new Date()
            ? t('channels.upcoming')
            : t('channels.held')}
      </td>
    </tr>
  );
};

/** Café sessions, newest first, a page at a time (Relay cursors). */
export const CafeSessionList = ({ asOf }: { asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: CafeSessionsQuery, variables: { first: PAGE, after: null, asOf } });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="cafe-sessions">
      <h2 id="cafe-sessions">
        {t('channels.cafeSessions')} {data && <span className="count">({data.cafeSessions.totalCount})</span>}
      </h2>
      <ScrollX label={t('channels.cafeSessions')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('channels.when')}</th>
              <th scope="col">{t('channels.venue')}</th>
              <th scope="col">{t('channels.hosts')}</th>
              <th scope="col" className="num">
                {t('channels.seats')}
              </th>
              <th scope="col">{t('channels.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cursors.map((after, i) => (
              <Page
                key={after ?? 'first'}
                after={after}
                asOf={asOf}
                isLast={i === cursors.length - 1}
                onMore={(c) => setCursors([...cursors, c])}
              />
            ))}
          </tbody>
        </table>
      </ScrollX>
    </section>
  );
};
