import { useState } from 'react';
import { useQuery } from 'urql';
import { ReachQuery, type ReachRow } from './operations';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Rows in tree order (each unit followed by the units below it), with their depth. */
const asTree = (rows: ReachRow[]) => {
  const children = new Map<string | null, ReachRow[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const ids = new Set(rows.map((r) => r.orgUnitId));
  const out: { row: ReachRow; depth: number }[] = [];
  const walk = (row: ReachRow, depth: number) => {
    out.push({ row, depth });
    for (const c of (children.get(row.orgUnitId) ?? []).sort((a, b) => a.orgUnitName.localeCompare(b.orgUnitName))) walk(c, depth + 1);
  };
  for (const root of rows.filter((r) => r.parentId === null || !ids.has(r.parentId)).sort((a, b) => a.orgUnitName.localeCompare(b.orgUnitName))) walk(root, 0);
  return out;
};

/** Café-session reach by org unit: who has the CEO sat down with, and which teams were left out. */
export const ReachTable = () => {
  const [from, setFrom] = useState('2014-03-01');
  const [to, setTo] = useState(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  const valid = from < to;
  const [{ data, error }] = useQuery<{ cafeSessionReachByOrgUnit: ReachRow[] }>({
    query: ReachQuery,
    variables: { period: { from: `${from}T00:00:00+09:00`, to: `${to}T00:00:00+09:00` } },
    pause: !valid,
  });
  return (
    <section>
      <h2>Café-session reach by org unit</h2>
      <div className="period">
        <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      {!valid && <p role="alert">The start must be before the end.</p>}
      {error && <p role="alert">{error.message}</p>}
      <table>
        <thead>
          <tr><th>Org unit</th><th className="num">People</th><th className="num">Eligible (≤ 차장)</th><th className="num">Met</th><th className="num">Reach</th><th className="num">Eligible reach</th></tr>
        </thead>
        <tbody>
          {asTree(data?.cafeSessionReachByOrgUnit ?? []).map(({ row: r, depth }) => (
            <tr key={r.orgUnitId} data-testid="reach-row" className={`${r.reached === 0 && r.eligiblePopulation > 0 ? 'gap' : ''} ${r.kind.toLowerCase()}`}>
              <td style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}>{r.orgUnitName}</td><td className="num">{r.population}</td><td className="num">{r.eligiblePopulation}</td>
              <td className="num">{r.reached}</td><td className="num">{pct(r.reachRate)}</td><td className="num">{pct(r.eligibleReachRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
