import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

const LOG = `query($c: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  personalDataAccessLog(customerId: $c, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { actor tokenId role customerId fields correlationId accessedAt } }
  }
}`;
type LogPage = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: {
    node: {
      actor: string;
      tokenId: string | null;
      role: string;
      customerId: string;
      fields: string[];
      correlationId: string;
      accessedAt: string;
    };
  }[];
};

/*
 * Every read of a customer's personal data through GraphQL is in the access log — who, when,
 * which customer, which fields — written in one statement per request before the data is
 * answered, and readable by the privacy officer only.
 */
describe.each(HUB_ENGINES)('the personal-data access log on $name', (engine) => {
  let t: HubUnderTest;
  /** Each batch the real log is asked to record (a decorator on the real store). */
  const batches: Parameters<HubUnderTest['hub']['personalDataAccessLog']['record']>[0][] = [];
  let failRecording = false;

  beforeAll(async () => {
    t = await startHub(engine);
    const log = t.hub.personalDataAccessLog;
    const record = log.record.bind(log);
    log.record = async (reads) => {
      batches.push([...reads]);
      if (failRecording) throw new Error('the access log is unavailable');
      return record(reads);
    };
    await t.ok(
      `mutation { registerBranch(input: { branchId: "BANPO", name: "반포지점", region: "Seoul", district: "서초구", seoul: true }) { id } }`,
    );
    for (const id of ['A1', 'A2', 'A3']) {
      await t.ok(`mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { id } }`, {
        i: {
          customerId: id,
          branchId: 'BANPO',
          registeredOn: '2014-03-01',
          name: `고객 ${id}`,
          phone: '010-1234-5678',
          address: `서울 ${id}`,
        },
      });
    }
    await t.ok(
      `mutation { eraseCustomerPersonalData(input: { customerId: "A3", erasedOn: "2016-01-01" }) { id } }`,
      undefined,
      'PRIVACY_OFFICER',
    );
    batches.length = 0;
  });
  afterAll(() => t.dispose());

  it('records who read which customer’s which fields, one insert per request, nothing for erased data', async () => {
    const read = await t.ok(
      `{ a: customer(id: "A1") { personalData { name phone } } b: customer(id: "A2") { personalData { name ...P } } c: customer(id: "A3") { personalData { name } } }
       fragment P on CustomerPersonalData { address alias: name }`,
      undefined,
      'SALES',
    );
    expect(read).toEqual({
      a: { personalData: { name: '고객 A1', phone: '010-1234-5678' } },
      b: { personalData: { name: '고객 A2', address: '서울 A2', alias: '고객 A2' } },
      c: { personalData: null },
    });
    expect(batches).toHaveLength(1);
    const page = (await t.ok(LOG, {}, 'PRIVACY_OFFICER')).personalDataAccessLog as LogPage;
    expect(page.totalCount).toBe(2);
    const byCustomer = Object.fromEntries(page.edges.map((e) => [e.node.customerId, e.node]));
    expect(byCustomer.A1).toMatchObject({ actor: 'test:sales', role: 'SALES', fields: ['NAME', 'PHONE'] });
    expect(byCustomer.A2).toMatchObject({ actor: 'test:sales', role: 'SALES', fields: ['NAME', 'ADDRESS'] });
    expect(byCustomer.A1!.correlationId).toBe(byCustomer.A2!.correlationId);
    // The token used, not only the subject an ADMIN wrote on it.
    const salesTokenId = /^hub_([0-9a-f]{16})\./.exec(t.tokens.SALES)![1];
    expect([byCustomer.A1!.tokenId, byCustomer.A2!.tokenId]).toEqual([salesTokenId, salesTokenId]);
    expect(Math.abs(Date.parse(byCustomer.A1!.accessedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('filters by customer and period and pages forward', async () => {
    await t.ok(`{ customer(id: "A1") { personalData { address } } }`, undefined, 'PRIVACY_OFFICER');
    const a1 = (await t.ok(LOG, { c: 'A1', first: 1 }, 'PRIVACY_OFFICER')).personalDataAccessLog as LogPage;
    expect(a1.totalCount).toBe(2);
    expect(a1.edges[0]!.node).toMatchObject({ role: 'PRIVACY_OFFICER', fields: ['ADDRESS'] }); // newest first
    const next = (await t.ok(LOG, { c: 'A1', first: 1, after: a1.pageInfo.endCursor }, 'PRIVACY_OFFICER')).personalDataAccessLog as LogPage;
    expect(next.edges.map((e) => e.node.fields)).toEqual([['NAME', 'PHONE']]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const future = (await t.ok(LOG, { from: new Date(Date.now() + 3_600_000).toISOString() }, 'PRIVACY_OFFICER'))
      .personalDataAccessLog as LogPage;
    expect(future.totalCount).toBe(0);
  });

  it('shows the log to the privacy officer only', async () => {
    for (const role of ['VIEWER', 'LEADERSHIP', 'SALES'] as const) {
      const r = await t.graphql(LOG, {}, role);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.errors?.[0]?.message).toMatch(/PRIVACY_OFFICER/);
    }
  });

  it('answers no personal data it could not record', async () => {
    failRecording = true;
    try {
      const r = await t.graphql<{ customer: { personalData: { name: string } | null } | null }>(
        `{ customer(id: "A1") { personalData { name } } }`,
        undefined,
        'SALES',
      );
      expect(r.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(r)).not.toContain('고객 A1');
    } finally {
      failRecording = false;
    }
  });
});
