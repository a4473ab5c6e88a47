import { createServer, CSRF_HEADER } from '@hub/gateway';
import { createCommandClient, createCommandServer } from '@hub/platform';
import { waitForCheckpoint } from '@hub/read-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

const INTERNAL_TOKEN = 'internal-token-for-the-split-deployment-test';

/** The split deployment: gateway in one process, command services in another, over HTTP. */
describe('gateway calling the command services over HTTP', () => {
  let t: HubUnderTest;
  let commandServer: ReturnType<typeof createCommandServer>;
  let directoryServer: ReturnType<typeof createCommandServer>;
  let gateway: ReturnType<typeof createServer>;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startHub(HUB_ENGINES[1]);
    // One process per bounded context, as docker-compose runs them.
    const services = t.hub.commands;
    commandServer = createCommandServer(services, { internalToken: INTERNAL_TOKEN, contexts: ['cafeSessions', 'emailLetters'] });
    directoryServer = createCommandServer(services, { internalToken: INTERNAL_TOKEN, contexts: ['directory'] });
    baseUrl = `http://127.0.0.1:${await commandServer.listen(0, '127.0.0.1')}`;
    const directoryUrl = `http://127.0.0.1:${await directoryServer.listen(0, '127.0.0.1')}`;
    gateway = createServer({
      commands: createCommandClient(
        {
          directory: directoryUrl,
          cafeSessions: baseUrl,
          townHalls: baseUrl,
          branchVisits: baseUrl,
          videoMessages: baseUrl,
          customerSmile: baseUrl,
          pride: baseUrl,
          emailLetters: baseUrl,
        },
        { internalToken: INTERNAL_TOKEN },
      ),
      view: t.hub.sql,
      personalData: t.hub.personalData,
      tokens: t.hub.tokens,
      personalDataAccessLog: t.hub.personalDataAccessLog,
      waitForView: (p) => waitForCheckpoint(t.hub.sql, p),
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await commandServer.close();
    await directoryServer.close();
    await t.dispose();
  });

  const graphql = async (query: string, variables?: Record<string, unknown>) =>
    (
      await gateway.yoga.fetch('http://hub.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: 'test', authorization: `Bearer ${t.tokens.HR}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json() as Promise<{
      data?: Record<string, { id: string; invitedCount?: number; opened?: number }>;
      errors?: { message: string; extensions: { code: string } }[];
    }>;

  it('records through the remote services and reads its own write', async () => {
    expect(
      (
        await graphql(`
          mutation {
            defineOrgUnit(input: { orgUnitId: "HQ", name: "Head Office", kind: DIVISION }) {
              id
            }
          }
        `)
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await graphql(`
          mutation {
            registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul" }) {
              id
            }
          }
        `)
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await graphql(`
          mutation {
            registerEmployee(input: { employeeId: "E1", name: "김사원", grade: STAFF, orgUnitId: "HQ", region: "Seoul" }) {
              id
            }
          }
        `)
      ).errors,
    ).toBeUndefined();
    const s = await graphql(`
      mutation {
        scheduleCafeSession(
          input: { sessionId: "R1", scheduledAt: "2015-03-12T15:00:00+09:00", venue: "Café", hostIds: ["CEO"] }
          occurredAt: "2015-01-15T09:00:00+09:00"
        ) {
          id
        }
      }
    `);
    expect(s.data?.scheduleCafeSession?.id).toBe('R1');
    const i = await graphql(`
      mutation {
        inviteToCafeSession(input: { sessionId: "R1", employeeId: "E1" }, commandId: "remote-1") {
          id
          invitedCount
        }
      }
    `);
    expect(i.data?.inviteToCafeSession?.invitedCount).toBe(1);
    const again = await graphql(`
      mutation {
        inviteToCafeSession(input: { sessionId: "R1", employeeId: "E1" }, commandId: "remote-1") {
          id
          invitedCount
        }
      }
    `);
    expect(again).toEqual(i);
  });

  it('sends an e-mail letter and records its opens through the remote service, a second open counting once', async () => {
    const send = await graphql(`
      mutation {
        sendEmailLetter(
          input: {
            letterId: "RL1"
            authorId: "CEO"
            subject: "New year"
            audience: [EMPLOYEE]
            sentAt: "2015-01-02T09:00:00+09:00"
            recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }]
          }
        ) {
          id
        }
      }
    `);
    expect(send.data?.sendEmailLetter?.id).toBe('RL1');
    const open = `mutation { recordEmailLetterOpen(input: { letterId: "RL1", readerKind: EMPLOYEE, readerId: "E1", openedAt: "2015-01-03T09:00:00+09:00" }) { id opened } }`;
    expect((await graphql(open)).data?.recordEmailLetterOpen).toEqual({ id: 'RL1', opened: 1 });
    expect((await graphql(open)).data?.recordEmailLetterOpen).toEqual({ id: 'RL1', opened: 1 });
    const refused = await graphql(`
      mutation {
        recordEmailLetterOpen(input: { letterId: "NONE", readerKind: EMPLOYEE, readerId: "E1", openedAt: "2015-01-03T09:00:00+09:00" }) {
          id
        }
      }
    `);
    expect(refused.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('keeps the error kinds across the wire, and appends nothing', async () => {
    const before = await t.hub.store.headPosition();
    const dup = await graphql(`
      mutation {
        inviteToCafeSession(input: { sessionId: "R1", employeeId: "E1" }) {
          id
        }
      }
    `);
    expect(dup.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const exec = await graphql(`
      mutation {
        inviteToCafeSession(input: { sessionId: "R1", employeeId: "CEO" }) {
          id
        }
      }
    `);
    expect(exec.errors?.[0]?.extensions.code).toBe('FORBIDDEN_BY_RULE');
    const missing = await graphql(`
      mutation {
        inviteToCafeSession(input: { sessionId: "R1", employeeId: "NOBODY" }) {
          id
        }
      }
    `);
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(await t.hub.store.headPosition()).toBe(before);
  });

  it('refuses malformed requests at the HTTP edge', async () => {
    const post = (path: string, body: string, token = INTERNAL_TOKEN) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
    // Only the gateway is heard: a caller without the internal token cannot name an actor.
    const before = await t.hub.store.headPosition();
    const forged = JSON.stringify({
      input: { scheduledAt: '2030-01-01T10:00:00+09:00', venue: 'Forged', hostIds: ['CEO'] },
      context: { actor: 'dev:ceo' },
    });
    expect((await post('/commands/cafeSessions/schedule', forged, t.tokens.LEADERSHIP)).status).toBe(401);
    expect(
      (
        await fetch(`${baseUrl}/commands/cafeSessions/schedule`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: forged,
        })
      ).status,
    ).toBe(401);
    expect(await t.hub.store.headPosition()).toBe(before);
    expect((await post('/commands/cafeSessions/invite', '{not json')).status).toBe(400);
    expect((await post('/commands/cafeSessions/invite', JSON.stringify({ input: {}, context: {} }))).status).toBe(400);
    expect(
      (await post('/commands/cafeSessions/invite', JSON.stringify({ input: { sessionId: '', employeeId: 'E1' }, context: { actor: 'x' } })))
        .status,
    ).toBe(400);
    expect((await post('/commands/cafeSessions/dropTables', JSON.stringify({ input: {}, context: { actor: 'x' } }))).status).toBe(404);
    // This process serves café sessions only: the directory lives elsewhere.
    expect((await post('/commands/directory/registerEmployee', JSON.stringify({ input: {}, context: { actor: 'x' } }))).status).toBe(404);
  });
});
