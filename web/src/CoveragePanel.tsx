import { useState } from 'react';
import { useQuery } from 'urql';
import { CoverageQuery, type CoverageData } from './operations';

const CHANNELS: [string, string][] = [
  ['', 'All channels'],
  ['CAFE_SESSION', 'Café sessions 톡톡타임'],
  ['TOWN_HALL', 'Town halls 타운홀'],
  ['BRANCH_VISIT', 'Branch visits'],
  ['VIDEO_MESSAGE', 'Video messages'],
  ['CUSTOMER_VISIT', 'Customer Smile visits 고객스마일'],
];
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The one view for a population: who was reached, how often, how recently, through which channel, by whom. */
export const CoveragePanel = () => {
  const [population, setPopulation] = useState<'EMPLOYEE' | 'FC' | 'CUSTOMER'>('EMPLOYEE');
  const [from, setFrom] = useState('2014-01-01');
  const [to, setTo] = useState('2015-07-01');
  const [channel, setChannel] = useState('');
  const valid = from < to;
  const [{ data, error, fetching }] = useQuery<CoverageData>({
    query: CoverageQuery,
    variables: { population, period: { from: `${from}T00:00:00+09:00`, to: `${to}T00:00:00+09:00` }, channel: channel || null },
    pause: !valid,
  });
  const c = data?.coverage;
  return (
    <section>
      <h2>Coverage</h2>
      <div className="period">
        <label>Who
          <select value={population} onChange={(e) => setPopulation(e.target.value as 'EMPLOYEE' | 'FC' | 'CUSTOMER')} aria-label="Population">
            <option value="EMPLOYEE">Employees 임직원</option>
            <option value="FC">FCs 설계사</option>
            <option value="CUSTOMER">Customers 고객</option>
          </select>
        </label>
        <label>Channel
          <select value={channel} onChange={(e) => setChannel(e.target.value)} aria-label="Channel">
            {CHANNELS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      {!valid && <p role="alert">The start must be before the end.</p>}
      {error && <p role="alert">{error.message}</p>}
      {fetching && !c && <p>Loading…</p>}
      {c && (
        <>
          <p className="figures" data-testid="coverage-figures">
            <strong>{pct(c.reachRate)}</strong> reached ({c.reached} of {c.population}) · {c.touches} touches ·{' '}
            {c.frequency.toFixed(1)} per person reached
            {c.averageDaysSinceLastTouch !== null && <> · last touch on average {Math.round(c.averageDaysSinceLastTouch)} days before the period’s end</>}
          </p>
          <div className="two-columns">
            <table>
              <thead><tr><th>Channel</th><th className="num">Reached</th><th className="num">Touches</th></tr></thead>
              <tbody>{c.byChannel.map((b) => <tr key={b.channel}><td>{b.channel}</td><td className="num">{b.reached}</td><td className="num">{b.touches}</td></tr>)}</tbody>
            </table>
            <table>
              <thead><tr><th>Leader</th><th className="num">Reached</th><th className="num">Touches</th></tr></thead>
              <tbody>
                {c.byLeader.map((b) => (
                  <tr key={b.leader?.id ?? 'company'}>
                    <td>{b.leader ? `${b.leader.name}${b.leader.title ? ` (${b.leader.title})` : ''}` : 'The company'}</td>
                    <td className="num">{b.reached}</td><td className="num">{b.touches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
};
