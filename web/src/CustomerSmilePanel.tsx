import { useState } from 'react';
import { useQuery } from 'urql';
import { CustomerSmileQuery, MeQuery, OverdueFollowUpsQuery, type CustomerSmileData, type MeData, type OverdueFollowUpsData } from './operations';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(0)}%`);
const KIND: Record<string, string> = { THREE_MONTHS: '3 months', ONE_YEAR: '1 year', TWO_YEARS: '2 years' };

/** Customer Smile (고객스마일): were the three follow-ups kept, per region or branch, and who is overdue. */
export const CustomerSmilePanel = () => {
  const [groupBy, setGroupBy] = useState<'REGION' | 'BRANCH' | 'FC'>('BRANCH');
  const [from, setFrom] = useState('2014-01-01');
  const [to, setTo] = useState('2015-12-31');
  const [on, setOn] = useState('2015-12-31');
  const valid = from <= to;
  const [{ data, error }] = useQuery<CustomerSmileData>({ query: CustomerSmileQuery, variables: { groupBy, from, to, on: on || null }, pause: !valid });
  return (
    <section>
      <h2>Customer Smile 고객스마일 follow-ups</h2>
      <div className="period">
        <label>Per
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as 'REGION' | 'BRANCH' | 'FC')} aria-label="Group by">
            <option value="REGION">Region</option>
            <option value="BRANCH">Branch</option>
            <option value="FC">FC</option>
          </select>
        </label>
        <label>Due from <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>to <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>Judged on <input type="date" value={on} onChange={(e) => setOn(e.target.value)} /></label>
      </div>
      {!valid && <p role="alert">The start must not be after the end.</p>}
      {error && <p role="alert">{error.message}</p>}
      {data && (
        <div className="two-columns">
          <table data-testid="compliance">
            <thead><tr><th>{groupBy === 'REGION' ? 'Region' : groupBy === 'BRANCH' ? 'Branch' : 'FC'}</th><th className="num">Due</th><th className="num">On time</th><th className="num">Late</th><th className="num">Overdue</th><th className="num">On-time rate</th></tr></thead>
            <tbody>
              {data.followUpCompliance.slice(0, 15).map((r) => (
                <tr key={r.key}><td>{r.branch?.name ?? r.key}</td><td className="num">{r.due}</td><td className="num">{r.onTime}</td><td className="num">{r.late}</td><td className="num">{r.overdue}</td><td className="num">{pct(r.onTimeRate)}</td></tr>
              ))}
            </tbody>
          </table>
          <OverdueList on={on || null} />
        </div>
      )}
    </section>
  );
};

/** The overdue backlog names customers one by one: shown to the roles that may see them. */
const CUSTOMER_LEVEL_ROLES = ['LEADERSHIP', 'SALES', 'PRIVACY_OFFICER'];
const OverdueList = ({ on }: { on: string | null }) => {
  const [{ data: me }] = useQuery<MeData>({ query: MeQuery });
  // Not asked at all for a role that may not see customers one by one: hidden, not broken.
  const allowed = me ? CUSTOMER_LEVEL_ROLES.includes(me.me.role) : false;
  const [{ data, error }] = useQuery<OverdueFollowUpsData>({ query: OverdueFollowUpsQuery, variables: { on }, pause: !allowed });
  if ((me && !allowed) || error?.graphQLErrors.some((g) => g.extensions.code === 'FORBIDDEN')) {
    return <p className="muted">Overdue customers are listed for LEADERSHIP, SALES and PRIVACY_OFFICER: sign in to see them.</p>;
  }
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return null;
  return (
    <div>
      <h3>Overdue: {data.overdueFollowUps.total}</h3>
      <ul>
        {data.overdueFollowUps.followUps.map((f) => (
          <li key={`${f.customer?.id}-${f.kind}`}>
            Customer {f.customer?.id} — {KIND[f.kind] ?? f.kind} follow-up due {f.dueOn}, {f.daysLate} days late · FC {f.fc?.name} ({f.fc?.branch?.name})
          </li>
        ))}
      </ul>
    </div>
  );
};
