import { createServer, CSRF_HEADER, schema } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/*
 * Live questions over server-sent events, through a real socket: a question raised by a mutation
 * reaches a subscriber once the view has it (with what the view knows, e.g. the asker's name);
 * the request time limit does not cut a subscription; roles, the per-token cap and shutdown.
 */

interface SseEvent {
  event: string;
  data: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

/** A subscription over SSE (POST, Accept: text/event-stream): its events as they come, and how to hang up. */
const subscribe = async (api: string, query: string, variables: Record<string, unknown>, token?: string) => {
  const controller = new AbortController();
  const response = await fetch(api, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      [CSRF_HEADER]: 'test',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1];
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (!event) continue; // a keep-alive comment
          events.push({ event, data: data ? (JSON.parse(data) as SseEvent['data']) : null });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // hung up by us
    }
    ended = true;
    waiters.splice(0).forEach((w) => w());
  })();
  /** Waits until `count` events have come (or the stream ended). */
  const until = async (count: number, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (events.length < count && !ended) {
      if (Date.now() > deadline)
        throw new Error(`only ${events.length} of ${count} events within ${timeoutMs} ms: ${JSON.stringify(events)}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
    return events;
  };
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    events,
    until,
    get ended() {
      return ended;
    },
    async close() {
      if (!ended) controller.abort();
      // An abort that meets the stream's own end can leave undici's reader waiting: do not wait for it forever.
      await Promise.race([reading, new Promise((r) => setTimeout(r, 2_000))]);
    },
    /** Waits (up to `ms`) for the server to end the stream. */
    async ends(ms = 3_000) {
      for (let waited = 0; !ended && waited < ms; waited += 100) await new Promise((r) => setTimeout(r, 100));
      return ended;
    },
  };
};

const CAFE = `subscription Live($id: ID!) { cafeSessionQuestionRaised(sessionId: $id) { id gathering { channel id } topic text anonymous askedBy { id name } } }`;
const TOWN_HALL = `subscription LiveTownHall($id: ID!) { townHallQuestionRaised(townHallId: $id) { id gathering { channel id } text askedBy { name } } }`;
const REQUEST_TIMEOUT_MS = 1_000;

describe.each(HUB_ENGINES)('live questions over SSE on $name', (engine) => {
  let t: HubUnderTest;
  let gateway: ReturnType<typeof createServer>;
  let api: string;
  /** A mutation over the same socket, as the console sends it. */
  const mutate = async (query: string, role: 'LEADERSHIP' | 'HR' = 'LEADERSHIP') => {
    const r = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: 'test', authorization: `Bearer ${t.tokens[role]}` },
      body: JSON.stringify({ query }),
    });
    const body = (await r.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    t = await startHub(engine);
    await t.ok(`mutation { defineOrgUnit(input: { orgUnitId: "HQ", name: "Head Office", kind: DIVISION }) { id } }`);
    await t.ok(
      `mutation { registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul", title: "CEO" }) { id } }`,
    );
    await t.ok(
      `mutation { registerEmployee(input: { employeeId: "E1", name: "김사원", grade: STAFF, orgUnitId: "HQ", region: "Seoul" }) { id } }`,
    );
    await t.ok(
      `mutation { recordCafeSession(input: { sessionId: "S-LIVE", scheduledAt: "2015-03-10T15:00:00+09:00", venue: "Café", hostIds: ["CEO"], invitations: [{ employeeId: "E1" }], attendance: [{ employeeId: "E1" }], questions: [{ questionId: "Q0", topic: "career", text: "Already asked", askedBy: "E1" }] }, occurredAt: "2015-03-01T09:00:00+09:00") { id } }`,
    );
    await t.ok(
      `mutation { recordTownHall(input: { townHallId: "TH-LIVE", scheduledAt: "2015-04-20T18:00:00+09:00", format: LECTURE, theme: "Q1", venue: "Hall", presenterIds: ["CEO"], attendance: [{ employeeId: "E1" }] }, occurredAt: "2015-04-01T09:00:00+09:00") { id } }`,
    );
    gateway = createServer({
      ...t.hub.gatewayDeps(),
      log: () => undefined,
      viewWaitMs: 30_000,
      limits: { requestTimeoutMs: REQUEST_TIMEOUT_MS, rateLimit: { perMinute: 1_000_000 }, live: { perClient: 2, total: 50, pollMs: 50 } },
    });
    api = `http://127.0.0.1:${await gateway.listen(0)}/graphql`;
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await t?.dispose();
  });

  it('sends a question raised by a mutation once the view has it, with the asker from the view, and not the ones already there — past the request time limit', async () => {
    const live = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.HR);
    expect(live.status).toBe(200);
    expect(live.contentType).toMatch(/text\/event-stream/);
    // Longer than a query may run: a subscription is not cut off by the request time limit.
    await new Promise((r) => setTimeout(r, REQUEST_TIMEOUT_MS + 500));
    await mutate(
      `mutation { raiseCafeSessionQuestion(input: { sessionId: "S-LIVE", questionId: "Q1", topic: "strategy", text: "Where are we going?", askedBy: "E1" }) { id } }`,
    );
    await mutate(
      `mutation { raiseCafeSessionQuestion(input: { sessionId: "S-LIVE", questionId: "Q2", topic: "personal", text: "Anonymous one", anonymous: true }) { id } }`,
    );
    const events = await live.until(2);
    expect(events.map((e) => e.event)).toEqual(['next', 'next']);
    expect(events.map((e) => e.data?.data)).toEqual([
      {
        cafeSessionQuestionRaised: {
          id: 'Q1',
          gathering: { channel: 'CAFE_SESSION', id: 'S-LIVE' },
          topic: 'strategy',
          text: 'Where are we going?',
          anonymous: false,
          askedBy: { id: 'E1', name: '김사원' },
        },
      },
      {
        cafeSessionQuestionRaised: {
          id: 'Q2',
          gathering: { channel: 'CAFE_SESSION', id: 'S-LIVE' },
          topic: 'personal',
          text: 'Anonymous one',
          anonymous: true,
          askedBy: null,
        },
      },
    ]);
    // Answering a question is not a new question.
    await mutate(
      `mutation { answerCafeSessionQuestion(input: { sessionId: "S-LIVE", questionId: "Q1", answeredBy: "CEO", mode: LIVE, answer: "Up." }) { id } }`,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(live.events).toHaveLength(2);
    await live.close();
  });

  it('sends town-hall questions the same way', async () => {
    const live = await subscribe(api, TOWN_HALL, { id: 'TH-LIVE' });
    await new Promise((r) => setTimeout(r, 200));
    await mutate(
      `mutation { raiseTownHallQuestion(input: { townHallId: "TH-LIVE", questionId: "TQ1", topic: "strategy", text: "Bonus?", askedBy: "E1" }) { id } }`,
      'HR',
    );
    const [event] = await live.until(1);
    expect(event?.data?.data).toEqual({
      townHallQuestionRaised: {
        id: 'TQ1',
        gathering: { channel: 'TOWN_HALL', id: 'TH-LIVE' },
        text: 'Bonus?',
        askedBy: { name: '김사원' },
      },
    });
    await live.close();
  });

  it('sends, given the questions the page already has, any raised between its load and the subscription (none lost)', async () => {
    const CAFE_KNOWN = `subscription Live($id: ID!, $known: [ID!]) { cafeSessionQuestionRaised(sessionId: $id, known: $known) { id text } }`;
    // The page loads the session's questions …
    const page = await t.ok(`{ cafeSession(id: "S-LIVE") { questions { id } } }`);
    const shown = (page as { cafeSession: { questions: { id: string }[] } }).cafeSession.questions.map((q) => q.id);
    expect(shown).toContain('Q0');
    // … a question is raised and reaches the view before the page subscribes …
    await mutate(
      `mutation { raiseCafeSessionQuestion(input: { sessionId: "S-LIVE", questionId: "Q-RACE", topic: "strategy", text: "In between", askedBy: "E1" }) { id } }`,
    );
    for (let tries = 0; ; tries++) {
      const now = (await t.ok(`{ cafeSession(id: "S-LIVE") { questions { id } } }`)) as { cafeSession: { questions: { id: string }[] } };
      if (now.cafeSession.questions.some((q) => q.id === 'Q-RACE')) break;
      expect(tries).toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 50));
    }
    // … and the subscription, told what the page has, sends that one (and only that one) first.
    const live = await subscribe(api, CAFE_KNOWN, { id: 'S-LIVE', known: shown }, t.tokens.HR);
    const [first] = await live.until(1);
    expect(first?.data?.data).toEqual({ cafeSessionQuestionRaised: { id: 'Q-RACE', text: 'In between' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(live.events).toHaveLength(1);
    await live.close();
    // Without `known`, what is there at the start is not news (the subscription's older contract).
    const plain = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.HR);
    await new Promise((r) => setTimeout(r, 300));
    expect(plain.events).toEqual([]);
    await plain.close();
    // The town hall's the same way; an empty list means "I have none".
    const townHall = await subscribe(
      api,
      `subscription LiveTownHall($id: ID!) { townHallQuestionRaised(townHallId: $id, known: []) { id } }`,
      { id: 'TH-LIVE' },
      t.tokens.HR,
    );
    const [tq] = await townHall.until(1);
    expect(tq?.data?.data).toEqual({ townHallQuestionRaised: { id: 'TQ1' } });
    await townHall.close();
    // A list no page could hold is refused with a clear error.
    const huge = await subscribe(api, CAFE_KNOWN, { id: 'S-LIVE', known: Array.from({ length: 1_001 }, (_, i) => `Q${i}`) }, t.tokens.HR);
    const [refusal] = await huge.until(1);
    expect(refusal?.data?.errors?.[0]?.message).toMatch(/at most 1000 question ids/);
    await huge.close();
    await new Promise((r) => setTimeout(r, 200)); // the hang-ups reach the gateway before the next test counts places
  });

  it('lets every role that may read the session’s questions follow them, refuses unknown tokens and sessions', async () => {
    const declared = (type: 'Query' | 'Subscription', field: string) =>
      (schema.getType(type) as { getFields(): Record<string, { extensions: { pothosOptions?: { authScopes?: unknown } } }> }).getFields()[
        field
      ]!.extensions.pothosOptions?.authScopes;
    expect(declared('Subscription', 'cafeSessionQuestionRaised')).toEqual(declared('Query', 'cafeSession'));
    expect(declared('Subscription', 'townHallQuestionRaised')).toEqual(declared('Query', 'townHall'));
    for (const token of [undefined, ...Object.values(t.tokens)]) {
      const live = await subscribe(api, CAFE, { id: 'S-LIVE' }, token);
      expect(live.status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      expect(live.events.filter((e) => e.data?.errors)).toEqual([]);
      await live.close();
    }
    const stranger = await subscribe(api, CAFE, { id: 'S-LIVE' }, 'not-a-token');
    expect(stranger.status).toBe(401);
    await stranger.close();
    const unknown = await subscribe(api, CAFE, { id: 'S-NONE' }, t.tokens.HR);
    const [refusal] = await unknown.until(1);
    expect(refusal?.data?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await unknown.close();
  });

  it('caps open subscriptions per token, frees a slot when one hangs up, and keeps the cost limits', async () => {
    await new Promise((r) => setTimeout(r, 200)); // the previous test's hang-ups reach the gateway
    const first = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.LEADERSHIP);
    const second = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.LEADERSHIP);
    const third = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.LEADERSHIP);
    const [refusal] = await third.until(1);
    expect(refusal?.data?.errors?.[0]?.extensions?.code).toBe('LIVE_LIMIT');
    await third.close();
    // Another token has its own allowance.
    const other = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.ADMIN);
    await new Promise((r) => setTimeout(r, 150));
    expect(other.events).toEqual([]);
    await first.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.LEADERSHIP);
    await new Promise((r) => setTimeout(r, 150));
    expect(again.events).toEqual([]);
    await Promise.all([second.close(), other.close(), again.close()]);
    // The query limits apply to a subscription's document as to any other (here the depth limit).
    const deep = await subscribe(
      api,
      `subscription { cafeSessionQuestionRaised(sessionId: "S-LIVE") { askedBy { orgUnit { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }`,
      {},
      t.tokens.HR,
    );
    const [tooDeep] = await deep.until(1);
    expect(tooDeep?.data?.data ?? null).toBeNull();
    expect(tooDeep?.data?.errors?.[0]?.message).toMatch(/depth/i);
    await deep.close();
  });

  it('follows a CSV import row by row while the file is processed (ADMIN, the one who started it)', async () => {
    const PROGRESS = `subscription Progress($id: ID!) { csvImportProgress(importId: $id) { id done total finished } }`;
    const refused = await subscribe(api, PROGRESS, { id: 'import-1' }, t.tokens.HR);
    const [no] = await refused.until(1);
    expect(no?.data?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await refused.close();
    const live = await subscribe(api, PROGRESS, { id: 'import-1' }, t.tokens.ADMIN);
    await new Promise((r) => setTimeout(r, 150));
    const rows = Array.from({ length: 45 }, (_, i) => `P${String(i).padStart(3, '0')},진행${i},STAFF,HQ,Seoul`);
    const csv = Buffer.from(['employeeId,name,grade,orgUnitId,region', ...rows].join('\n')).toString('base64');
    const r = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: 'test', authorization: `Bearer ${t.tokens.ADMIN}` },
      body: JSON.stringify({
        query: `mutation($input: ImportCsvInput!) { importCsv(input: $input) { imported failed } }`,
        variables: { input: { kind: 'EMPLOYEES', contentBase64: csv, importId: 'import-1' } },
      }),
    });
    expect(((await r.json()) as { data: unknown }).data).toEqual({ importCsv: { imported: 45, failed: 0 } });
    const events = await live.until(6);
    expect(events.map((e) => e.data?.data?.csvImportProgress ?? e.event)).toEqual([
      { id: 'import-1', done: 0, total: 0, finished: false }, // started
      { id: 'import-1', done: 20, total: 45, finished: false },
      { id: 'import-1', done: 40, total: 45, finished: false },
      { id: 'import-1', done: 45, total: 45, finished: false },
      { id: 'import-1', done: 45, total: 45, finished: true },
      'complete',
    ]);
    expect(await live.ends()).toBe(true);
    expect(gateway.live.open).toBe(0);
    await live.close();
  });

  it('ends open streams with "complete" when the gateway shuts down', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const live = await subscribe(api, CAFE, { id: 'S-LIVE' }, t.tokens.HR);
    await new Promise((r) => setTimeout(r, 150));
    expect(gateway.live.open).toBe(1);
    await gateway.close();
    await live.until(1, 5_000);
    expect(live.events.at(-1)?.event).toBe('complete');
    expect(gateway.live.open).toBe(0);
    await live.close();
  });
});
