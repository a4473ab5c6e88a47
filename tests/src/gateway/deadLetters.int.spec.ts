import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/** A poison event is parked, the view goes on, and ADMIN sees it through GraphQL. */
describe.each(HUB_ENGINES)('dead letters through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  beforeAll(async () => {
    t = await startHub(engine);
  });
  afterAll(() => t.dispose());

  it('parks an event the hub cannot read, keeps projecting, and lists it for ADMIN only', async () => {
    // An event of a type no version of the hub knows (written by something else, or corrupt).
    const metadata = {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: 'test',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    };
    const poison = await t.hub.store.append('alien-1', [{ id: randomUUID(), type: 'AlienLanded', data: { x: 1 }, metadata }]);
    // The view goes on: the next mutation reads its own write.
    expect(await t.ok(`mutation { defineOrgUnit(input: { orgUnitId: "DL", name: "After the poison", kind: DIVISION }) { id } }`)).toEqual({
      defineOrgUnit: { id: 'DL' },
    });
    const q = `{ deadLetters(first: 5) { totalCount edges { node { position type stream projection reason } } } }`;
    const listed = (await t.ok(q, undefined, 'ADMIN')) as {
      deadLetters: {
        totalCount: number;
        edges: { node: { position: string; type: string; stream: string; projection: string | null; reason: string } }[];
      };
    };
    expect(listed.deadLetters.totalCount).toBe(1);
    expect(listed.deadLetters.edges[0]!.node).toMatchObject({
      position: poison.position.toString(),
      type: 'AlienLanded',
      stream: 'alien-1',
      projection: null, // it does not parse: no projection could take it
    });
    expect(listed.deadLetters.edges[0]!.node.reason.length).toBeGreaterThan(0);
    await t.refused(q, 'FORBIDDEN', /only for ADMIN/, undefined, 'LEADERSHIP');
  });
});
