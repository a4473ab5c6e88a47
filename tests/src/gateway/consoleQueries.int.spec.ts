import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/*
 * The queries the console's guests, people and gaps pages ask, on a company small enough to count
 * by hand:
 *   Division A ─ A1 (E11 김하나, E12 김두리, E13 박세나 — all eligible), A2 (E21 이가람, E22 이나래); CEO in A.
 *   Division B ─ B1 (E31 최다온, E32 최라온 eligible; E33 정부장 GENERAL_MANAGER, not eligible).
 *   Café C1 on 2015-03-12 met E13 and E31: café reach A1 1/3, A2 0/2, B1 1/2.
 *   C2 is scheduled for 2030 with 3 seats and E21 invited; C3 (2030) is cancelled.
 */
describe.each(HUB_ENGINES)('console queries on $name', (engine) => {
  let t: HubUnderTest;
  /** Record time after the setup and before C1's attendance was recorded. */
  let beforeAttendance: string;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const GUESTS = `query($sessionId: ID, $count: Int, $asOf: DateTime, $knownAt: DateTime) {
    nextCafeGuests(sessionId: $sessionId, count: $count, asOf: $asOf, knownAt: $knownAt) {
      seats candidates session { id }
      guests { rank employeeId employee { name } team { name orgUnit { id } eligiblePopulation reached eligibleReachRate } divisionId divisionName reason } } }`;
  const ids = (r: Record<string, unknown>) =>
    (r as { nextCafeGuests: { guests: { employeeId: string }[] } }).nextCafeGuests.guests.map((g) => g.employeeId);

  beforeAll(async () => {
    t = await startHub(engine);
    const m = (q: string) => ok(`mutation { ${q} }`);
    const early = 'occurredAt: "2010-01-01T00:00:00Z"';
    await m(`defineOrgUnit(input: { orgUnitId: "A", name: "Division A", kind: DIVISION }, ${early}) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "A1", name: "A1", kind: DEPARTMENT, parentId: "A" }, ${early}) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "A2", name: "A2", kind: DEPARTMENT, parentId: "A" }, ${early}) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "B", name: "Division B", kind: DIVISION }, ${early}) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "B1", name: "B1", kind: DEPARTMENT, parentId: "B" }, ${early}) { id }`);
    const people: [string, string, string, string][] = [
      ['CEO', '대표', 'EXECUTIVE', 'A'],
      ['E11', '김하나', 'STAFF', 'A1'],
      ['E12', '김두리', 'ASSISTANT_MANAGER', 'A1'],
      ['E13', '박세나', 'MANAGER', 'A1'],
      ['E21', '이가람', 'STAFF', 'A2'],
      ['E22', '이나래', 'DEPUTY_GENERAL_MANAGER', 'A2'],
      ['E31', '최다온', 'STAFF', 'B1'],
      ['E32', '최라온', 'STAFF', 'B1'],
      ['E33', '정부장', 'GENERAL_MANAGER', 'B1'],
    ];
    for (const [id, name, grade, unit] of people) {
      await ok(
        `mutation($id: ID!, $name: String!, $grade: Grade!, $unit: ID!) { registerEmployee(input: { employeeId: $id, name: $name, grade: $grade, orgUnitId: $unit, region: "Seoul", hiredOn: "2010-01-04" }) { id } }`,
        { id, name, grade, unit },
      );
    }
    await m(`registerBranch(input: { branchId: "S1", name: "Seocho", region: "Seoul", district: "서초구", seoul: true }, ${early}) { id }`);
    await m(
      `registerBranch(input: { branchId: "S2", name: "Gangnam", region: "Seoul", district: "강남구", seoul: true }, ${early}) { id }`,
    );
    await m(`registerFc(input: { fcId: "F1", name: "한설계", branchId: "S1", hiredOn: "2010-01-04" }) { id }`);
    await m(`recordBranchVisit(input: { branchId: "S2", leaderIds: ["CEO"], visitedAt: "2015-03-05T00:00:00Z", purpose: "Visit" }) { id }`);
    await m(
      `scheduleCafeSession(input: { sessionId: "C1", scheduledAt: "2015-03-12T06:00:00Z", venue: "Café", hostIds: ["CEO"] }, occurredAt: "2015-01-15T09:00:00+09:00") { id }`,
    );
    await m(
      `scheduleCafeSession(input: { sessionId: "C2", scheduledAt: "2030-01-10T06:00:00Z", venue: "Café", hostIds: ["CEO"], capacity: 3 }) { id }`,
    );
    await m(`inviteToCafeSession(input: { sessionId: "C2", employeeId: "E21" }) { id }`);
    await m(`scheduleCafeSession(input: { sessionId: "C3", scheduledAt: "2030-02-10T06:00:00Z", venue: "Café", hostIds: ["CEO"] }) { id }`);
    await m(`cancelCafeSession(input: { sessionId: "C3", reason: "Moved" }) { id }`);
    await new Promise((r) => setTimeout(r, 5));
    beforeAttendance = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    for (const e of ['E13', 'E31'])
      await ok(`mutation($e: ID!) { recordCafeSessionAttendance(input: { sessionId: "C1", employeeId: $e }) { id } }`, { e });
  });
  afterAll(() => t.dispose());

  it('suggests café guests never met, the lowest-reach teams first, in turn from each division, with the reason', async () => {
    const r = await ok(GUESTS, { count: 5 });
    // Never met and eligible: E21, E22 (A2, 0 %), E11, E12 (A1, 1/3), E32 (B1, 1/2); E33 is a 부장.
    // Division A leads with the neediest team; B gives its one in turn.
    expect(ids(r)).toEqual(['E21', 'E32', 'E22', 'E11', 'E12']);
    const first = (r as { nextCafeGuests: { seats: number; candidates: number; session: unknown; guests: Record<string, unknown>[] } })
      .nextCafeGuests;
    expect([first.seats, first.candidates, first.session]).toEqual([5, 5, null]);
    expect(first.guests[0]).toEqual({
      rank: 1,
      employeeId: 'E21',
      employee: { name: '이가람' },
      team: { name: 'A2', orgUnit: { id: 'A2' }, eligiblePopulation: 2, reached: 0, eligibleReachRate: 0 },
      divisionId: 'A',
      divisionName: 'Division A',
      reason: 'Never met at a café session; A2 has met 0 of 2 eligible (0%); Division A division.',
    });
    expect(first.guests[1]).toMatchObject({
      rank: 2,
      team: { name: 'B1', eligiblePopulation: 2, reached: 1, eligibleReachRate: 0.5 },
      divisionName: 'Division B',
    });
    // Fewer asked for: the same order, cut.
    expect(ids(await ok(GUESTS, { count: 2 }))).toEqual(['E21', 'E32']);
  });

  it('fills a scheduled session’s free seats, leaving out whoever is invited already', async () => {
    const r = await ok(GUESTS, { sessionId: 'C2' });
    // 3 seats, E21 invited: two more, from the four left (E22 0 %, E11/E12 1/3, E32 1/2), one per division first.
    expect(ids(r)).toEqual(['E22', 'E32']);
    expect(r).toMatchObject({ nextCafeGuests: { seats: 2, candidates: 4, session: { id: 'C2' } } });
    expect(ids(await ok(GUESTS, { sessionId: 'C2', count: 1 }))).toEqual(['E22']);
  });

  it('answers as of a business moment and as of a record moment', async () => {
    // Before C1 nobody was met: every team at 0 %, so ids decide, divisions in turn (A before B).
    expect(ids(await ok(GUESTS, { count: 5, asOf: '2015-03-01T00:00:00Z' }))).toEqual(['E11', 'E31', 'E12', 'E32', 'E13']);
    // Before the attendance was recorded the hub did not know of it either.
    expect(ids(await ok(GUESTS, { count: 5, knownAt: beforeAttendance }))).toEqual(['E11', 'E31', 'E12', 'E32', 'E13']);
  });

  it('refuses bad arguments with a typed error', async () => {
    await t.refused(`{ nextCafeGuests(count: 0) { seats } }`, 'VALIDATION', /count must be a whole number from 1 to 100/);
    await t.refused(`{ nextCafeGuests(count: 101) { seats } }`, 'VALIDATION', /count/);
    await t.refused(`{ nextCafeGuests(sessionId: "NOPE") { seats } }`, 'NOT_FOUND', /no café session NOPE/);
    await t.refused(`{ nextCafeGuests(sessionId: "C3") { seats } }`, 'VALIDATION', /cancelled/);
    await t.refused(`{ nextCafeGuests(sessionId: "C1") { seats } }`, 'VALIDATION', /already taken place/);
  });

  it('lists the branches left unvisited longest, never visited first, with the last visit', async () => {
    expect(await ok(`{ branches(sortBy: LAST_VISITED_AT, first: 5) { edges { node { id lastVisitedAt } } } }`)).toEqual({
      branches: { edges: [{ node: { id: 'S1', lastVisitedAt: null } }, { node: { id: 'S2', lastVisitedAt: '2015-03-05T00:00:00.000Z' } }] },
    });
  });

  it('shows an FC nobody ever reached, by id', async () => {
    expect(await ok(`{ fc(id: "F1") { id name hiredOn branch { name region } timeline { totalCount } } }`)).toEqual({
      fc: { id: 'F1', name: '한설계', hiredOn: '2010-01-04', branch: { name: 'Seocho', region: 'Seoul' }, timeline: { totalCount: 0 } },
    });
    expect(await ok(`{ fc(id: "NOPE") { id } }`)).toEqual({ fc: null });
    // Before their hire the hub knew no such FC.
    expect(await ok(`{ fc(id: "F1", asOf: "2009-01-01T00:00:00Z") { id } }`)).toEqual({ fc: null });
  });

  it('searches the directory by name or by the start of the number', async () => {
    const SEARCH = `query($q: String) { employees(filter: { search: $q }) { edges { node { id } } } fcs(filter: { search: $q }) { edges { node { id } } } }`;
    const found = async (q: string) => {
      const r = (await ok(SEARCH, { q })) as {
        employees: { edges: { node: { id: string } }[] };
        fcs: { edges: { node: { id: string } }[] };
      };
      return [...r.employees.edges, ...r.fcs.edges].map((e) => e.node.id).sort();
    };
    expect(await found('e1')).toEqual(['E11', 'E12', 'E13']);
    expect(await found('라온')).toEqual(['E32']);
    expect(await found('f1')).toEqual(['F1']);
    expect(await found('설계')).toEqual(['F1']);
    // The middle of a number is no match: numbers are searched by their start.
    expect(await found('11')).toEqual([]);
    expect(await found('  ')).toHaveLength(10);
    await t.refused(
      `{ employees(filter: { search: "${'가'.repeat(101)}" }) { totalCount } }`,
      'VALIDATION',
      /filter.search: at most 100 characters/,
    );
  });

  it('finds customers by name for the roles that may read names, logging each one found', async () => {
    await t.ok(
      `mutation { registerCustomer(input: { customerId: "CU1", branchId: "S1", registeredOn: "2015-01-01", name: "김고객", phone: "010-1111-1111", address: "서울" }) { id } }`,
      undefined,
      'SALES',
    );
    await t.ok(
      `mutation { registerCustomer(input: { customerId: "CU2", branchId: "S1", registeredOn: "2015-01-01", name: "이고객", phone: "010-2222-2222", address: "서울" }) { id } }`,
      undefined,
      'SALES',
    );
    const SEARCH = `query($name: String!) { customerSearch(name: $name) { id personalData { name } } }`;
    expect(await t.ok(SEARCH, { name: '김' }, 'SALES')).toEqual({ customerSearch: [{ id: 'CU1', personalData: { name: '김고객' } }] });
    // Asking only for ids is still learning whose name matches: logged all the same.
    expect(await t.ok(`{ customerSearch(name: "이고") { id } }`, undefined, 'PRIVACY_OFFICER')).toEqual({
      customerSearch: [{ id: 'CU2' }],
    });
    const log = (await t.ok(
      `{ personalDataAccessLog(customerId: "CU2", first: 10) { edges { node { role fields } } } }`,
      undefined,
      'PRIVACY_OFFICER',
    )) as { personalDataAccessLog: { edges: { node: { role: string; fields: string[] } }[] } };
    expect(log.personalDataAccessLog.edges.map((e) => e.node)).toContainEqual({ role: 'PRIVACY_OFFICER', fields: ['NAME'] });
    for (const role of ['VIEWER', 'LEADERSHIP', 'HR', 'ADMIN'] as const) {
      const r = await t.graphql(`{ customerSearch(name: "김") { id } }`, undefined, role);
      expect([role, r.errors?.[0]?.extensions?.code]).toEqual([role, 'FORBIDDEN']);
    }
    await t.refused(`{ customerSearch(name: " ") { id } }`, 'VALIDATION', /name: give 1 to 100 characters/, undefined, 'SALES');
    await t.refused(`{ customerSearch(name: "김", first: 51) { id } }`, 'VALIDATION', /first must be between 1 and 50/, undefined, 'SALES');
    // Erased is erased: no longer found by name.
    await t.ok(
      `mutation { eraseCustomerPersonalData(input: { customerId: "CU1", erasedOn: "2016-01-01" }) { id } }`,
      undefined,
      'PRIVACY_OFFICER',
    );
    expect(await t.ok(`{ customerSearch(name: "고객") { id } }`, undefined, 'SALES')).toEqual({ customerSearch: [{ id: 'CU2' }] });
  });

  it('pages through a gap list with after/endCursor, the pages together the whole list', async () => {
    const PAGE = `query($after: String, $first: Int) { gaps(population: EMPLOYEE, at: "2016-01-01T00:00:00+09:00", days: 30, first: $first, after: $after) { total hasNextPage endCursor people { personId } } }`;
    type Gaps = { gaps: { total: number; hasNextPage: boolean; endCursor: string | null; people: { personId: string }[] } };
    const whole = ((await ok(PAGE, { first: 500 })) as Gaps).gaps;
    expect([whole.total, whole.people.length, whole.hasNextPage]).toEqual([9, 9, false]);
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Gaps['gaps'] = ((await ok(PAGE, { first: 4, after })) as Gaps).gaps;
      expect(page.total).toBe(9);
      paged.push(...page.people.map((p) => p.personId));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(paged).toEqual(whole.people.map((p) => p.personId));
    // Past the end: an empty page that still counts the whole list.
    const beyond = (
      (await ok(PAGE, {
        first: 4,
        after: Buffer.from(JSON.stringify(['gaps', '2999-12-31 00:00:00+00', 'zzz'])).toString('base64url'),
      })) as Gaps
    ).gaps;
    expect(beyond).toEqual({ total: 9, hasNextPage: false, endCursor: null, people: [] });
    await t.refused(
      `{ gaps(population: EMPLOYEE, at: "2016-01-01T00:00:00+09:00", days: 30, after: "nonsense") { total } }`,
      'VALIDATION',
      /after: invalid cursor/,
    );
    for (const forged of [
      ['gaps', '40'],
      ['gaps', '1e400', 'E1'],
      ['gaps', 'yesterday', 'E1'],
      ['gaps', '', ''],
      ['gaps', "2015-01-01 00:00:00+00'; --", 'E1'],
      ['offset', '3'],
    ]) {
      await t.refused(
        `query($after: String) { gaps(population: EMPLOYEE, at: "2016-01-01T00:00:00+09:00", days: 30, after: $after) { total } }`,
        'VALIDATION',
        /after: invalid cursor/,
        { after: Buffer.from(JSON.stringify(forged)).toString('base64url') },
      );
    }
    await t.refused(
      `{ gaps(population: EMPLOYEE, at: "2016-01-01T00:00:00+09:00", days: 30, first: 501) { total } }`,
      'VALIDATION',
      /first must be between 0 and 500/,
    );
  });

  // Last: it records an attendance the tests above do not expect.
  it('pages on after the last person shown, so someone reached meanwhile moves no one else across pages', async () => {
    const PAGE = `query($after: String) { gaps(population: EMPLOYEE, at: "2016-01-01T00:00:00+09:00", days: 400, first: 3, after: $after) { hasNextPage endCursor people { personId } } }`;
    type Gaps = { gaps: { hasNextPage: boolean; endCursor: string | null; people: { personId: string }[] } };
    const first = ((await ok(PAGE)) as Gaps).gaps;
    expect(first.people.map((p) => p.personId)).toEqual(['CEO', 'E11', 'E12']);
    // E11, on the page already shown, is met (a walk-in at C1) before the next page is asked.
    await ok(`mutation { recordCafeSessionAttendance(input: { sessionId: "C1", employeeId: "E11" }) { id } }`);
    const rest: string[] = [];
    let after = first.endCursor;
    for (let i = 0; i < 5 && after; i++) {
      const page: Gaps['gaps'] = ((await ok(PAGE, { after })) as Gaps).gaps;
      rest.push(...page.people.map((p) => p.personId));
      after = page.hasNextPage ? page.endCursor : null;
    }
    // An offset would have started the next page at the fourth of the shortened list and skipped E21.
    expect(rest).toEqual(['E21', 'E22', 'E32', 'E33']);
  });
  // Last, because it adds touches the gap lists above would count.
  it('gives employee reach of every org unit through every channel or one (the heatmap of org unit × month)', async () => {
    await ok(
      `mutation { recordTownHall(input: { townHallId: "TH-MAR", scheduledAt: "2015-03-20T09:00:00Z", format: LECTURE, theme: "Q1", venue: "Hall", presenterIds: ["CEO"], attendance: [{ employeeId: "E11" }, { employeeId: "E22" }] }, occurredAt: "2015-03-21T09:00:00+09:00") { id } }`,
    );
    const REACH = `query($channel: Channel) {
      employeeReachByOrgUnit(period: { fromDay: "2015-03-01", toDay: "2015-03-31" }, channel: $channel) { orgUnitId reached population }
      cafeSessionReachByOrgUnit(period: { fromDay: "2015-03-01", toDay: "2015-03-31" }) { orgUnitId reached population } }`;
    type Rows = Record<
      'employeeReachByOrgUnit' | 'cafeSessionReachByOrgUnit',
      { orgUnitId: string; reached: number; population: number }[]
    >;
    const reached = (rows: Rows[keyof Rows]) => Object.fromEntries(rows.map((r) => [r.orgUnitId, r.reached]));
    const any = (await ok(REACH)) as Rows;
    // E13 and E31 at the café, E11 and E22 at the town hall.
    expect(reached(any.employeeReachByOrgUnit)).toEqual({ COMPANY: 4, A: 3, A1: 2, A2: 1, B: 1, B1: 1 });
    const townHall = (await ok(REACH, { channel: 'TOWN_HALL' })) as Rows;
    expect(reached(townHall.employeeReachByOrgUnit)).toEqual({ COMPANY: 2, A: 2, A1: 1, A2: 1, B: 0, B1: 0 });
    const cafe = (await ok(REACH, { channel: 'CAFE_SESSION' })) as Rows;
    expect(cafe.employeeReachByOrgUnit).toEqual(cafe.cafeSessionReachByOrgUnit);
    await t.refused(
      `{ employeeReachByOrgUnit(period: { fromDay: "2015-03-31", toDay: "2015-03-01" }) { orgUnitId } }`,
      'VALIDATION',
      /fromDay must not be after/,
    );
  });
});
