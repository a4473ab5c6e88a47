import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, CSRF_HEADER } from '@hub/gateway';
import { createHub, type Hub } from '@hub/platform';
import { waitForCheckpoint } from '@hub/read-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; details?: Record<string, unknown> } }[];
}

const DEFINE = `mutation($id: ID!, $commandId: String) { defineOrgUnit(input: { orgUnitId: $id, name: "Lagging Division", kind: DIVISION }, commandId: $commandId) { id } }`;
const WAIT_MS = 800;

/*
 * A mutation never depends on the projector to succeed: when its events are appended but the view
 * does not include them within the bound, the answer is VIEW_LAGGING, saying the command WAS
 * recorded and where, not an error that would make a client retry blindly.
 */
describe('a mutation whose view lags (embedded PGlite)', () => {
  let hub: Hub;
  let admin: string;
  let dataDir: string;
  const gatewayWith = (waitForView: (p: bigint | undefined) => Promise<void>) =>
    createServer({ ...hub.gatewayDeps(), waitForView, viewWaitMs: WAIT_MS, log: () => undefined });
  const graphql = async (gateway: ReturnType<typeof createServer>, query: string, variables: Record<string, unknown>) => {
    const started = Date.now();
    const response = await gateway.yoga.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: 'test', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });
    return { answer: (await response.json()) as GraphQLAnswer, ms: Date.now() - started };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hub-lag-'));
    hub = await createHub({ dataDir });
    admin = (await hub.tokens.issue({ subject: 'lag-test:admin', role: 'ADMIN' }, 'test')).token;
    await hub.projector.start();
    await hub.projector.stop(); // the view is now frozen: nothing new reaches it
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers VIEW_LAGGING within the bound when the view does not catch up, saying the command was recorded and where', async () => {
    const polling = gatewayWith((p) => waitForCheckpoint(hub.sql, p, 30_000));
    const { answer, ms } = await graphql(polling, DEFINE, { id: 'SLOW', commandId: 'lag-1' });
    const head = await hub.store.headPosition();
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'VIEW_LAGGING', details: { recorded: true, position: String(head) } });
    expect(answer.errors?.[0]?.message).toMatch(new RegExp(`recorded \\(position ${head}\\)`));
    expect(ms).toBeGreaterThanOrEqual(WAIT_MS - 50);
    expect(ms).toBeLessThan(WAIT_MS + 2_000);
    // It really was recorded.
    expect((await hub.store.readStream('orgUnit-SLOW')).map((e) => e.type)).toEqual(['OrgUnitDefined']);
  });

  it('answers VIEW_LAGGING, not an internal error, when the projector is not running at all', async () => {
    const direct = gatewayWith((p) => hub.projector.waitFor(p));
    const { answer, ms } = await graphql(direct, DEFINE, { id: 'NOPROJ', commandId: 'lag-2' });
    expect(answer.errors?.[0]?.extensions?.code).toBe('VIEW_LAGGING');
    expect(answer.errors?.[0]?.extensions?.details).toEqual({ recorded: true, position: String(await hub.store.headPosition()) });
    expect(ms).toBeLessThan(WAIT_MS + 2_000);
  });

  it('once the projector runs again, the same command id is a no-op that answers with the record', async () => {
    const head = await hub.store.headPosition();
    await hub.projector.start();
    const direct = gatewayWith((p) => hub.projector.waitFor(p));
    expect((await graphql(direct, DEFINE, { id: 'SLOW', commandId: 'lag-1' })).answer).toEqual({ data: { defineOrgUnit: { id: 'SLOW' } } });
    expect((await graphql(direct, DEFINE, { id: 'NOPROJ', commandId: 'lag-2' })).answer).toEqual({
      data: { defineOrgUnit: { id: 'NOPROJ' } },
    });
    expect(await hub.store.headPosition()).toBe(head);
  });
});
