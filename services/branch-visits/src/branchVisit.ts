import { conflict, forbiddenByRule, type EventOf, type HubEvent } from '@hub/contracts';
import type { FcSnapshot } from '@hub/directory';

/*
 * Where branch visits and campaigns are decided: pure functions only. A campaign and a visit are
 * each a stream; a visit made for a campaign must go to one of its target branches.
 */

export interface CampaignSnapshot {
  campaignId: string;
  name: string;
  targetBranchIds: string[];
  deadline: string;
}

export type CampaignState = { status: 'none' } | { status: 'launched'; campaign: CampaignSnapshot };
export type BranchVisitState = { status: 'none' } | { status: 'recorded' };

export const campaignDecider = {
  initialState: (): CampaignState => ({ status: 'none' }),
  evolve: (state: CampaignState, event: HubEvent): CampaignState =>
    event.type === 'CampaignLaunched' ? { status: 'launched', campaign: event.data } : state,
};

export const branchVisitDecider = {
  initialState: (): BranchVisitState => ({ status: 'none' }),
  evolve: (state: BranchVisitState, event: HubEvent): BranchVisitState => (event.type === 'BranchVisited' ? { status: 'recorded' } : state),
};

export const decideCampaignLaunch = (data: EventOf<'CampaignLaunched'>['data'], state: CampaignState): EventOf<'CampaignLaunched'>[] => {
  if (state.status !== 'none') throw conflict(`Campaign ${data.campaignId} is already launched`, { campaignId: data.campaignId });
  if (new Set(data.targetBranchIds).size !== data.targetBranchIds.length) throw forbiddenByRule('A campaign targets each branch once', { campaignId: data.campaignId });
  return [{ type: 'CampaignLaunched', data }];
};

export interface RecordBranchVisit {
  data: EventOf<'BranchVisited'>['data'];
  /** The FCs named as met, as the directory knows them. */
  fcs: FcSnapshot[];
  /** The campaign named, when there is one. */
  campaign: CampaignSnapshot | null;
}

export const decideBranchVisit = ({ data, fcs, campaign }: RecordBranchVisit, state: BranchVisitState): EventOf<'BranchVisited'>[] => {
  if (state.status !== 'none') throw conflict(`Visit ${data.visitId} is already recorded`, { visitId: data.visitId });
  if (new Set(data.leaderIds).size !== data.leaderIds.length || new Set(data.fcIds).size !== data.fcIds.length) {
    throw forbiddenByRule('Each leader and each FC is named once per visit', { visitId: data.visitId });
  }
  if (data.leaderIds.length === 0 && data.gift === null) {
    throw forbiddenByRule('A visit needs a leader who went, or a gift that was delivered', { visitId: data.visitId });
  }
  const day = data.visitedAt.slice(0, 10);
  for (const fc of fcs) {
    if (fc.branchId !== data.branchId) throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) works at ${fc.branchId}, not at ${data.branchId}`, { fcId: fc.fcId });
    if (fc.leftOn !== null && fc.leftOn < day) throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) had left by then (${fc.leftOn})`, { fcId: fc.fcId });
  }
  if (campaign && !campaign.targetBranchIds.includes(data.branchId)) {
    throw forbiddenByRule(`Branch ${data.branchId} is not a target of campaign ${campaign.name}`, { campaignId: campaign.campaignId, branchId: data.branchId });
  }
  return [{ type: 'BranchVisited', data }];
};
