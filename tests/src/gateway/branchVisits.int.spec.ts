import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

describe.each(HUB_ENGINES)('branch visits and campaigns through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const refused = (query: string, code: string, message: RegExp) => t.refused(query, code, message);
  const december = { from: '2014-12-01T00:00:00+09:00', to: '2015-01-01T00:00:00+09:00' };

  beforeAll(async () => {
    t = await startHub(engine);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "EXEC", name: "Executive Office", kind: DIVISION }) { id } }`);
    await ok(
      `mutation { registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "EXEC", region: "Seoul", title: "CEO" }) { id } }`,
    );
    await ok(
      `mutation { registerEmployee(input: { employeeId: "CSO", name: "서영업", grade: EXECUTIVE, orgUnitId: "EXEC", region: "Seoul", title: "CSO" }) { id } }`,
    );
    for (const [id, seoul] of [
      ['S1', true],
      ['S2', true],
      ['B1', false],
    ] as const) {
      await ok(
        `mutation($id: ID!, $name: String!, $seoul: Boolean!) { registerBranch(input: { branchId: $id, name: $name, region: "R", district: "D", seoul: $seoul }) { id } }`,
        { id, name: `Branch ${id}`, seoul },
      );
    }
    await ok(`mutation { registerFc(input: { fcId: "FC1", name: "이설계", branchId: "S1", hiredOn: "2010-01-04" }) { id } }`);
    await ok(`mutation { registerFc(input: { fcId: "FC2", name: "박설계", branchId: "S1", hiredOn: "2010-01-04" }) { id } }`);
    await ok(`mutation { registerFc(input: { fcId: "FC3", name: "최설계", branchId: "S2", hiredOn: "2010-01-04" }) { id } }`);
  });
  afterAll(() => t.dispose());

  it('tracks a Christmas campaign: visits by leaders, cake deliveries, progress, and the gap', async () => {
    const launched = await ok(
      `mutation { launchCampaign(input: { campaignId: "XMAS", name: "Christmas cakes", purpose: "Thank every branch", targetBranchIds: ["S1", "S2", "B1"], deadline: "2014-12-24" }) { id targetCount visitedCount progress complete } }`,
    );
    expect(launched).toEqual({ launchCampaign: { id: 'XMAS', targetCount: 3, visitedCount: 0, progress: 0, complete: false } });
    expect(
      await ok(`query($from: DateTime!, $to: DateTime!) { unvisitedBranches(from: $from, to: $to, seoul: true) { id } }`, december),
    ).toEqual({
      unvisitedBranches: [{ id: 'S1' }, { id: 'S2' }],
    });

    const visit = await ok(
      `mutation { recordBranchVisit(input: { visitId: "V1", branchId: "S1", leaderIds: ["CEO", "CSO"], visitedAt: "2014-12-20T11:00:00+09:00", purpose: "Christmas visit", campaignId: "XMAS", fcIds: ["FC1", "FC2"], gift: "Christmas cake" }) { id leaders { id } fcs { id } gift campaign { id } } }`,
    );
    expect(visit).toEqual({
      recordBranchVisit: {
        id: 'V1',
        leaders: [{ id: 'CEO' }, { id: 'CSO' }],
        fcs: [{ id: 'FC1' }, { id: 'FC2' }],
        gift: 'Christmas cake',
        campaign: { id: 'XMAS' },
      },
    });
    await ok(
      `mutation { recordBranchVisit(input: { branchId: "B1", visitedAt: "2014-12-22T11:00:00+09:00", purpose: "Cake delivered", campaignId: "XMAS", gift: "Christmas cake" }) { id } }`,
    );

    const byCso = await ok(
      `{ branchVisits(leaderId: "CSO") { totalCount edges { node { id branch { id } } } } all: branchVisits(campaignId: "XMAS", first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } } }`,
    );
    expect(byCso).toEqual({
      branchVisits: { totalCount: 1, edges: [{ node: { id: 'V1', branch: { id: 'S1' } } }] },
      all: { totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: expect.any(String) } }] },
    });
    const progress = await ok(`{ campaigns { id visitedCount progress complete remaining { id } } }`);
    expect(progress).toEqual({ campaigns: [{ id: 'XMAS', visitedCount: 2, progress: 2 / 3, complete: false, remaining: [{ id: 'S2' }] }] });
    // A delivery without a leader is no leader's visit: S2 is still a gap, B1 too.
    expect(await ok(`query($from: DateTime!, $to: DateTime!) { unvisitedBranches(from: $from, to: $to) { id } }`, december)).toEqual({
      unvisitedBranches: [{ id: 'B1' }, { id: 'S2' }],
    });

    // Each FC met was touched by each leader who went.
    const fcTouches = await t.hub.sql.query<{ person_id: string; leader_id: string }>(
      `SELECT person_id, leader_id FROM hub_view.touches WHERE channel = 'BRANCH_VISIT' ORDER BY 1, 2`,
    );
    expect(fcTouches).toEqual([
      { person_id: 'FC1', leader_id: 'CEO' },
      { person_id: 'FC1', leader_id: 'CSO' },
      { person_id: 'FC2', leader_id: 'CEO' },
      { person_id: 'FC2', leader_id: 'CSO' },
    ]);
    expect(await ok(`{ branch(id: "S1") { visits { id } } }`)).toEqual({ branch: { visits: [{ id: 'V1' }] } });
  });

  it('refuses visits that do not add up, appending nothing', async () => {
    await refused(
      `mutation { recordBranchVisit(input: { branchId: "S2", leaderIds: ["CEO"], visitedAt: "2014-12-21T11:00:00+09:00", purpose: "x", fcIds: ["FC1"] }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /works at S1/,
    );
    await refused(
      `mutation { recordBranchVisit(input: { branchId: "NOPE", leaderIds: ["CEO"], visitedAt: "2014-12-21T11:00:00+09:00", purpose: "x" }) { id } }`,
      'NOT_FOUND',
      /branch NOPE/,
    );
    await refused(
      `mutation { recordBranchVisit(input: { branchId: "S2", leaderIds: ["NOBODY"], visitedAt: "2014-12-21T11:00:00+09:00", purpose: "x" }) { id } }`,
      'NOT_FOUND',
      /NOBODY/,
    );
    await refused(
      `mutation { recordBranchVisit(input: { branchId: "S2", visitedAt: "2014-12-21T11:00:00+09:00", purpose: "x" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /needs a leader/,
    );
    await refused(
      `mutation { recordBranchVisit(input: { branchId: "S2", leaderIds: ["CEO"], visitedAt: "2014-12-21T11:00:00+09:00", purpose: "x", campaignId: "NOPE" }) { id } }`,
      'NOT_FOUND',
      /campaign NOPE/,
    );
    await refused(
      `mutation { recordBranchVisit(input: { visitId: "V1", branchId: "S1", leaderIds: ["CEO"], visitedAt: "2014-12-21T11:00:00+09:00", purpose: "x" }) { id } }`,
      'CONFLICT',
      /already recorded/,
    );
    await refused(
      `mutation { launchCampaign(input: { name: "x", purpose: "y", targetBranchIds: ["S1", "NOPE"], deadline: "2015-01-01" }) { id } }`,
      'NOT_FOUND',
      /branch NOPE/,
    );
    await refused(
      `mutation { launchCampaign(input: { name: "x", purpose: "y", targetBranchIds: [], deadline: "2015-01-01" }) { id } }`,
      'VALIDATION',
      /target branch/,
    );
  });
});
