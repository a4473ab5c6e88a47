import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

describe.each(HUB_ENGINES)('video messages through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const refused = (query: string, code: string, message: RegExp) => t.refused(query, code, message);

  beforeAll(async () => {
    t = await startHub(engine);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "HQ", name: "Head Office", kind: DIVISION }) { id } }`);
    await ok(
      `mutation { registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul", title: "CEO" }) { id } }`,
    );
    await ok(
      `mutation { registerEmployee(input: { employeeId: "E1", name: "김사원", grade: STAFF, orgUnitId: "HQ", region: "Seoul" }) { id } }`,
    );
    await ok(
      `mutation { registerBranch(input: { branchId: "B1", name: "반포", region: "Seoul", district: "서초구", seoul: true }) { id } }`,
    );
    await ok(`mutation { registerFc(input: { fcId: "FC1", name: "이설계", branchId: "B1", hiredOn: "2010-01-04" }) { id } }`);
  });
  afterAll(() => t.dispose());

  it('publishes a video and records who watched how much, as broadcast touches by the author', async () => {
    await ok(
      `mutation { publishVideoMessage(input: { videoId: "NY2015", authorId: "CEO", title: "New year message", durationSeconds: 300, audience: [EMPLOYEE, FC], publishedAt: "2015-01-02T09:00:00+09:00" }) { id } }`,
    );
    await ok(
      `mutation { recordVideoView(input: { videoId: "NY2015", viewerKind: EMPLOYEE, viewerId: "E1", secondsWatched: 300, viewedAt: "2015-01-02T10:00:00+09:00" }) { id } }`,
    );
    const figures = await ok(
      `mutation { recordVideoView(input: { videoId: "NY2015", viewerKind: FC, viewerId: "FC1", secondsWatched: 150, viewedAt: "2015-01-03T10:00:00+09:00" }) { views distinctViewers averageCompletion author { id } } }`,
    );
    expect(figures).toEqual({ recordVideoView: { views: 2, distinctViewers: 2, averageCompletion: 0.75, author: { id: 'CEO' } } });
    expect(await ok(`{ employee(id: "E1") { touches { channel mode leader { id } } } }`)).toEqual({
      employee: { touches: [{ channel: 'VIDEO_MESSAGE', mode: 'BROADCAST', leader: { id: 'CEO' } }] },
    });
  });

  it('reads the figures afresh after each of several views in one request', async () => {
    const r = await ok(`mutation {
      a: recordVideoView(input: { videoId: "NY2015", viewerKind: EMPLOYEE, viewerId: "E1", secondsWatched: 10, viewedAt: "2015-01-04T10:00:00+09:00" }) { views }
      b: recordVideoView(input: { videoId: "NY2015", viewerKind: EMPLOYEE, viewerId: "E1", secondsWatched: 20, viewedAt: "2015-01-04T11:00:00+09:00" }) { views }
    }`);
    expect(r).toEqual({ a: { views: 3 }, b: { views: 4 } });
  });

  it('refuses a view of an unpublished video, and other impossible views, appending nothing', async () => {
    await refused(
      `mutation { recordVideoView(input: { videoId: "DRAFT", viewerKind: EMPLOYEE, viewerId: "E1", secondsWatched: 10, viewedAt: "2015-01-05T10:00:00+09:00" }) { id } }`,
      'NOT_FOUND',
      /not published/,
    );
    await refused(
      `mutation { recordVideoView(input: { videoId: "NY2015", viewerKind: EMPLOYEE, viewerId: "E1", secondsWatched: 301, viewedAt: "2015-01-05T10:00:00+09:00" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /301 seconds/,
    );
    await refused(
      `mutation { recordVideoView(input: { videoId: "NY2015", viewerKind: EMPLOYEE, viewerId: "E1", secondsWatched: -1, viewedAt: "2015-01-05T10:00:00+09:00" }) { id } }`,
      'VALIDATION',
      /negative/,
    );
    await refused(
      `mutation { recordVideoView(input: { videoId: "NY2015", viewerKind: FC, viewerId: "NOBODY", secondsWatched: 1, viewedAt: "2015-01-05T10:00:00+09:00" }) { id } }`,
      'NOT_FOUND',
      /NOBODY/,
    );
    await refused(
      `mutation { publishVideoMessage(input: { videoId: "NY2015", authorId: "CEO", title: "Again", durationSeconds: 10, audience: [FC], publishedAt: "2015-01-02T09:00:00+09:00" }) { id } }`,
      'CONFLICT',
      /already published/,
    );
    await refused(
      `mutation { publishVideoMessage(input: { authorId: "CEO", title: "x", durationSeconds: 10, audience: [], publishedAt: "2015-01-02T09:00:00+09:00" }) { id } }`,
      'VALIDATION',
      /audience/,
    );
  });
});
