import { koreanDay, koreanDayStart } from '@hub/events';
import { asOfSql } from '../asOf';
import { KOREAN_MONTH_SQL, KOREAN_MONTH_START_SQL, TOUCH_MONTHS_FOLDED_SQL } from '../schema';
import type { ReachPeriod } from './reach';

/*
 * Where reach reads its touches: the touches of a period, as rows of (person_id, channel,
 * leader_id, touches, last) — a count and the latest touched_at of some of them. The period's whole
 * calendar months in Korea come from hub_view.touch_months (one row per person, channel, leader and
 * month), its partial months at either edge from the touches themselves. Summed per person, the rows
 * give exactly what counting the touches gives, at any moment: a month row is taken only as of a
 * moment that sees every touch folded into it, otherwise that month's touches are read one by one.
 */

/** The month after YYYY-MM. */
export const nextMonth = (month: string) => {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}`;
};

/**
 * The whole calendar months in Korea inside [from, to): the first one's first day and the first
 * day after the last (`fromMonth` inclusive, `toMonth` exclusive), and the instants they begin; null
 * when the period holds no whole month.
 */
export const wholeMonthsOf = (period: ReachPeriod) => {
  // The month `from` falls in, unless `from` is after its first instant; up to the month `to` falls in.
  const startMonth = koreanDay(period.from).slice(0, 7);
  const first = koreanDayStart(`${startMonth}-01`) === new Date(period.from).toISOString() ? startMonth : nextMonth(startMonth);
  const end = koreanDay(period.to).slice(0, 7);
  return first < end
    ? { fromMonth: `${first}-01`, toMonth: `${end}-01`, from: koreanDayStart(`${first}-01`), to: koreanDayStart(`${end}-01`) }
    : null;
};

/** SQL expressions (parameters already in the caller's list) for what the touches are narrowed by. */
export interface TouchScope {
  /** person_kind (text). */
  kind: string;
  /** The period's bounds (timestamptz), as the caller holds them. */
  from: string;
  to: string;
  /** The view moment's parameter number (see asOfSql). */
  asOf: number;
  /** The channel and the leader (text, NULL: any). */
  channel: string;
  leader: string;
}

/**
 * The touches of `period` (`scope.from`/`scope.to` are its SQL bounds) as folded rows; pushes the
 * period's whole months onto `params`. See the module comment.
 */
export const periodTouchesSql = (params: unknown[], scope: TouchScope, period: ReachPeriod) => {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const months = wholeMonthsOf(period);
  // No whole month: an empty run of months, and one edge that is the whole period.
  const [fromMonth, toMonth] = months ? [p(months.fromMonth), p(months.toMonth)] : [p('1970-01-01'), p('1970-01-01')];
  const [monthsFrom, monthsTo] = months ? [p(months.from), p(months.to)] : [scope.to, scope.to];
  const { kind, from, to, channel, leader } = scope;
  const seen = (alias: string) =>
    `${alias}.max_occurred_at <= ($${scope.asOf}::timestamptz[])[1] AND ${alias}.max_recorded_at <= ($${scope.asOf}::timestamptz[])[2]`;
  const narrowed = (alias: string) =>
    `(${channel}::text IS NULL OR ${alias}.channel = ${channel}) AND (${leader}::text IS NULL OR ${alias}.leader_id = ${leader})`;
  const inMonths = `m.person_kind = ${kind} AND m.month >= ${fromMonth}::date AND m.month < ${toMonth}::date AND ${narrowed('m')}`;
  // Whether touch_months follows the touches: not while a rebuild from zero replays (it folds them
  // at the end), when the whole months are read from the touches like the edges. Asked once per
  // statement; each branch below runs only on its side of it.
  const folded = `(${TOUCH_MONTHS_FOLDED_SQL})`;
  return `
    SELECT m.person_id, m.channel, m.leader_id, m.touches, m.last_at AS last
    FROM hub_view.touch_months m
    WHERE ${folded} AND ${inMonths} AND ${seen('m')}
    UNION ALL
    SELECT t.person_id, t.channel, t.leader_id, 1, t.touched_at
    FROM hub_view.touches t
    WHERE NOT ${folded} AND t.person_kind = ${kind} AND ${asOfSql('t', scope.asOf)} AND ${narrowed('t')}
      AND t.touched_at >= ${monthsFrom}::timestamptz AND t.touched_at < ${monthsTo}::timestamptz
    UNION ALL
    SELECT t.person_id, t.channel, t.leader_id, 1, t.touched_at
    FROM hub_view.touches t
    WHERE t.person_kind = ${kind} AND ${asOfSql('t', scope.asOf)} AND ${narrowed('t')}
      AND ((t.touched_at >= ${from}::timestamptz AND t.touched_at < ${monthsFrom}::timestamptz)
        OR (t.touched_at >= ${monthsTo}::timestamptz AND t.touched_at < ${to}::timestamptz))
    UNION ALL
    -- a whole month with a touch not yet seen at that moment: its touches that were. Joined on
    -- equalities as well as each month's bounds, so the planner can take either road: a few such
    -- months (asked of now: none) are looked up touch by touch, many (asked of a past moment) are
    -- matched against one range of touches.
    SELECT t.person_id, t.channel, t.leader_id, 1, t.touched_at
    FROM hub_view.touch_months m
    JOIN hub_view.touches t ON t.person_id = m.person_id AND t.channel = m.channel AND coalesce(t.leader_id, '') = m.leader_key
      AND ${KOREAN_MONTH_SQL('t.touched_at')} = m.month
      AND t.touched_at >= ${KOREAN_MONTH_START_SQL('m.month')} AND t.touched_at < ${KOREAN_MONTH_START_SQL("m.month + interval '1 month'")}
    WHERE ${folded} AND ${inMonths} AND NOT (${seen('m')}) AND t.person_kind = ${kind} AND ${asOfSql('t', scope.asOf)}
      AND t.touched_at >= ${monthsFrom}::timestamptz AND t.touched_at < ${monthsTo}::timestamptz`;
};
