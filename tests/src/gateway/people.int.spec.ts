import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

type Edges<T> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };

/*
 * People, branches and touches as Relay connections: filters, sorting (recency included), paging,
 * and DataLoader batching — a page of 50 people with their touches costs a constant number of queries.
 */
describe.each(HUB_ENGINES)('people, branches and touches as connections on $name', (engine) => {
  let t: HubUnderTest;
  const ctx = { actor: 'test' };

  beforeAll(async () => {
    t = await startHub(engine);
    const { directory, videoMessages } = t.hub.commands;
    await directory.defineOrgUnit({ orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION', parentId: null }, ctx);
    await directory.defineOrgUnit({ orgUnitId: 'OPS', name: 'Operations', kind: 'DEPARTMENT', parentId: 'HQ' }, ctx);
    await directory.registerEmployee(
      { employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'HQ', region: 'Seoul', title: 'CEO', hiredOn: '2013-05-01' },
      ctx,
    );
    const grades = ['STAFF', 'ASSISTANT_MANAGER', 'MANAGER'] as const;
    for (let i = 1; i <= 60; i++) {
      const id = `E${String(i).padStart(2, '0')}`;
      await directory.registerEmployee(
        {
          employeeId: id,
          name: `직원${String(i).padStart(2, '0')}`,
          grade: grades[i % 3],
          orgUnitId: i % 2 ? 'OPS' : 'HQ',
          region: i <= 40 ? 'Seoul' : 'Busan',
          title: null,
          hiredOn: `20${String(10 + (i % 5)).padStart(2, '0')}-03-02`,
        },
        ctx,
      );
    }
    for (const [id, name, seoul] of [
      ['B1', '반포지점', true],
      ['B2', '강남지점', true],
      ['B3', '해운대지점', false],
    ] as const) {
      await directory.registerBranch(
        { branchId: id, name, region: seoul ? 'Seoul' : 'Busan', district: seoul ? '서초구' : '해운대구', seoul },
        ctx,
      );
    }
    await directory.enrollBranchInPride({ branchId: 'B2', since: '2014-01-01' }, ctx);
    await directory.registerFc({ fcId: 'FC1', name: '이설계', branchId: 'B1', hiredOn: '2010-01-04' }, ctx);
    await directory.registerFc({ fcId: 'FC2', name: '박설계', branchId: 'B1', hiredOn: '2012-01-04' }, ctx);
    await directory.registerFc({ fcId: 'FC3', name: '최설계', branchId: 'B3', hiredOn: '2011-01-04' }, ctx);
    await videoMessages.publish(
      {
        videoId: 'V1',
        authorId: 'CEO',
        title: 'New year message',
        durationSeconds: 300,
        audience: ['EMPLOYEE', 'FC'],
        publishedAt: '2015-01-02T09:00:00+09:00',
      },
      ctx,
    );
    // Every other employee watched, each on their own day (E02 first … E60 last); FC1 too.
    let last;
    for (let i = 2; i <= 60; i += 2) {
      const day = String(1 + Math.floor(i / 2)).padStart(2, '0');
      last = await videoMessages.recordView(
        {
          videoId: 'V1',
          viewerKind: 'EMPLOYEE',
          viewerId: `E${String(i).padStart(2, '0')}`,
          secondsWatched: 200,
          viewedAt: `2015-01-${day}T10:00:00+09:00`,
        },
        ctx,
      );
    }
    last = await videoMessages.recordView(
      { videoId: 'V1', viewerKind: 'FC', viewerId: 'FC1', secondsWatched: 100, viewedAt: '2015-01-05T10:00:00+09:00' },
      ctx,
    );
    await t.hub.projector.waitFor(last.position);
  });
  afterAll(() => t.dispose());

  it('filters and sorts employees, and pages through them with cursors', async () => {
    const q = `query($f: EmployeeFilter, $s: EmployeeSort, $d: SortDirection, $after: String) { employees(filter: $f, sortBy: $s, direction: $d, first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r = await t.ok(q, { f: { orgUnitId: 'OPS', region: 'Seoul' }, after });
      const page = r.employees as Edges<{ id: string }>;
      expect(page.totalCount).toBe(20);
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toEqual(Array.from({ length: 20 }, (_, k) => `E${String(2 * k + 1).padStart(2, '0')}`));

    const byGrade = (await t.ok(q, { f: { name: '직원0' }, s: 'GRADE', d: 'DESC' })).employees as Edges<{ id: string }>;
    expect(byGrade.totalCount).toBe(9);
    expect(byGrade.edges.map((e) => e.node.id)).toEqual(['E02', 'E05', 'E08', 'E01', 'E04', 'E07', 'E03']);
    // Recency: never reached first, then the longest ago; descending puts the latest first.
    const stale = (await t.ok(q, { f: { region: 'Busan' }, s: 'LAST_TOUCHED_AT' })).employees as Edges<{ id: string }>;
    expect(stale.edges.map((e) => e.node.id)).toEqual(['E41', 'E43', 'E45', 'E47', 'E49', 'E51', 'E53']);
    const fresh = (await t.ok(q, { f: { region: 'Busan' }, s: 'LAST_TOUCHED_AT', d: 'DESC' })).employees as Edges<{ id: string }>;
    expect(fresh.edges.map((e) => e.node.id).slice(0, 3)).toEqual(['E60', 'E58', 'E56']);
    const bad = await t.graphql(q, { after: 'bm90LWEtY3Vyc29y' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('filters and sorts branches and FCs', async () => {
    const b = await t.ok(
      `{ branches(sortBy: FC_COUNT, direction: DESC) { edges { node { id } } } seoul: branches(filter: { seoul: true, pride: false }) { edges { node { id name } } } }`,
    );
    expect(b).toEqual({
      branches: { edges: [{ node: { id: 'B1' } }, { node: { id: 'B3' } }, { node: { id: 'B2' } }] },
      seoul: { edges: [{ node: { id: 'B1', name: '반포지점' } }] },
    });
    const f = await t.ok(
      `{ fcs(filter: { region: "Seoul" }, sortBy: HIRED_ON) { totalCount edges { node { id } } } stale: fcs(sortBy: LAST_TOUCHED_AT) { edges { node { id } } } }`,
    );
    expect(f).toEqual({
      fcs: { totalCount: 2, edges: [{ node: { id: 'FC1' } }, { node: { id: 'FC2' } }] },
      stale: { edges: [{ node: { id: 'FC2' } }, { node: { id: 'FC3' } }, { node: { id: 'FC1' } }] },
    });
  });

  it('lists touches by person kind, channel and period, newest first, and an employee’s timeline', async () => {
    const r = await t.ok(
      `{ touches(filter: { personKind: EMPLOYEE, channel: VIDEO_MESSAGE, from: "2015-01-10T00:00:00+09:00", to: "2015-01-13T00:00:00+09:00" }) { totalCount edges { node { personId summary leader { id } } } } }`,
    );
    expect(r).toEqual({
      touches: {
        totalCount: 3,
        edges: ['E22', 'E20', 'E18'].map((personId) => ({
          node: { personId, summary: 'Watched “New year message”', leader: { id: 'CEO' } },
        })),
      },
    });
    expect(await t.ok(`{ employee(id: "E10") { timeline { totalCount edges { node { channel touchedAt } } } } }`)).toEqual({
      employee: { timeline: { totalCount: 1, edges: [{ node: { channel: 'VIDEO_MESSAGE', touchedAt: '2015-01-06T01:00:00.000Z' } }] } },
    });
    const bad = await t.graphql(`{ touches(filter: { from: "2016-01-01T00:00:00Z", to: "2015-01-01T00:00:00Z" }) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('loads a page of 50 people with their touches and leaders in a constant number of queries', async () => {
    const LIST = `query($first: Int!) { employees(first: $first, filter: { includeLeft: true }) { edges { node { id orgUnit { name } touches { leader { name } } lastTouchedAt } } } }`;
    t.sqlCount.reset();
    const small = await t.ok(LIST, { first: 5 });
    const five = t.sqlCount.value;
    t.sqlCount.reset();
    const big = await t.ok(LIST, { first: 50 });
    const fifty = t.sqlCount.value;
    expect((small.employees as Edges<unknown>).edges).toHaveLength(5);
    expect((big.employees as Edges<unknown>).edges).toHaveLength(50);
    // The page, then one query each for org units, touches and the leaders they name: the same for 5 as for 50.
    expect(fifty).toBe(five);
    expect(fifty).toBeLessThanOrEqual(5);
  });
});
