import type { EventOf } from '@hub/contracts';
import type { FcSnapshot } from '@hub/directory';
import { describe, expect, it } from 'vitest';
import { branchVisitDecider, campaignDecider, decideBranchVisit, decideCampaignLaunch, type CampaignSnapshot } from './branchVisit';

const christmas: CampaignSnapshot = { campaignId: 'XMAS-2014', name: 'CEO visits every Seoul branch', targetBranchIds: ['B1', 'B2'], deadline: '2014-12-24' };
const fc = (fcId: string, branchId = 'B1', leftOn: string | null = null): FcSnapshot => ({ fcId, name: fcId, branchId, hiredOn: '2010-01-04', leftOn });
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
const none = branchVisitDecider.initialState();

describe('campaigns', () => {
  it('launches once, each target once', () => {
    const data = { campaignId: 'XMAS-2014', name: 'n', purpose: 'p', targetBranchIds: ['B1', 'B2'], deadline: '2014-12-24' };
    expect(decideCampaignLaunch(data, campaignDecider.initialState())).toHaveLength(1);
    expect(() => decideCampaignLaunch(data, { status: 'launched', campaign: christmas })).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
    expect(() => decideCampaignLaunch({ ...data, targetBranchIds: ['B1', 'B1'] }, campaignDecider.initialState())).toThrow(/each branch once/);
  });
});

describe('branch visits', () => {
  it('records a leader meeting the branch’s FCs, for a campaign that targets the branch', () => {
    expect(decideBranchVisit({ data: visit(), fcs: [fc('FC1')], campaign: christmas }, none)).toEqual([{ type: 'BranchVisited', data: visit() }]);
  });
  it('records a cake delivered without a leader, but not a visit with neither leader nor gift', () => {
    expect(decideBranchVisit({ data: visit({ leaderIds: [], fcIds: [] }), fcs: [], campaign: christmas }, none)).toHaveLength(1);
    expect(() => decideBranchVisit({ data: visit({ leaderIds: [], gift: null, fcIds: [] }), fcs: [], campaign: null }, none)).toThrow(/needs a leader/);
  });
  it('refuses an FC of another branch, or one who had left', () => {
    expect(() => decideBranchVisit({ data: visit(), fcs: [fc('FC1', 'B9')], campaign: christmas }, none)).toThrow(/works at B9/);
    expect(() => decideBranchVisit({ data: visit(), fcs: [fc('FC1', 'B1', '2014-06-30')], campaign: christmas }, none)).toThrow(/had left/);
  });
  it('refuses a campaign visit to a branch the campaign does not target', () => {
    expect(() => decideBranchVisit({ data: visit({ branchId: 'B7', fcIds: [] }), fcs: [], campaign: christmas }, none)).toThrow(/not a target/);
  });
  it('refuses the same visit twice and names repeated', () => {
    expect(() => decideBranchVisit({ data: visit(), fcs: [fc('FC1')], campaign: christmas }, { status: 'recorded' })).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
    expect(() => decideBranchVisit({ data: visit({ leaderIds: ['CEO', 'CEO'] }), fcs: [fc('FC1')], campaign: christmas }, none)).toThrow(/named once/);
  });
});
