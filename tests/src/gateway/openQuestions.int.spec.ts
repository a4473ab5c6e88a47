import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/*
 * `openQuestions`: the questions nobody has answered yet, at café sessions and town halls alike,
 * oldest first, a page at a time — what the two-way board answers from.
 */
const OPEN = `query($at: DateTime, $channel: GatheringChannel, $first: Int, $after: String, $asOf: DateTime) {
  openQuestions(at: $at, channel: $channel, first: $first, after: $after, asOf: $asOf) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id gathering { channel id } topic text anonymous askedBy { id name } raisedAt ageDays } }
  } }`;

type Page = {
  openQuestions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; gathering: { channel: string; id: string }; askedBy: { id: string } | null; ageDays: number } }[];
  };
};

describe.each(HUB_ENGINES)('open questions through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const open = async (variables: Record<string, unknown>) => (await ok(OPEN, variables)) as Page;
  const ids = (p: Page) => p.openQuestions.edges.map((e) => `${e.node.gathering.channel}/${e.node.gathering.id}/${e.node.id}`);

  beforeAll(async () => {
    t = await startHub(engine);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "HQ", name: "Head Office", kind: DIVISION }) { id } }`);
    for (const [id, name, grade, title] of [
      ['CEO', '정문국', 'EXECUTIVE', '"CEO"'],
      ['E1', '김사원', 'STAFF', 'null'],
      ['E2', '이대리', 'ASSISTANT_MANAGER', 'null'],
    ])
      await ok(
        `mutation { registerEmployee(input: { employeeId: "${id}", name: "${name}", grade: ${grade}, orgUnitId: "HQ", region: "Seoul", title: ${title} }) { id } }`,
      );
    await ok(
      `mutation { scheduleCafeSession(input: { sessionId: "S1", scheduledAt: "2015-03-05T15:00:00+09:00", venue: "Café", hostIds: ["CEO"] }, occurredAt: "2015-02-20T09:00:00+09:00") { id } }`,
    );
    await ok(
      `mutation { scheduleTownHall(input: { townHallId: "T1", scheduledAt: "2015-03-10T18:00:00+09:00", format: CHIMAEK, theme: "Results", venue: "Hall", presenterIds: ["CEO"] }, occurredAt: "2015-02-20T09:00:00+09:00") { id } }`,
    );
    // Only who came may ask.
    for (const e of ['E1', 'E2'])
      await ok(
        `mutation { recordCafeSessionAttendance(input: { sessionId: "S1", employeeId: "${e}" }, occurredAt: "2015-03-05T15:00:00+09:00") { id } }`,
      );
    await ok(
      `mutation { recordTownHallAttendance(input: { townHallId: "T1", employeeId: "E2" }, occurredAt: "2015-03-10T18:00:00+09:00") { id } }`,
    );
    const raise = (mutation: string, gathering: string, q: string, at: string, asker: string) =>
      ok(
        `mutation { ${mutation}(input: { ${gathering}, questionId: "${q}", topic: "career", text: "${q}?", ${asker}, raisedAt: "${at}" }, occurredAt: "${at}") { id } }`,
      );
    await raise('raiseCafeSessionQuestion', 'sessionId: "S1"', 'Q1', '2015-03-05T15:10:00+09:00', 'askedBy: "E1"');
    await raise('raiseCafeSessionQuestion', 'sessionId: "S1"', 'Q2', '2015-03-05T15:20:00+09:00', 'anonymous: true, askedBy: "E2"');
    // The same id at the town hall: a question is known by its gathering too.
    await raise('raiseTownHallQuestion', 'townHallId: "T1"', 'Q1', '2015-03-10T18:30:00+09:00', 'askedBy: "E2"');
    await ok(
      `mutation { answerCafeSessionQuestion(input: { sessionId: "S1", questionId: "Q1", answeredBy: "CEO", mode: LIVE, answer: "Ask.", answeredAt: "2015-03-05T15:30:00+09:00" }, occurredAt: "2015-03-05T15:30:00+09:00") { id } }`,
    );
  });
  afterAll(() => t.dispose());

  it('lists the unanswered ones of both gatherings, oldest first, with asker (none when anonymous) and age', async () => {
    const page = await open({ at: '2015-03-12T00:00:00Z' });
    expect(page.openQuestions.totalCount).toBe(2);
    expect(page.openQuestions.edges.map((e) => e.node)).toEqual([
      {
        id: 'Q2',
        gathering: { channel: 'CAFE_SESSION', id: 'S1' },
        topic: 'career',
        text: 'Q2?',
        anonymous: true,
        askedBy: null,
        raisedAt: '2015-03-05T06:20:00.000Z',
        ageDays: 6,
      },
      {
        id: 'Q1',
        gathering: { channel: 'TOWN_HALL', id: 'T1' },
        topic: 'career',
        text: 'Q1?',
        anonymous: false,
        askedBy: { id: 'E2', name: '이대리' },
        raisedAt: '2015-03-10T09:30:00.000Z',
        ageDays: 1,
      },
    ]);
    expect(ids(await open({ at: '2015-03-12T00:00:00Z', channel: 'TOWN_HALL' }))).toEqual(['TOWN_HALL/T1/Q1']);
    // Before the café answer, its Q1 was open too; before the town hall, only the café's.
    expect(ids(await open({ at: '2015-03-05T06:25:00Z' }))).toEqual(['CAFE_SESSION/S1/Q1', 'CAFE_SESSION/S1/Q2']);
    expect(ids(await open({ asOf: '2015-03-06T00:00:00Z', at: '2015-03-06T00:00:00Z' }))).toEqual(['CAFE_SESSION/S1/Q2']);
  });

  it('pages forward by cursor, and leaves a question once it is answered', async () => {
    const first = await open({ at: '2015-03-12T00:00:00Z', first: 1 });
    expect(ids(first)).toEqual(['CAFE_SESSION/S1/Q2']);
    expect(first.openQuestions.pageInfo.hasNextPage).toBe(true);
    const second = await open({ at: '2015-03-12T00:00:00Z', first: 1, after: first.openQuestions.pageInfo.endCursor });
    expect(ids(second)).toEqual(['TOWN_HALL/T1/Q1']);
    expect(second.openQuestions).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });

    await ok(
      `mutation { answerTownHallQuestion(input: { townHallId: "T1", questionId: "Q1", answeredBy: "CEO", answer: "Growth." }) { id } }`,
    );
    // Now (default `at`): the town hall's is answered, the anonymous café one still waits.
    expect(ids(await open({}))).toEqual(['CAFE_SESSION/S1/Q2']);
  });

  it('refuses a page too large, a foreign cursor and paging backwards, appending nothing', async () => {
    await t.refused(`{ openQuestions(first: 101) { totalCount } }`, 'VALIDATION', /first must be between 0 and 100/);
    await t.refused(`{ openQuestions(after: "bm90IGEgY3Vyc29y") { totalCount } }`, 'VALIDATION', /invalid cursor/);
    await t.refused(`{ openQuestions(last: 5) { totalCount } }`, 'VALIDATION', /forward only/);
    await t.refused(`{ openQuestions(at: "yesterday") { totalCount } }`, 'VALIDATION', /at/);
  });
});
