import { useTranslation } from 'react-i18next';
import { ScrollX } from './components/ScrollX';
import { useQuery } from 'urql';
import { Empty, ErrorState, Loading } from './components/States';
import { PrideQuery } from './operations';
import type { Period } from './period';
import { plusDays } from './time';

/** PRIDE branches beside the others: weekly FC activity per FC-week, so groups of any size compare. */
export const PridePanel = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: PrideQuery, variables: { from: period.from, to: plusDays(period.to, -1), asOf } });
  return (
    <section aria-labelledby="pride">
      <h2 id="pride">{t('channels.pride')}</h2>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : data.fcActivity.length === 0 ? (
        <Empty />
      ) : (
        <ScrollX label={t('channels.pride')}>
          <table data-testid="pride">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('channels.branch')}</span>
                </th>
                <th scope="col" className="num">
                  {t('channels.fcs')}
                </th>
                <th scope="col" className="num">
                  {t('channels.fcWeeks')}
                </th>
                <th scope="col" className="num">
                  {t('channels.visits')}
                </th>
                <th scope="col" className="num">
                  {t('channels.calls')}
                </th>
                <th scope="col" className="num">
                  {t('channels.contracts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.fcActivity.map((r) => (
                <tr key={r.key}>
                  <td>{r.key === 'PRIDE' ? t('channels.prideBranches') : t('channels.otherBranches')}</td>
                  <td className="num">{r.fcs}</td>
                  <td className="num">{r.fcWeeks}</td>
                  <td className="num">{r.visitsPerFcWeek.toFixed(1)}</td>
                  <td className="num">{r.callsPerFcWeek.toFixed(1)}</td>
                  <td className="num">{r.contractsPerFcWeek.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </section>
  );
};
