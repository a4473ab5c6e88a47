import type { EventOf } from '@hub/events';
import type { FcSnapshot } from '@hub/directory';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, it } from 'vitest';
import { branchVisitDecider, campaignDecider, type CampaignSnapshot, type RecordBranchVisit } from './branchVisit';

const christmas: CampaignSnapshot = {
  campaignId: 'XMAS-2014',
  name: 'CEO visits every Seoul branch',
  targetBranchIds: ['B1', 'B2'],
  deadline: '2014-12-24',
};
const fc = (fcId: string, branchId = 'B1', leftOn: string | null = null): FcSnapshot => ({
  fcId,
  name: fcId,
  branchId,
  hiredOn: '2010-01-04',
  leftOn,
});
const visit = (over: Partial<EventOf<'BranchVisited'>['data']> = {}): EventOf<'BranchVisited'>['data'] => ({
  visitId: 'V1',
  branchId: 'B1',
  leaderIds: ['CEO'],
  visitedAt: '2014-12-20T02:00:00.000Z',
  purpose: 'Christmas visit',
  campaignId: 'XMAS-2014',
  fcIds: ['FC1'],
  gift: 'Christmas cake',
  ...over,
});
const record = (data: EventOf<'BranchVisited'>['data'], fcs: FcSnapshot[], campaign: CampaignSnapshot | null): RecordBranchVisit => ({
  type: 'RecordBranchVisit',
  data,
  fcs,
  campaign,
});
const visited = (data: EventOf<'BranchVisited'>['data']): EventOf<'BranchVisited'> => ({ type: 'BranchVisited', data });

describe('campaigns', () => {
  const { given } = deciderSpec(campaignDecider);
  const data = { campaignId: 'XMAS-2014', name: 'n', purpose: 'p', targetBranchIds: ['B1', 'B2'], deadline: '2014-12-24' };
  const launched: EventOf<'CampaignLaunched'> = { type: 'CampaignLaunched', data };
  it('launches once, each target once', () => {
    given().when({ type: 'LaunchCampaign', data }).then([launched]);
    given(launched).when({ type: 'LaunchCampaign', data }).thenThrows('CONFLICT');
    given()
      .when({ type: 'LaunchCampaign', data: { ...data, targetBranchIds: ['B1', 'B1'] } })
      .thenThrows(/each branch once/);
  });
});

describe('branch visits', () => {
  const { given } = deciderSpec(branchVisitDecider);
  it('records a leader meeting the branch’s FCs, for a campaign that targets the branch', () => {
    given()
      .when(record(visit(), [fc('FC1')], christmas))
      .then([visited(visit())]);
  });
  it('records a cake delivered without a leader, but not a visit with neither leader nor gift', () => {
    given()
      .when(record(visit({ leaderIds: [], fcIds: [] }), [], christmas))
      .then([visited(visit({ leaderIds: [], fcIds: [] }))]);
    given()
      .when(record(visit({ leaderIds: [], gift: null, fcIds: [] }), [], null))
      .thenThrows(/needs a leader/);
  });
  it('refuses an FC of another branch, or one who had left', () => {
    given()
      .when(record(visit(), [fc('FC1', 'B9')], christmas))
      .thenThrows(/works at B9/);
    given()
      .when(record(visit(), [fc('FC1', 'B1', '2014-06-30')], christmas))
      .thenThrows(/had left/);
  });
  it('judges whether an FC had left on the Korean calendar day of the visit', () => {
    // 2014-12-19T16:00Z is already 12-20 in Korea: an FC whose last day was 12-19 had left by then.
    given()
      .when(record(visit({ visitedAt: '2014-12-19T16:00:00.000Z' }), [fc('FC1', 'B1', '2014-12-19')], christmas))
      .thenThrows(/had left/);
    given()
      .when(record(visit({ visitedAt: '2014-12-19T14:59:00.000Z' }), [fc('FC1', 'B1', '2014-12-19')], christmas))
      .then([visited(visit({ visitedAt: '2014-12-19T14:59:00.000Z' }))]);
  });
  it('refuses a campaign visit to a branch the campaign does not target', () => {
    given()
      .when(record(visit({ branchId: 'B7', fcIds: [] }), [], christmas))
      .thenThrows(/not a target/);
  });
  it('refuses the same visit twice and names repeated', () => {
    given(visited(visit()))
      .when(record(visit(), [fc('FC1')], christmas))
      .thenThrows('CONFLICT');
    given()
      .when(record(visit({ leaderIds: ['CEO', 'CEO'] }), [fc('FC1')], christmas))
      .thenThrows(/named once/);
  });
});
