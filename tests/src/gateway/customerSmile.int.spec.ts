import type { Role } from '@hub/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/*
 * Customer Smile end to end through GraphQL: customers whose personal data stays out of the events
 * and can be erased, contracts, the three follow-ups and their compliance, and the CEO's one-year
 * visit in Banpo as a leader's touch of the FC and of the customer.
 */
describe.each(HUB_ENGINES)('Customer Smile through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>, role?: Role) => t.ok(query, variables, role);

  beforeAll(async () => {
    t = await startHub(engine);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "EXEC", name: "Executive Office", kind: DIVISION }) { id } }`);
    await ok(
      `mutation { registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "EXEC", region: "Seoul", title: "CEO" }) { id } }`,
    );
    await ok(
      `mutation { registerBranch(input: { branchId: "BANPO", name: "반포지점", region: "Seoul", district: "서초구", seoul: true }) { id } }`,
    );
    await ok(
      `mutation { registerBranch(input: { branchId: "BUSAN", name: "해운대지점", region: "Busan", district: "해운대구", seoul: false }) { id } }`,
    );
    await ok(`mutation { enrollBranchInPride(input: { branchId: "BANPO", since: "2014-01-01" }) { id } }`);
    await ok(`mutation { registerFc(input: { fcId: "FC1", name: "이설계", branchId: "BANPO", hiredOn: "2010-01-04" }) { id } }`);
    await ok(`mutation { registerFc(input: { fcId: "FC2", name: "박설계", branchId: "BUSAN", hiredOn: "2010-01-04" }) { id } }`);
    await ok(`mutation { registerFc(input: { fcId: "FC3", name: "최설계", branchId: "BUSAN", hiredOn: "2010-01-04" }) { id } }`);
    await ok(`mutation { recordFcLeft(input: { fcId: "FC3", leftOn: "2014-06-30" }) { id } }`);
    const customers = [
      ['C1', 'BANPO', '김고객', '010-1234-5678', '서울 서초구 반포동 1'],
      ['C2', 'BUSAN', '이고객', '010-2222-3333', '부산 해운대구 1'],
    ];
    for (const [id, branch, name, phone, address] of customers) {
      await ok(`mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { id } }`, {
        i: { customerId: id, branchId: branch, registeredOn: '2014-03-01', name, phone, address },
      });
    }
    await ok(
      `mutation { signContract(input: { contractId: "K1", customerId: "C1", fcId: "FC1", product: "종신보험", signedOn: "2014-03-10" }) { id } }`,
    );
    await ok(
      `mutation { signContract(input: { contractId: "K2", customerId: "C2", fcId: "FC2", product: "연금보험", signedOn: "2014-04-01" }) { id } }`,
    );
  });
  afterAll(() => t.dispose());

  it('keeps personal data out of every event, shows it only to SALES and PRIVACY_OFFICER, and erases it for good', async () => {
    const events = JSON.stringify(await t.hub.store.readAll(), (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    for (const pii of ['김고객', '010-1234-5678', '반포동']) expect(events).not.toContain(pii);

    const q = `{ customer(id: "C1") { id branch { id } personalData { name phone address } } }`;
    const viewer = await t.graphql<{ customer: { personalData: unknown } | null }>(q);
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(viewer.errors?.[0]?.message).toMatch(/SALES or PRIVACY_OFFICER/);
    expect(await ok(q, undefined, 'SALES')).toEqual({
      customer: {
        id: 'C1',
        branch: { id: 'BANPO' },
        personalData: { name: '김고객', phone: '010-1234-5678', address: '서울 서초구 반포동 1' },
      },
    });
    // Figures never need it: a viewer reads the customer's id, branch and contracts.
    expect(await ok(`{ customer(id: "C1") { id contracts { id product } } }`)).toEqual({
      customer: { id: 'C1', contracts: [{ id: 'K1', product: '종신보험' }] },
    });

    await t.refused(
      `mutation { eraseCustomerPersonalData(input: { customerId: "C2", erasedOn: "2016-01-01" }) { id } }`,
      'FORBIDDEN',
      /PRIVACY_OFFICER/,
      undefined,
      'SALES',
    );
    const erased = await ok(
      `mutation { eraseCustomerPersonalData(input: { customerId: "C2", erasedOn: "2016-01-01" }) { id erasedOn personalData { name } } }`,
      undefined,
      'PRIVACY_OFFICER',
    );
    expect(erased).toEqual({ eraseCustomerPersonalData: { id: 'C2', erasedOn: '2016-01-01', personalData: null } });
    const rows = await t.hub.sql.query(`SELECT * FROM hub_private.customer_personal_data WHERE customer_id = 'C2'`);
    expect(rows).toEqual([]);
    await t.refused(
      `mutation { eraseCustomerPersonalData(input: { customerId: "C2", erasedOn: "2016-01-02" }) { id } }`,
      'CONFLICT',
      /already erased/,
      undefined,
      'PRIVACY_OFFICER',
    );
    await t.refused(
      `mutation { signContract(input: { customerId: "C2", fcId: "FC2", product: "p", signedOn: "2016-02-01" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /erased/,
    );
    // A rebuilt view still knows the erasure, and the private store is untouched by a rebuild.
    await t.hub.projector.rebuild();
    expect(await ok(`{ customer(id: "C2") { erasedOn } }`)).toEqual({ customer: { erasedOn: '2016-01-01' } });
    expect(await ok(`{ customer(id: "C1") { personalData { name } } }`, undefined, 'SALES')).toEqual({
      customer: { personalData: { name: '김고객' } },
    });
  });

  it('refuses an unknown API token outright', async () => {
    const r = await t.raw('{ orgUnits { id } }', { authorization: 'Bearer not-a-token-anyone-issued' });
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({
      errors: [{ message: 'Unknown, expired or revoked API token', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('records visits against the three follow-ups and refuses bad ones without appending', async () => {
    const refused = (q: string, code: string, m: RegExp) => t.refused(q, code, m);
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "FC1", visitedAt: "2014-03-09T10:00:00+09:00", topics: ["coverage"] }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /before contract K1 was signed/,
    );
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "NOPE", fcId: "FC1", visitedAt: "2014-04-09T10:00:00+09:00", topics: ["coverage"] }) { id } }`,
      'NOT_FOUND',
      /NOPE/,
    );
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "GHOST", visitedAt: "2014-04-09T10:00:00+09:00", topics: ["coverage"] }) { id } }`,
      'NOT_FOUND',
      /GHOST/,
    );
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "FC1", leaderIds: ["NOBODY"], visitedAt: "2014-04-09T10:00:00+09:00", topics: ["coverage"] }) { id } }`,
      'NOT_FOUND',
      /NOBODY/,
    );
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "FC1", visitedAt: "2014-04-09T10:00:00+09:00", topics: [] }) { id } }`,
      'VALIDATION',
      /topic/,
    );
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "FC1", visitedAt: "2014-04-09T10:00:00+09:00", topics: ["x"], feedback: { rating: 6 } }) { id } }`,
      'VALIDATION',
      /1 to 5/,
    );
    await refused(
      `mutation { signContract(input: { customerId: "C1", fcId: "FC3", product: "p", signedOn: "2014-08-01" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /had left/,
    );
    await refused(
      `mutation { signContract(input: { customerId: "NOPE", fcId: "FC1", product: "p", signedOn: "2014-08-01" }) { id } }`,
      'NOT_FOUND',
      /NOPE/,
    );
    await refused(
      `mutation { registerCustomer(input: { branchId: "NOPE", registeredOn: "2014-01-01", name: "x", phone: "010-1111-2222", address: "a" }) { id } }`,
      'NOT_FOUND',
      /NOPE/,
    );
    await refused(
      `mutation { registerCustomer(input: { branchId: "BANPO", registeredOn: "2014-01-01", name: "x", phone: "call me", address: "a" }) { id } }`,
      'VALIDATION',
      /phone/,
    );

    const first = await ok(
      `mutation { recordCustomerVisit(input: { visitId: "V1", contractId: "K1", fcId: "FC1", visitedAt: "2014-05-20T10:00:00+09:00", topics: ["welcome", "coverage"], feedback: { rating: 5, comment: "친절해요" } }) { id satisfies rating comment topics } }`,
    );
    expect(first).toEqual({
      recordCustomerVisit: { id: 'V1', satisfies: 'THREE_MONTHS', rating: 5, comment: '친절해요', topics: ['welcome', 'coverage'] },
    });
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "FC1", visitedAt: "2014-05-21T10:00:00+09:00", topics: ["again"], satisfies: THREE_MONTHS }) { id } }`,
      'CONFLICT',
      /already satisfied on 2014-05-20/,
    );
    await refused(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "FC1", visitedAt: "2014-05-21T10:00:00+09:00", topics: ["early"], satisfies: ONE_YEAR }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /opens on 2015-02-10/,
    );

    // The CEO goes along to Banpo for the one-year check (the article).
    const banpo = await ok(
      `mutation { recordCustomerVisit(input: { visitId: "V2", contractId: "K1", fcId: "FC1", leaderIds: ["CEO"], visitedAt: "2015-03-12T15:00:00+09:00", topics: ["re-explained the coverage"] }) { id satisfies leaders { id } } }`,
    );
    expect(banpo).toEqual({ recordCustomerVisit: { id: 'V2', satisfies: 'ONE_YEAR', leaders: [{ id: 'CEO' }] } });
    const extra = await ok(
      `mutation { recordCustomerVisit(input: { contractId: "K1", fcId: "FC1", visitedAt: "2015-03-20T15:00:00+09:00", topics: ["claims"], extraVisit: true }) { satisfies } }`,
    );
    expect(extra).toEqual({ recordCustomerVisit: { satisfies: null } });

    // K2 (Busan): no visit within three months, visited late in month five.
    await ok(
      `mutation { recordCustomerVisit(input: { contractId: "K2", fcId: "FC2", visitedAt: "2014-08-20T10:00:00+09:00", topics: ["late hello"] }) { id } }`,
    );

    // Judged on 2015-06-30 (the events are recorded today, so `on` moves the calendar, not `asOf`).
    const on = '2015-06-30';
    const k1 = await ok(
      `query($on: Date) { customer(id: "C1") { contracts { followUps { kind status(on: $on) satisfiedOn dueOn daysLate(on: $on) } } } }`,
      { on },
    );
    expect(k1).toEqual({
      customer: {
        contracts: [
          {
            followUps: [
              { kind: 'THREE_MONTHS', status: 'ON_TIME', satisfiedOn: '2014-05-20', dueOn: '2014-06-10', daysLate: 0 },
              { kind: 'ONE_YEAR', status: 'ON_TIME', satisfiedOn: '2015-03-12', dueOn: '2015-04-10', daysLate: 0 },
              { kind: 'TWO_YEARS', status: 'UPCOMING', satisfiedOn: null, dueOn: '2016-04-10', daysLate: 0 },
            ],
          },
        ],
      },
    });
    // As of mid-2015 K2's one-year check (due 2015-05-01) is overdue and its first was late.
    const complianceQuery = `query($on: Date) { followUpCompliance(groupBy: BRANCH, from: "2014-01-01", to: "2015-12-31", on: $on) { key due onTime late overdue open onTimeRate } }`;
    const compliance = await ok(complianceQuery, { on }, 'SALES');
    expect(compliance).toEqual({
      followUpCompliance: [
        { key: 'BUSAN', due: 2, onTime: 0, late: 1, overdue: 1, open: 0, onTimeRate: 0 },
        { key: 'BANPO', due: 2, onTime: 2, late: 0, overdue: 0, open: 0, onTimeRate: 1 },
      ],
    });
    // Groups of two follow-ups could single a customer out: hidden from roles that see customers only in aggregate.
    expect(await ok(complianceQuery, { on }, 'VIEWER')).toEqual({ followUpCompliance: [] });
    expect(await ok(complianceQuery, { on }, 'HR')).toEqual({ followUpCompliance: [] });
    const byRegion = await ok(
      `query($on: Date) { followUpCompliance(groupBy: REGION, from: "2014-01-01", to: "2015-12-31", pride: true, on: $on) { key onTime } }`,
      { on },
      'LEADERSHIP',
    );
    expect(byRegion).toEqual({ followUpCompliance: [{ key: 'Seoul', onTime: 2 }] });
    const backlog = await ok(
      `query($on: Date) { overdueFollowUps(on: $on) { total followUps { kind customer { id } fc { id } daysLate judgedOn } } }`,
      { on },
    );
    expect(backlog).toEqual({
      overdueFollowUps: {
        total: 1,
        followUps: [{ kind: 'ONE_YEAR', customer: { id: 'C2' }, fc: { id: 'FC2' }, daysLate: 60, judgedOn: on }],
      },
    });
    // Before the one-year window had even closed, nothing was overdue yet.
    expect(await ok(`{ overdueFollowUps(on: "2015-04-30") { total } }`)).toEqual({ overdueFollowUps: { total: 0 } });
    // On 2014-07-02 K2's first follow-up was overdue; its late visit (August) had not happened yet.
    expect(await ok(`{ overdueFollowUps(on: "2014-07-02") { followUps { kind daysLate } } }`)).toEqual({
      overdueFollowUps: { followUps: [{ kind: 'THREE_MONTHS', daysLate: 1 }] },
    });
    const overdueContracts = await ok(
      `query($on: Date) { contracts(filter: { followUpStatus: OVERDUE }, on: $on) { totalCount edges { node { id } } } }`,
      { on },
    );
    expect(overdueContracts).toEqual({ contracts: { totalCount: 1, edges: [{ node: { id: 'K2' } }] } });
  });

  it('makes the CEO’s visit a leader’s touch of the FC and of the customer; an FC alone touches the customer for the company', async () => {
    const timeline = await ok(
      `{ customer(id: "C1") { timeline(first: 10) { totalCount edges { node { channel leader { id } summary } } } } }`,
    );
    expect(timeline).toEqual({
      customer: {
        timeline: {
          totalCount: 3,
          edges: [
            { node: { channel: 'CUSTOMER_VISIT', leader: null, summary: 'Customer visit (종신보험): claims' } },
            { node: { channel: 'CUSTOMER_VISIT', leader: { id: 'CEO' }, summary: 'Customer visit (종신보험): re-explained the coverage' } },
            { node: { channel: 'CUSTOMER_VISIT', leader: null, summary: 'Customer visit (종신보험): welcome, coverage' } },
          ],
        },
      },
    });
    const fc = await ok(`{ touches(filter: { personId: "FC1" }) { edges { node { personKind leader { id } fc { id } touchedAt } } } }`);
    expect(fc).toEqual({
      touches: { edges: [{ node: { personKind: 'FC', leader: { id: 'CEO' }, fc: { id: 'FC1' }, touchedAt: '2015-03-12T06:00:00.000Z' } }] },
    });
    const reachQuery = `{ coverage(population: CUSTOMER, segment: { seoul: true }, period: { from: "2015-01-01T00:00:00+09:00", to: "2016-01-01T00:00:00+09:00" }) { population reached byLeader { leader { id } reached } } }`;
    await t.refused(reachQuery, 'GROUP_TOO_SMALL', /Fewer than 5 customers/, undefined, 'VIEWER');
    const reach = await ok(reachQuery, undefined, 'SALES');
    expect(reach).toEqual({
      coverage: {
        population: 1,
        reached: 1,
        byLeader: [
          { leader: { id: 'CEO' }, reached: 1 },
          { leader: null, reached: 1 },
        ],
      },
    });
    const withCeo = await ok(
      `{ customerVisits(leaderId: "CEO") { totalCount edges { node { id fc { id } } } } all: customerVisits(branchId: "BANPO", first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } } }`,
    );
    expect(withCeo).toMatchObject({
      customerVisits: { totalCount: 1, edges: [{ node: { id: 'V2', fc: { id: 'FC1' } } }] },
      all: { totalCount: 3, pageInfo: { hasNextPage: true } },
    });
    const branch = await ok(
      `{ branch(id: "BANPO") { timeline(first: 2) { totalCount pageInfo { hasNextPage } edges { node { personKind } } } } }`,
      undefined,
      'SALES',
    );
    expect(branch).toEqual({
      branch: {
        timeline: {
          totalCount: 4,
          pageInfo: { hasNextPage: true },
          edges: [{ node: { personKind: 'CUSTOMER' } }, { node: { personKind: 'FC' } }],
        },
      },
    });
    // A VIEWER sees the branch's FCs' touches, its customers' not.
    const viewed = await ok(`{ branch(id: "BANPO") { timeline(first: 10) { edges { node { personKind } } } } }`, undefined, 'VIEWER');
    const kinds = (viewed as { branch: { timeline: { edges: { node: { personKind: string } }[] } } }).branch.timeline.edges.map(
      (e) => e.node.personKind,
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain('CUSTOMER');
  });
});
