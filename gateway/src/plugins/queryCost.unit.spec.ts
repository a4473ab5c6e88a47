import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema';
import { DEFAULT_QUERY_LIMITS } from './queryLimits';
import { MAX_FIRST, PLAIN_LIST, queryCost } from './queryCost';

const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), undefined, variables);

describe('the cost of a query', () => {
  it('counts a field 1 and multiplies what is under a list by its size', () => {
    expect(cost('{ branch(id: "B") { id name } }')).toBe(3);
    expect(cost('{ branch(id: "B") { fcs { id name } } }')).toBe(1 + 1 + PLAIN_LIST * 2);
    // A connection's edges count `first` times, from a literal or a variable, at most MAX_FIRST.
    expect(cost('{ branches(first: 50) { edges { node { id } } } }')).toBe(1 + 1 + 50 * 2);
    expect(cost('query($n: Int) { branches(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(1 + 1 + 7 * 2);
    expect(cost('{ branches(first: 5000) { edges { node { id } } } }')).toBe(1 + 1 + MAX_FIRST * 2);
    // A plain list under a field that takes `first` counts that many too (gaps lists up to 500 people).
    expect(cost('{ gaps(population: FC, at: "2016-01-01T00:00:00+09:00", days: 30, first: 500) { people { personId } } }')).toBe(
      1 + 1 + 500 * 1,
    );
    // A list bounded by its arguments counts its declared largest length: reach per month, 36 months.
    expect(cost('{ coverageByMonth(population: FC, fromMonth: "2015-01", toMonth: "2015-12") { month reachRate } }')).toBe(1 + 36 * 2);
  });

  it('prices the review’s case: four aliases of 500 gap rows, each with a page of 100 touches, far over the limit', () => {
    const one = (n: number) =>
      `g${n}: gaps(population: FC, at: "2016-01-01T00:00:00+09:00", days: 30, first: 500) { people { fc { timeline(first: 100) { edges { node { channel } } } } } }`;
    expect(cost(`{ ${[1, 2, 3, 4].map(one).join(' ')} }`)).toBeGreaterThan(10 * DEFAULT_QUERY_LIMITS.maxCost);
  });

  it('grows geometrically with nested lists, so the attack of issue #9 is far over the limit', () => {
    const nested = '{branches(first:100){edges{node{fcs{branch{fcs{branch{fcs{branch{fcs{name}}}}}}}}}}}';
    expect(cost(nested)).toBeGreaterThan(100 * DEFAULT_QUERY_LIMITS.maxCost);
    // A page of 100 sessions with their hosts, as much as the console could ask, stays under it.
    const sessions =
      'query($first: Int!) { cafeSessions(first: $first) { totalCount edges { node { id venue hosts { id name title } } } } }';
    expect(cost(sessions, { first: 100 })).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost);
  });

  it('prices open questions by their page (at most 100): the board’s largest page, with asker and gathering, stays under the limit', () => {
    const open =
      'query($n: Int) { openQuestions(first: $n) { totalCount edges { node { id text askedBy { id name } gathering { channel id } } } } }';
    // totalCount, edges, then per question: node, id, text, askedBy + 2, gathering + 2.
    expect(cost(open, { n: 20 })).toBe(1 + 1 + 1 + 20 * (1 + 1 + 1 + 3 + 3));
    expect(cost(open, { n: 100 })).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost);
  });

  it('follows fragments once, even one that spreads itself', () => {
    expect(cost('{ branch(id: "B") { ...F } } fragment F on Branch { id fcs { id } }')).toBe(1 + 1 + 1 + PLAIN_LIST);
    expect(cost('{ branch(id: "B") { ...F } } fragment F on Branch { id ...F }')).toBe(2);
  });

  it("lets GraphiQL's introspection through (graphql-js's own MaxIntrospectionDepthRule bounds introspection)", () => {
    expect(cost(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true }))).toBeLessThan(
      DEFAULT_QUERY_LIMITS.maxCost,
    );
  });
});
