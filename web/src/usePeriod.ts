import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LatestTouchQuery } from './operations';
import { periodFromSearch } from './period';
import { asOfInstant, seoulMonth, todayInSeoul, validDay } from './time';

/**
 * The period and as-of every page shares, from the URL (so a link shows the same figures). Until
 * the user picks one, the period ends in the latest month that has employee touches (any touches,
 * when there are none) as of the as-of day.
 */
export const usePeriod = () => {
  const [search] = useSearchParams();
  const asOfDay = validDay(search.get('asOf'));
  const asOf = asOfInstant(asOfDay);
  const [latest] = useQuery({ query: LatestTouchQuery, variables: { asOf } });
  // Employees' touches first: a lone later customer visit (seen by some roles only) must not move
  // everyone's default period to months where nobody else was reached.
  const newest = (latest.data?.employees.edges[0] ?? latest.data?.anyone.edges[0])?.node.touchedAt;
  const latestMonth = newest ? seoulMonth(newest) : (asOfDay ?? todayInSeoul()).slice(0, 7);
  const { preset, reference, period } = periodFromSearch(search, latestMonth);
  return { preset, reference, period, asOfDay, asOf, latestMonth, ready: !latest.fetching || Boolean(latest.data || latest.error) };
};

export type SharedPeriod = ReturnType<typeof usePeriod>;

/** The query-string keys that travel from page to page. */
export const SHARED_KEYS = ['preset', 'ref', 'from', 'to', 'asOf'] as const;

/** The shared keys of a page's URL as a query string ('' or '?…'), for links that keep the period and as-of day. */
export const carriedSearch = (search: URLSearchParams) => {
  const shared = new URLSearchParams();
  for (const k of SHARED_KEYS) {
    const v = search.get(k);
    if (v) shared.set(k, v);
  }
  return shared.toString() ? `?${shared}` : '';
};
