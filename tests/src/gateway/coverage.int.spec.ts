import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

type Result = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

/*
 * A small company where every figure can be counted by hand:
 *   HQ ─ IT (E1 사원, E2 대리, E3 과장 — E3 left 2015-02-28), FIN (E4 사원); CEO and CSO in HQ.
 *   Branches: P (PRIDE since 2014-07-01, Seoul) with FC1, FC2; N (Busan) with FC3.
 *   March 2015: café with the CEO (E1, E2); town hall by the CSO (E1); video by the CEO seen by E4 and FC3;
 *   branch visit by the CSO to P meeting FC1.
 */
describe.each(HUB_ENGINES)('coverage and gaps on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const march = { from: '2015-03-01T00:00:00Z', to: '2015-04-01T00:00:00Z' };
  const COVERAGE = `query($population: Population!, $segment: SegmentInput, $period: PeriodInput!, $channel: Channel, $leaderId: ID) {
    coverage(population: $population, segment: $segment, period: $period, channel: $channel, leaderId: $leaderId) {
      population reached reachRate touches frequency averageDaysSinceLastTouch
      byChannel { channel reached touches } byLeader { leader { id } reached touches } } }`;

  beforeAll(async () => {
    t = await startHub(engine);
    const m = (q: string) => ok(`mutation { ${q} }`);
    await m(`defineOrgUnit(input: { orgUnitId: "HQ", name: "HQ", kind: DIVISION }) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "IT", name: "IT", kind: DEPARTMENT, parentId: "HQ" }) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "FIN", name: "Finance", kind: DEPARTMENT, parentId: "HQ" }) { id }`);
    await m(`registerEmployee(input: { employeeId: "CEO", name: "CEO", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul" }) { id }`);
    await m(`registerEmployee(input: { employeeId: "CSO", name: "CSO", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul" }) { id }`);
    await m(
      `registerEmployee(input: { employeeId: "E1", name: "E1", grade: STAFF, orgUnitId: "IT", region: "Seoul", hiredOn: "2010-01-04" }) { id }`,
    );
    await m(
      `registerEmployee(input: { employeeId: "E2", name: "E2", grade: ASSISTANT_MANAGER, orgUnitId: "IT", region: "Seoul", hiredOn: "2010-01-04" }) { id }`,
    );
    await m(
      `registerEmployee(input: { employeeId: "E3", name: "E3", grade: MANAGER, orgUnitId: "IT", region: "Seoul", hiredOn: "2010-01-04" }) { id }`,
    );
    await m(`recordEmployeeLeft(input: { employeeId: "E3", leftOn: "2015-02-28" }) { id }`);
    await m(
      `registerEmployee(input: { employeeId: "E4", name: "E4", grade: STAFF, orgUnitId: "FIN", region: "Busan", hiredOn: "2010-01-04" }) { id }`,
    );
    await m(`registerBranch(input: { branchId: "P", name: "P", region: "Seoul", district: "서초구", seoul: true }) { id }`);
    await m(`enrollBranchInPride(input: { branchId: "P", since: "2014-07-01" }) { id }`);
    await m(`registerBranch(input: { branchId: "N", name: "N", region: "Busan", district: "해운대구", seoul: false }) { id }`);
    await m(`registerFc(input: { fcId: "FC1", name: "FC1", branchId: "P", hiredOn: "2010-01-04" }) { id }`);
    await m(`registerFc(input: { fcId: "FC2", name: "FC2", branchId: "P", hiredOn: "2010-01-04" }) { id }`);
    await m(`registerFc(input: { fcId: "FC3", name: "FC3", branchId: "N", hiredOn: "2010-01-04" }) { id }`);

    await m(
      `scheduleCafeSession(input: { sessionId: "C1", scheduledAt: "2015-03-12T06:00:00Z", venue: "Café", hostIds: ["CEO"] }, occurredAt: "2015-01-15T09:00:00+09:00") { id }`,
    );
    for (const e of ['E1', 'E2'])
      await ok(`mutation($e: ID!) { recordCafeSessionAttendance(input: { sessionId: "C1", employeeId: $e }) { id } }`, { e });
    await m(
      `scheduleTownHall(input: { townHallId: "T1", scheduledAt: "2015-03-20T09:00:00Z", format: LECTURE, theme: "Q1", venue: "HQ", presenterIds: ["CSO"] }, occurredAt: "2015-01-15T09:00:00+09:00") { id }`,
    );
    await m(`recordTownHallAttendance(input: { townHallId: "T1", employeeId: "E1" }) { id }`);
    await m(
      `publishVideoMessage(input: { videoId: "V1", authorId: "CEO", title: "V", durationSeconds: 60, audience: [EMPLOYEE, FC], publishedAt: "2015-03-01T00:00:00Z" }) { id }`,
    );
    await m(
      `recordVideoView(input: { videoId: "V1", viewerKind: EMPLOYEE, viewerId: "E4", secondsWatched: 60, viewedAt: "2015-03-25T00:00:00Z" }) { id }`,
    );
    await m(
      `recordVideoView(input: { videoId: "V1", viewerKind: FC, viewerId: "FC3", secondsWatched: 30, viewedAt: "2015-03-26T00:00:00Z" }) { id }`,
    );
    await m(
      `recordBranchVisit(input: { branchId: "P", leaderIds: ["CSO"], visitedAt: "2015-03-05T00:00:00Z", purpose: "Visit", fcIds: ["FC1"] }) { id }`,
    );
  });
  afterAll(() => t.dispose());

  it('measures reach, frequency and recency of employees, by channel and by leader', async () => {
    const it = await ok(COVERAGE, { population: 'EMPLOYEE', segment: { orgUnitId: 'IT' }, period: march });
    // E3 left before March: IT had E1 and E2. E1: café + town hall; E2: café.
    expect(it).toEqual({
      coverage: {
        population: 2,
        reached: 2,
        reachRate: 1,
        touches: 3,
        frequency: 1.5,
        averageDaysSinceLastTouch: expect.closeTo((31 - 19 - 9 / 24 + (31 - 11 - 6 / 24)) / 2, 5),
        byChannel: [
          { channel: 'CAFE_SESSION', reached: 2, touches: 2 },
          { channel: 'TOWN_HALL', reached: 1, touches: 1 },
        ],
        byLeader: [
          { leader: { id: 'CEO' }, reached: 2, touches: 2 },
          { leader: { id: 'CSO' }, reached: 1, touches: 1 },
        ],
      },
    });
    const hq = await ok(COVERAGE, { population: 'EMPLOYEE', segment: { orgUnitId: 'HQ' }, period: march, channel: 'VIDEO_MESSAGE' });
    // HQ's subtree in March: CEO, CSO, E1, E2, E4; only E4 watched the video.
    expect(hq).toMatchObject({
      coverage: { population: 5, reached: 1, touches: 1, byChannel: [{ channel: 'VIDEO_MESSAGE', reached: 1, touches: 1 }] },
    });
    const byCso = await ok(COVERAGE, { population: 'EMPLOYEE', segment: { grade: 'STAFF' }, period: march, leaderId: 'CSO' });
    expect(byCso).toMatchObject({ coverage: { population: 2, reached: 1, touches: 1 } });
  });

  it('measures FCs by branch, region and PRIDE side by side', async () => {
    const pride = await ok(COVERAGE, { population: 'FC', segment: { pride: true }, period: march });
    const other = await ok(COVERAGE, { population: 'FC', segment: { pride: false }, period: march });
    expect(pride).toMatchObject({
      coverage: { population: 2, reached: 1, reachRate: 0.5, byChannel: [{ channel: 'BRANCH_VISIT', reached: 1, touches: 1 }] },
    });
    expect(other).toMatchObject({
      coverage: { population: 1, reached: 1, reachRate: 1, byChannel: [{ channel: 'VIDEO_MESSAGE', reached: 1, touches: 1 }] },
    });
    expect(await ok(COVERAGE, { population: 'FC', segment: { region: 'Busan' }, period: march })).toMatchObject({
      coverage: { population: 1 },
    });
    // PRIDE "as of the period": before July 2014, P was not yet a PRIDE branch.
    expect(
      await ok(COVERAGE, {
        population: 'FC',
        segment: { pride: true },
        period: { from: '2014-01-01T00:00:00Z', to: '2014-02-01T00:00:00Z' },
      }),
    ).toMatchObject({
      coverage: { population: 0 },
    });
  });

  it('lists who was left out, never-reached first', async () => {
    const GAPS = `query($segment: SegmentInput) { gaps(population: EMPLOYEE, segment: $segment, at: "2015-04-01T00:00:00Z", days: 30) { total people { personId lastTouchedAt employee { name } } } }`;
    expect(await ok(GAPS, { segment: { orgUnitId: 'HQ' } })).toEqual({
      gaps: {
        total: 2,
        people: [
          { personId: 'CEO', lastTouchedAt: null, employee: { name: 'CEO' } },
          { personId: 'CSO', lastTouchedAt: null, employee: { name: 'CSO' } },
        ],
      },
    });
    const fcGaps = await ok(
      `{ gaps(population: FC, at: "2015-04-01T00:00:00Z", days: 30) { total people { personId fc { branch { id } } } } }`,
    );
    expect(fcGaps).toEqual({ gaps: { total: 1, people: [{ personId: 'FC2', fc: { branch: { id: 'P' } } }] } });
  });

  it('gives reach per Korean month in one question, each month as coverage of that month', async () => {
    const BY_MONTH = `query($population: Population!, $segment: SegmentInput, $channel: Channel) {
      coverageByMonth(population: $population, segment: $segment, fromMonth: "2015-01", toMonth: "2015-04", channel: $channel) {
        month from to population reached reachRate touches } }`;
    // IT: E3 was there until 2015-02-28; in March E1 (café, town hall) and E2 (café) were met.
    const it = (await ok(BY_MONTH, { population: 'EMPLOYEE', segment: { orgUnitId: 'IT' } })) as {
      coverageByMonth: { month: string; from: string; to: string; population: number; reached: number; touches: number }[];
    };
    expect(it.coverageByMonth.map((m) => [m.month, m.population, m.reached, m.touches])).toEqual([
      ['2015-01', 3, 0, 0],
      ['2015-02', 3, 0, 0],
      ['2015-03', 2, 2, 3],
      ['2015-04', 2, 0, 0],
    ]);
    expect(it.coverageByMonth[2]).toMatchObject({ from: '2015-02-28T15:00:00.000Z', to: '2015-03-31T15:00:00.000Z', reachRate: 1 });
    for (const m of it.coverageByMonth) {
      const alone = (await ok(COVERAGE, { population: 'EMPLOYEE', segment: { orgUnitId: 'IT' }, period: { from: m.from, to: m.to } })) as {
        coverage: { population: number; reached: number; touches: number };
      };
      expect([m.population, m.reached, m.touches]).toEqual([alone.coverage.population, alone.coverage.reached, alone.coverage.touches]);
    }
    expect(await ok(BY_MONTH, { population: 'FC', segment: { pride: true }, channel: 'BRANCH_VISIT' })).toMatchObject({
      coverageByMonth: [
        { population: 2, reached: 0 },
        { population: 2, reached: 0 },
        { population: 2, reached: 1, touches: 1 },
        { reached: 0 },
      ],
    });
    await t.refused(
      `{ coverageByMonth(population: FC, fromMonth: "2015-04", toMonth: "2015-01") { month } }`,
      'VALIDATION',
      /fromMonth must not be after toMonth/,
    );
    await t.refused(`{ coverageByMonth(population: FC, fromMonth: "2015-4", toMonth: "2015-05") { month } }`, 'VALIDATION', /YYYY-MM/);
    await t.refused(
      `{ coverageByMonth(population: FC, fromMonth: "9999-11", toMonth: "9999-12") { month } }`,
      'VALIDATION',
      /fromMonth must fall in the years 1900 to 2999/,
    );
    // Customers' months are guarded as coverage is: too few customers, and roles without customer-level access see none.
    await t.refused(
      `{ coverageByMonth(population: CUSTOMER, fromMonth: "2015-01", toMonth: "2015-02") { month reached } }`,
      'GROUP_TOO_SMALL',
      /Fewer than 5 customers/,
      undefined,
      'VIEWER',
    );
  });

  it('refuses segments that do not fit the population', async () => {
    const r: Result = await t.graphql(COVERAGE, { population: 'EMPLOYEE', segment: { pride: true }, period: march });
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    const g: Result = await t.graphql(`{ gaps(population: FC, at: "2015-04-01T00:00:00Z", days: 0) { total } }`);
    expect(g.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
