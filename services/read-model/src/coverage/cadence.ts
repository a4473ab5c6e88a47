import { koreanDayStart, validationError } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, type AsOf } from '../asOf';

/*
 * Cadence: café sessions twice a month, town halls every two months — met or missed, period by
 * period. Periods are calendar months in Korea time (KST, +09:00); town halls use two-month
 * periods starting in odd months (Jan–Feb, Mar–Apr, …). A session counts when it was held:
 * scheduled in the period, not cancelled, with attendance recorded.
 */

export interface CadencePeriod {
  /** First day of the period (YYYY-MM-DD, KST). */
  start: string;
  /** First day after it. */
  end: string;
  held: number;
  target: number;
  met: boolean;
}

const monthStart = (year: number, month: number) => {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** Calendar periods of `months` months (aligned to January) that overlap [from, to), dates YYYY-MM-DD. */
export const cadencePeriods = (from: string, to: string, months: number) => {
  const [year, month] = from.split('-').map(Number) as [number, number];
  const out: { start: string; end: string }[] = [];
  for (let m = month - 1 - ((month - 1) % months); monthStart(year, m) < to; m += months) {
    if (out.length >= 240) throw validationError('The range is too long: at most 240 periods');
    out.push({ start: monthStart(year, m), end: monthStart(year, m + months) });
  }
  return out;
};

export const cadence = async (db: SqlExecutor, range: { from: string; to: string }, asOf?: AsOf) => {
  if (range.from >= range.to) throw validationError('from must be before to');
  const count = async (table: 'cafe' | 'townHall', list: { start: string; end: string }[]) => {
    const sql =
      table === 'cafe'
        ? `SELECT count(*)::int AS n FROM hub_view.cafe_sessions s
           WHERE ${asOfSql('s', 3)} AND s.scheduled_at >= $1::timestamptz AND s.scheduled_at < $2::timestamptz
             AND NOT EXISTS (SELECT 1 FROM hub_view.cafe_cancellations c WHERE c.session_id = s.session_id AND ${asOfSql('c', 3)})
             AND EXISTS (SELECT 1 FROM hub_view.cafe_attendance a WHERE a.session_id = s.session_id AND ${asOfSql('a', 3)})`
        : `SELECT count(*)::int AS n FROM hub_view.town_halls t
           WHERE ${asOfSql('t', 3)} AND t.scheduled_at >= $1::timestamptz AND t.scheduled_at < $2::timestamptz
             AND NOT EXISTS (SELECT 1 FROM hub_view.town_hall_cancellations c WHERE c.town_hall_id = t.town_hall_id AND ${asOfSql('c', 3)})
             AND (EXISTS (SELECT 1 FROM hub_view.town_hall_attendance a WHERE a.town_hall_id = t.town_hall_id AND ${asOfSql('a', 3)})
               OR EXISTS (SELECT 1 FROM hub_view.town_hall_head_counts h WHERE h.town_hall_id = t.town_hall_id AND ${asOfSql('h', 3)}))`;
    const target = table === 'cafe' ? 2 : 1;
    const out: CadencePeriod[] = [];
    for (const p of list) {
      const [row] = await db.query<{ n: number }>(sql, [koreanDayStart(p.start), koreanDayStart(p.end), asOfParam(asOf)]);
      const held = Number(row?.n ?? 0);
      out.push({ ...p, held, target, met: held >= target });
    }
    return out;
  };
  return {
    cafeSessions: await count('cafe', cadencePeriods(range.from, range.to, 1)),
    townHalls: await count('townHall', cadencePeriods(range.from, range.to, 2)),
  };
};
