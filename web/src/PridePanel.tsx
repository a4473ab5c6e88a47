import { useState } from 'react';
import { useQuery } from 'urql';
import { PrideQuery, type PrideData } from './operations';

/** PRIDE branches beside the others: weekly FC activity per FC-week, so groups of any size compare. */
export const PridePanel = () => {
  const [from, setFrom] = useState('2015-04-01');
  const [to, setTo] = useState('2015-06-30');
  const valid = from <= to;
  const [{ data, error }] = useQuery<PrideData>({ query: PrideQuery, variables: { from, to }, pause: !valid });
  return (
    <section>
      <h2>PRIDE vs other branches: FC activity</h2>
      <div className="period">
        <label>Weeks from <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>to <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      {!valid && <p role="alert">The start must not be after the end.</p>}
      {error && <p role="alert">{error.message}</p>}
      {data && (
        <table data-testid="pride">
          <thead><tr><th /><th className="num">FCs</th><th className="num">FC-weeks</th><th className="num">Visits / FC-week</th><th className="num">Calls / FC-week</th><th className="num">Contracts / FC-week</th></tr></thead>
          <tbody>
            {data.fcActivity.map((r) => (
              <tr key={r.key}>
                <td>{r.key === 'PRIDE' ? 'PRIDE branches' : 'Other branches'}</td>
                <td className="num">{r.fcs}</td><td className="num">{r.fcWeeks}</td>
                <td className="num">{r.visitsPerFcWeek.toFixed(1)}</td><td className="num">{r.callsPerFcWeek.toFixed(1)}</td><td className="num">{r.contractsPerFcWeek.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
