import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

const REGISTER = `mutation($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id grade } }`;
const SCHEDULE = `mutation($input: ScheduleCafeSessionInput!, $commandId: String, $occurredAt: DateTime) {
  scheduleCafeSession(input: $input, commandId: $commandId, occurredAt: $occurredAt) { id scheduledAt venue capacity status invitedCount hosts { id } } }`;
const INVITE = `mutation($input: InviteEmployeeInput!, $commandId: String) { inviteToCafeSession(input: $input, commandId: $commandId) { id invitedCount } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordCafeSessionAttendance(input: $input) { id attendedCount } }`;
const SESSION = `query($id: ID!) { cafeSession(id: $id) {
  id status attendedCount invitedCount
  participants { employeeId invited attended walkIn employee { name } }
  questions { id topic anonymous askedBy { id } answered answer answerMode answeredBy { id } }
  followUps { id description dueOn completedOn owner { id } } } }`;
const REACH = `query($period: PeriodInput!, $hostId: ID) { cafeSessionReachByOrgUnit(period: $period, hostId: $hostId) { orgUnitId population eligiblePopulation reached reachRate } }`;

describe.each(HUB_ENGINES)('GraphQL gateway over the real stack on $name', (engine) => {
  let t: HubUnderTest;
  const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startHub(engine);
    const DEFINE = `mutation($input: DefineOrgUnitInput!) { defineOrgUnit(input: $input) { id } }`;
    for (const input of [
      { orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION' },
      { orgUnitId: 'EXEC', name: 'Executive Office', kind: 'DEPARTMENT', parentId: 'HQ' },
      { orgUnitId: 'FIN', name: 'Finance', kind: 'DEPARTMENT', parentId: 'HQ' },
      { orgUnitId: 'MKT', name: 'Marketing', kind: 'DEPARTMENT', parentId: 'HQ' },
    ]) {
      expect((await t.graphql(DEFINE, { input })).errors).toBeUndefined();
    }
    const people = [
      { employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'EXEC', region: 'Seoul', title: 'CEO' },
      { employeeId: 'CFO', name: '한재무', grade: 'EXECUTIVE', orgUnitId: 'EXEC', region: 'Seoul', title: 'CFO' },
      { employeeId: 'GM1', name: '박부장', grade: 'GENERAL_MANAGER', orgUnitId: 'FIN', region: 'Seoul' },
      ...Array.from({ length: 6 }, (_, i) => ({
        employeeId: `F${i}`,
        name: `재무 ${i}`,
        grade: 'STAFF',
        orgUnitId: 'FIN',
        region: 'Seoul',
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        employeeId: `M${i}`,
        name: `마케팅 ${i}`,
        grade: 'MANAGER',
        orgUnitId: 'MKT',
        region: 'Busan',
      })),
    ];
    for (const input of people) {
      const r = await t.graphql(REGISTER, { input });
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(() => t.dispose());

  const schedule = async (id: string, scheduledAt: string, extra: Record<string, unknown> = {}) => {
    const r = await t.graphql<{ scheduleCafeSession: { id: string } }>(SCHEDULE, {
      input: { sessionId: id, scheduledAt, venue: 'Café Bene, Yeouido', hostIds: ['CEO'], ...extra },
      // These sessions lie in the past: recorded as history, scheduled two weeks before.
      occurredAt: new Date(Date.parse(scheduledAt) - 14 * 86_400_000).toISOString(),
    });
    expect(r.errors).toBeUndefined();
    return r.data!.scheduleCafeSession;
  };
  const head = () => t.hub.store.headPosition();

  it('runs a café session end to end: mutation → service → events → projection → query', async () => {
    const created = await t.graphql(SCHEDULE, {
      input: { sessionId: 'S-e2e', scheduledAt: '2015-03-12T15:00:00+09:00', venue: 'Café Bene, Yeouido', hostIds: ['CEO'] },
      occurredAt: '2015-02-26T09:00:00+09:00',
    });
    expect(created).toEqual({
      data: {
        scheduleCafeSession: {
          id: 'S-e2e',
          scheduledAt: '2015-03-12T06:00:00.000Z',
          venue: 'Café Bene, Yeouido',
          capacity: 10,
          status: 'SCHEDULED',
          invitedCount: 0,
          hosts: [{ id: 'CEO' }],
        },
      },
    });
    for (const e of ['F0', 'F1', 'M0'])
      expect((await t.graphql(INVITE, { input: { sessionId: 'S-e2e', employeeId: e } })).errors).toBeUndefined();
    for (const e of ['F0', 'M0', 'M1'])
      expect((await t.graphql(ATTEND, { input: { sessionId: 'S-e2e', employeeId: e } })).errors).toBeUndefined();
    const q = await t.graphql<{ raiseCafeSessionQuestion: { id: string } }>(
      `mutation { raiseCafeSessionQuestion(input: { sessionId: "S-e2e", topic: "career", text: "How do I grow?", askedBy: "F0" }) { id } }`,
    );
    const questionId = q.data!.raiseCafeSessionQuestion.id;
    await t.graphql(
      `mutation($q: ID!) { answerCafeSessionQuestion(input: { sessionId: "S-e2e", questionId: $q, answeredBy: "CEO", mode: FOLLOWED_UP, answer: "By e-mail" }) { id } }`,
      { q: questionId },
    );
    const f = await t.graphql<{ assignCafeSessionFollowUp: { id: string; dueOn: string } }>(
      `mutation($q: ID!) { assignCafeSessionFollowUp(input: { sessionId: "S-e2e", questionId: $q, description: "Send the career ladder", ownerId: "CEO", dueOn: "2015-03-31" }) { id dueOn } }`,
      { q: questionId },
    );
    expect(f.data!.assignCafeSessionFollowUp.dueOn).toBe('2015-03-31');
    await t.graphql(
      `mutation($f: ID!) { completeCafeSessionFollowUp(input: { sessionId: "S-e2e", followUpId: $f, completedOn: "2015-03-20" }) { id } }`,
      { f: f.data!.assignCafeSessionFollowUp.id },
    );
    await t.graphql(
      `mutation { raiseCafeSessionQuestion(input: { sessionId: "S-e2e", topic: "personal", text: "Secret?", anonymous: true, askedBy: "M0" }) { id } }`,
    );

    const session = await t.graphql<{ cafeSession: Record<string, unknown> }>(SESSION, { id: 'S-e2e' });
    expect(session.data!.cafeSession).toMatchObject({
      status: 'SCHEDULED',
      invitedCount: 3,
      attendedCount: 3,
      participants: [
        { employeeId: 'F0', invited: true, attended: true, walkIn: false },
        { employeeId: 'F1', invited: true, attended: false, walkIn: false },
        { employeeId: 'M0', invited: true, attended: true, walkIn: false },
        { employeeId: 'M1', invited: false, attended: true, walkIn: true },
      ],
      questions: [
        { topic: 'career', anonymous: false, askedBy: { id: 'F0' }, answered: true, answerMode: 'FOLLOWED_UP', answeredBy: { id: 'CEO' } },
        { topic: 'personal', anonymous: true, askedBy: null, answered: false },
      ],
      followUps: [{ description: 'Send the career ladder', dueOn: '2015-03-31', completedOn: '2015-03-20', owner: { id: 'CEO' } }],
    });

    const employee = await t.graphql<{
      employee: { touches: { channel: string; touchedAt: string; leader: { id: string } }[]; lastTouchedAt: string };
    }>(`{ employee(id: "M1") { touches { channel mode touchedAt leader { id } } lastTouchedAt } }`);
    expect(employee.data!.employee).toEqual({
      touches: [{ channel: 'CAFE_SESSION', mode: 'FACE_TO_FACE', touchedAt: '2015-03-12T06:00:00.000Z', leader: { id: 'CEO' } }],
      lastTouchedAt: '2015-03-12T06:00:00.000Z',
    });

    const reach = await t.graphql<{ cafeSessionReachByOrgUnit: unknown[] }>(REACH, {
      period: { from: '2015-03-01T00:00:00+09:00', to: '2015-04-01T00:00:00+09:00' },
    });
    expect(reach.data!.cafeSessionReachByOrgUnit).toEqual([
      // The company-wide root first: every employee present, whichever division.
      { orgUnitId: 'COMPANY', population: 13, eligiblePopulation: 10, reached: 3, reachRate: 3 / 13 },
      { orgUnitId: 'EXEC', population: 2, eligiblePopulation: 0, reached: 0, reachRate: 0 },
      { orgUnitId: 'FIN', population: 7, eligiblePopulation: 6, reached: 1, reachRate: 1 / 7 },
      { orgUnitId: 'HQ', population: 13, eligiblePopulation: 10, reached: 3, reachRate: 3 / 13 },
      { orgUnitId: 'MKT', population: 4, eligiblePopulation: 4, reached: 2, reachRate: 0.5 },
    ]);
    const otherMonth = await t.graphql<{ cafeSessionReachByOrgUnit: { reached: number }[] }>(REACH, {
      period: { from: '2015-04-01T00:00:00+09:00', to: '2015-05-01T00:00:00+09:00' },
    });
    expect(otherMonth.data!.cafeSessionReachByOrgUnit.map((r) => r.reached)).toEqual([0, 0, 0, 0, 0]);
    const otherHost = await t.graphql<{ cafeSessionReachByOrgUnit: { reached: number }[] }>(REACH, {
      period: { from: '2015-03-01T00:00:00+09:00', to: '2015-04-01T00:00:00+09:00' },
      hostId: 'GM1',
    });
    expect(otherHost.data!.cafeSessionReachByOrgUnit.map((r) => r.reached)).toEqual([0, 0, 0, 0, 0]);
  });

  it('reports two-way figures: questions answered and follow-ups still open', async () => {
    // From the end-to-end session above (questions raised "now"): one named question answered, one anonymous still open;
    // the follow-up was completed on 2015-03-20.
    const w = await t.graphql<{
      twoWay: {
        questions: Record<string, unknown>;
        byChannel: { channel: string }[];
        byAnsweringLeader: { leader: { id: string }; answered: number }[];
      };
    }>(
      `{ twoWay(period: { from: "2015-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }) {
          questions { raised answered answeredRate } byChannel { channel } byAnsweringLeader { leader { id } answered } } }`,
    );
    expect(w.data!.twoWay).toEqual({
      questions: { raised: 2, answered: 1, answeredRate: 0.5 },
      byChannel: [{ channel: 'CAFE_SESSION' }],
      byAnsweringLeader: [{ leader: { id: 'CEO' }, answered: 1 }],
    });
    const open = await t.graphql<{ openFollowUps: { description: string; overdue: boolean; ageDays: number }[] }>(
      `{ openFollowUps(at: "2015-03-15T00:00:00Z") { description overdue ageDays } }`,
    );
    expect(open.data!.openFollowUps).toEqual([{ description: 'Send the career ladder', overdue: false, ageDays: 2 }]);
    const later = await t.graphql<{ openFollowUps: unknown[] }>(`{ openFollowUps(at: "2015-04-15T00:00:00Z") { id } }`);
    expect(later.data!.openFollowUps).toEqual([]);
    // Completed on 2015-03-20, a Seoul day: done from 00:00 KST (15:00 UTC the day before), open until then.
    const lastEvening = await t.graphql<{ openFollowUps: unknown[] }>(`{ openFollowUps(at: "2015-03-19T14:59:00Z") { id } }`);
    expect(lastEvening.data!.openFollowUps).toHaveLength(1);
    const pastMidnightInSeoul = await t.graphql<{ openFollowUps: unknown[] }>(`{ openFollowUps(at: "2015-03-19T15:01:00Z") { id } }`);
    expect(pastMidnightInSeoul.data!.openFollowUps).toEqual([]);
  });

  describe('refusals: typed errors, nothing appended', () => {
    beforeAll(async () => {
      await schedule('S-bad', '2015-04-09T15:00:00+09:00', { capacity: 1 });
      await t.graphql(INVITE, { input: { sessionId: 'S-bad', employeeId: 'F2' } });
    });

    it.each([
      ['a 부장 invited', INVITE, { input: { sessionId: 'S-bad', employeeId: 'GM1' } }, 'FORBIDDEN_BY_RULE', /차장/],
      ['an executive invited', INVITE, { input: { sessionId: 'S-bad', employeeId: 'CFO' } }, 'FORBIDDEN_BY_RULE', /임원/],
      ['a full session', INVITE, { input: { sessionId: 'S-bad', employeeId: 'F3' } }, 'FORBIDDEN_BY_RULE', /full/],
      ['a duplicate invitation', INVITE, { input: { sessionId: 'S-bad', employeeId: 'F2' } }, 'CONFLICT', /already invited/],
      ['an unknown employee', INVITE, { input: { sessionId: 'S-bad', employeeId: 'NOBODY' } }, 'NOT_FOUND', /NOBODY/],
      ['an unknown session', INVITE, { input: { sessionId: 'S-none', employeeId: 'F3' } }, 'NOT_FOUND', /S-none/],
      [
        'a malformed date',
        SCHEDULE,
        { input: { scheduledAt: '2015-02-30T10:00:00+09:00', venue: 'x', hostIds: ['CEO'] } },
        'VALIDATION',
        /DateTime/,
      ],
      [
        'a date without offset',
        SCHEDULE,
        { input: { scheduledAt: '2015-02-10 10:00', venue: 'x', hostIds: ['CEO'] } },
        'VALIDATION',
        /offset/,
      ],
      [
        'an empty venue',
        SCHEDULE,
        { input: { scheduledAt: '2015-02-10T10:00:00+09:00', venue: '  ', hostIds: ['CEO'] } },
        'VALIDATION',
        /venue/,
      ],
      ['no host', SCHEDULE, { input: { scheduledAt: '2015-02-10T10:00:00+09:00', venue: 'x', hostIds: [] } }, 'VALIDATION', /host/],
      [
        'a session in the past without occurredAt',
        SCHEDULE,
        { input: { scheduledAt: '2015-02-10T10:00:00+09:00', venue: 'x', hostIds: ['CEO'] } },
        'VALIDATION',
        /scheduling is for the future.*occurredAt/,
      ],
      [
        'history claimed to happen in the future',
        SCHEDULE,
        { input: { scheduledAt: '2015-02-10T10:00:00+09:00', venue: 'x', hostIds: ['CEO'] }, occurredAt: '2099-01-01T00:00:00Z' },
        'VALIDATION',
        /in the future/,
      ],
      [
        'a session scheduled twice',
        SCHEDULE,
        { input: { sessionId: 'S-bad', scheduledAt: '2015-02-10T10:00:00+09:00', venue: 'x', hostIds: ['CEO'] } },
        'CONFLICT',
        /already scheduled/,
      ],
      [
        'an unknown question answered',
        `mutation { answerCafeSessionQuestion(input: { sessionId: "S-bad", questionId: "Q-none", answeredBy: "CEO", mode: LIVE, answer: "x" }) { id } }`,
        {},
        'NOT_FOUND',
        /Q-none/,
      ],
      ['an unknown field', `{ cafeSessions { nope } }`, {}, 'VALIDATION', /nope/],
    ])('%s', async (_, query, variables, code, message) => {
      const before = await head();
      const r = await t.graphql(query, variables);
      expect(codeOf(r)).toBe(code);
      expect(r.errors![0]!.message).toMatch(message);
      expect(await head()).toBe(before);
    });

    it('attendance at a cancelled session', async () => {
      await schedule('S-cancel', '2015-04-23T15:00:00+09:00');
      await t.graphql(INVITE, { input: { sessionId: 'S-cancel', employeeId: 'F3' } });
      await t.graphql(`mutation { cancelCafeSession(input: { sessionId: "S-cancel", reason: "Typhoon" }) { status } }`);
      const before = await head();
      const r = await t.graphql(ATTEND, { input: { sessionId: 'S-cancel', employeeId: 'F3' } });
      expect(codeOf(r)).toBe('FORBIDDEN_BY_RULE');
      expect(r.errors![0]!.message).toMatch(/cancelled/);
      expect(await head()).toBe(before);
    });

    it('a retried mutation with the same command id is recorded once', async () => {
      await schedule('S-retry', '2015-05-07T15:00:00+09:00');
      const first = await t.graphql(INVITE, { input: { sessionId: 'S-retry', employeeId: 'F4' }, commandId: 'retry-1' });
      const before = await head();
      const again = await t.graphql(INVITE, { input: { sessionId: 'S-retry', employeeId: 'F4' }, commandId: 'retry-1' });
      expect(again).toEqual(first);
      expect(await head()).toBe(before);
    });
  });

  it('answers "known at" a past moment (record time), nested fields included', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const beforeAll = new Date().toISOString();
    await sleep(5);
    await schedule('S-asof', '2015-06-11T15:00:00+09:00');
    await t.graphql(INVITE, { input: { sessionId: 'S-asof', employeeId: 'F5' } });
    await sleep(5);
    const invitedOnly = new Date().toISOString();
    await sleep(5);
    await t.graphql(ATTEND, { input: { sessionId: 'S-asof', employeeId: 'F5' } });
    const AT = `query($knownAt: DateTime) {
      cafeSession(id: "S-asof", knownAt: $knownAt) { invitedCount attendedCount participants { attended employee { name } } hosts { id } }
      employee(id: "F5", knownAt: $knownAt) { touches { channel } lastTouchedAt }
      cafeSessionReachByOrgUnit(period: { from: "2015-06-01T00:00:00Z", to: "2015-07-01T00:00:00Z" }, orgUnitId: "FIN", knownAt: $knownAt) { reached }
    }`;
    expect((await t.graphql(AT, { knownAt: beforeAll })).data).toEqual({
      cafeSession: null,
      employee: { touches: [], lastTouchedAt: null },
      cafeSessionReachByOrgUnit: [{ reached: 0 }],
    });
    expect((await t.graphql(AT, { knownAt: invitedOnly })).data).toEqual({
      cafeSession: {
        invitedCount: 1,
        attendedCount: 0,
        participants: [{ attended: false, employee: { name: '재무 5' } }],
        hosts: [{ id: 'CEO' }],
      },
      employee: { touches: [], lastTouchedAt: null },
      cafeSessionReachByOrgUnit: [{ reached: 0 }],
    });
    expect((await t.graphql(AT, {})).data).toEqual({
      cafeSession: {
        invitedCount: 1,
        attendedCount: 1,
        participants: [{ attended: true, employee: { name: '재무 5' } }],
        hosts: [{ id: 'CEO' }],
      },
      employee: { touches: [{ channel: 'CAFE_SESSION' }], lastTouchedAt: '2015-06-11T06:00:00.000Z' },
      cafeSessionReachByOrgUnit: [{ reached: 1 }],
    });
    // As of (business time) a day before they were hired, an employee is not there either.
    expect((await t.graphql(`{ employee(id: "F5", asOf: "2000-01-01T00:00:00Z") { name } }`)).data).toEqual({ employee: null });
  });

  it('reads each mutation back afresh when one request holds several', async () => {
    await schedule('S-multi', '2015-06-25T15:00:00+09:00');
    const r = await t.graphql<Record<string, { questions?: { id: string }[]; id?: string }>>(`mutation {
      first: raiseCafeSessionQuestion(input: { sessionId: "S-multi", questionId: "QM1", topic: "a", text: "one?", anonymous: true }) { id }
      second: raiseCafeSessionQuestion(input: { sessionId: "S-multi", questionId: "QM2", topic: "b", text: "two?", anonymous: true }) { id }
    }`);
    expect(r).toEqual({ data: { first: { id: 'QM1' }, second: { id: 'QM2' } } });
  });

  it('pages café sessions with cursors and filters by period and host', async () => {
    for (let i = 0; i < 5; i++) await schedule(`S-page-${i}`, `2016-0${i + 1}-14T15:00:00+09:00`);
    const PAGE = `query($after: String, $from: DateTime, $to: DateTime, $hostId: ID) {
      cafeSessions(first: 2, after: $after, from: $from, to: $to, hostId: $hostId) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    type Page = {
      cafeSessions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] };
    };
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const r: { data?: Page | null } = await t.graphql<Page>(PAGE, { after, from: '2016-01-01T00:00:00Z', to: '2017-01-01T00:00:00Z' });
      const c: Page['cafeSessions'] = r.data!.cafeSessions;
      expect(c.totalCount).toBe(5);
      ids.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(ids).toEqual(['S-page-4', 'S-page-3', 'S-page-2', 'S-page-1', 'S-page-0']);
    const byOther = await t.graphql<Page>(PAGE, { hostId: 'GM1' });
    expect(byOther.data!.cafeSessions.totalCount).toBe(0);
    const bad = await t.graphql(PAGE, { after: 'not-a-cursor' });
    expect(codeOf(bad)).toBe('VALIDATION');
    const backwards = await t.graphql(`{ cafeSessions(last: 2) { totalCount } }`);
    expect(codeOf(backwards)).toBe('VALIDATION');
    const inverted = await t.graphql(REACH, { period: { from: '2016-01-01T00:00:00Z', to: '2015-01-01T00:00:00Z' } });
    expect(codeOf(inverted)).toBe('VALIDATION');
  });

  it('loads a page of sessions with hosts, participants and questions in a constant number of queries', async () => {
    // 2015's sessions (four or more, by the time this runs) all have participants, so every level of the query has something to load.
    const LIST = `query($first: Int!) { cafeSessions(first: $first, from: "2015-01-01T00:00:00Z", to: "2016-01-01T00:00:00Z") { edges { node { id hosts { name } participants { employee { name } } questions { askedBy { name } } followUps { owner { name } } } } } }`;
    t.sqlCount.reset();
    await t.graphql(LIST, { first: 1 });
    const one = t.sqlCount.value;
    t.sqlCount.reset();
    const r = await t.graphql<{ cafeSessions: { edges: unknown[] } }>(LIST, { first: 20 });
    expect(r.data!.cafeSessions.edges.length).toBeGreaterThanOrEqual(4);
    // list + count, one query per lookup (hosts, participants, questions, follow-ups), then the people
    // they name — which DataLoader may split in two when sibling lists resolve in different ticks.
    // Without batching, 4 sessions would cost dozens of queries; here the count does not grow with the page.
    for (const count of [one, t.sqlCount.value]) expect(count).toBeLessThanOrEqual(8);
  });
});
