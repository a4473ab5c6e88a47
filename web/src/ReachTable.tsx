import { useTranslation } from 'react-i18next';
import { ScrollX } from './components/ScrollX';
import { useQuery } from 'urql';
import { Empty, ErrorState, Loading } from './components/States';
import type { ReachQuery as Data } from './gql/graphql';
import { ReachQuery } from './operations';
import type { Period } from './period';
import { startOfSeoulDay } from './time';

type ReachRow = Data['cafeSessionReachByOrgUnit'][number];
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Rows in tree order (each unit followed by the units below it), with their depth. */
const asTree = (rows: readonly ReachRow[]) => {
  const children = new Map<string | null, ReachRow[]>();
  for (const r of rows) children.set(r.parentId ?? null, [...(children.get(r.parentId ?? null) ?? []), r]);
  const ids = new Set(rows.map((r) => r.orgUnitId));
  const out: { row: ReachRow; depth: number }[] = [];
  const walk = (row: ReachRow, depth: number) => {
    out.push({ row, depth });
    for (const c of (children.get(row.orgUnitId) ?? []).sort((a, b) => a.orgUnitName.localeCompare(b.orgUnitName))) walk(c, depth + 1);
  };
  for (const root of rows.filter((r) => !r.parentId || !ids.has(r.parentId)).sort((a, b) => a.orgUnitName.localeCompare(b.orgUnitName)))
    walk(root, 0);
  return out;
};

/** Café-session reach by org unit in the period: which teams were left out. */
export const ReachTable = ({ period, asOf }: { period: Period; asOf: string | null }) => {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({
    query: ReachQuery,
    variables: { period: { from: startOfSeoulDay(period.from), to: startOfSeoulDay(period.to) }, asOf },
  });
  const rows = asTree(data?.cafeSessionReachByOrgUnit ?? []);
  return (
    <section aria-labelledby="reach">
      <h2 id="reach">{t('channels.reach')}</h2>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        fetching && <Loading />
      ) : rows.length === 0 ? (
        <Empty />
      ) : (
        <ScrollX label={t('channels.reach')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('channels.orgUnit')}</th>
                <th scope="col" className="num">
                  {t('channels.people')}
                </th>
                <th scope="col" className="num">
                  {t('channels.eligible')}
                </th>
                <th scope="col" className="num">
                  {t('channels.metCol')}
                </th>
                <th scope="col" className="num">
                  {t('channels.reachCol')}
                </th>
                <th scope="col" className="num">
                  {t('channels.eligibleReach')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ row: r, depth }) => (
                <tr
                  key={r.orgUnitId}
                  data-testid="reach-row"
                  className={`${r.reached === 0 && r.eligiblePopulation > 0 ? 'gap' : ''} ${r.kind.toLowerCase()} depth-${Math.min(depth, 3)}`}
                >
                  <td>{r.orgUnitName}</td>
                  <td className="num">{r.population}</td>
                  <td className="num">{r.eligiblePopulation}</td>
                  <td className="num">{r.reached}</td>
                  <td className="num">{pct(r.reachRate)}</td>
                  <td className="num">{pct(r.eligibleReachRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </section>
  );
};
