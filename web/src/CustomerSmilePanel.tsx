import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollX } from './components/ScrollX';
import { useQuery } from 'urql';
import { Empty, ErrorState, Loading } from './components/States';
import type { ComplianceGrouping } from './gql/graphql';
import { CustomerSmileQuery } from './operations';
import type { Period } from './period';
import { plusDays } from './time';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(0)}%`);
const GROUPS: ComplianceGrouping[] = ['REGION', 'BRANCH', 'FC'];

/** Customer Smile (고객스마일): were the follow-ups due in the period kept, per region, branch or FC. */
export const CustomerSmilePanel = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<ComplianceGrouping>('BRANCH');
  const last = plusDays(period.to, -1);
  const [{ data, error, fetching }] = useQuery({
    query: CustomerSmileQuery,
    variables: { groupBy, from: period.from, to: last, on: last, asOf },
  });
  const groupLabel = (g: ComplianceGrouping) => t(g === 'REGION' ? 'channels.region' : g === 'BRANCH' ? 'channels.branch' : 'channels.fc');
  return (
    <section aria-labelledby="smile">
      <h2 id="smile">{t('channels.smile')}</h2>
      <label className="inline-field">
        {t('channels.per')}{' '}
        <select value={groupBy} onChange={(e) => setGroupBy(GROUPS.find((g) => g === e.target.value) ?? 'BRANCH')}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {groupLabel(g)}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : data.followUpCompliance.length === 0 ? (
        <Empty />
      ) : (
        <ScrollX label={t('channels.smile')}>
          <table data-testid="compliance">
            <thead>
              <tr>
                <th scope="col">{groupLabel(groupBy)}</th>
                <th scope="col" className="num">
                  {t('channels.due')}
                </th>
                <th scope="col" className="num">
                  {t('channels.onTime')}
                </th>
                <th scope="col" className="num">
                  {t('channels.late')}
                </th>
                <th scope="col" className="num">
                  {t('channels.overdue')}
                </th>
                <th scope="col" className="num">
                  {t('channels.onTimeRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.followUpCompliance.map((r) => (
                <tr key={r.key}>
                  <td>{r.fc ? `${r.fc.name} (${r.fc.id})` : (r.branch?.name ?? r.key)}</td>
                  <td className="num">{r.due}</td>
                  <td className="num">{r.onTime}</td>
                  <td className="num">{r.late}</td>
                  <td className="num">{r.overdue}</td>
                  <td className="num">{pct(r.onTimeRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </section>
  );
};
