import { conflict, forbiddenByRule, koreanDay, type EventOf, type HubEvent } from '@hub/events';
import type { FcSnapshot } from '@hub/directory';
import type { Decider } from '@hub/event-store';

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

export type CampaignCommand = { type: 'LaunchCampaign'; data: EventOf<'CampaignLaunched'>['data'] };

const decideCampaign = ({ data }: CampaignCommand, state: CampaignState): EventOf<'CampaignLaunched'>[] => {
  if (state.status !== 'none') throw conflict(`Campaign ${data.campaignId} is already launched`, { campaignId: data.campaignId });
  if (new Set(data.targetBranchIds).size !== data.targetBranchIds.length)
    throw forbiddenByRule('A campaign targets each branch once', { campaignId: data.campaignId });
  return [{ type: 'CampaignLaunched', data }];
};

export const campaignDecider: Decider<CampaignCommand, HubEvent, CampaignState> = {
  initialState: () => ({ status: 'none' }),
  decide: decideCampaign,
  evolve: (state, event) => (event.type === 'CampaignLaunched' ? { status: 'launched', campaign: event.data } : state),
};

export interface RecordBranchVisit {
  type: 'RecordBranchVisit';
  data: EventOf<'BranchVisited'>['data'];
  /** The FCs named as met, as the directory knows them. */
  fcs: FcSnapshot[];
  /** The campaign named, when there is one. */
  campaign: CampaignSnapshot | null;
}

/** A visit is recorded once; the union names the shape every aggregate shares. */
export type BranchVisitCommand = RecordBranchVisit;

const decideBranchVisit = ({ data, fcs, campaign }: BranchVisitCommand, state: BranchVisitState): EventOf<'BranchVisited'>[] => {
  if (state.status !== 'none') throw conflict(`Visit ${data.visitId} is already recorded`, { visitId: data.visitId });
  if (new Set(data.leaderIds).size !== data.leaderIds.length || new Set(data.fcIds).size !== data.fcIds.length) {
    throw forbiddenByRule('Each leader and each FC is named once per visit', { visitId: data.visitId });
  }
  if (data.leaderIds.length === 0 && data.gift === null) {
    throw forbiddenByRule('A visit needs a leader who went, or a gift that was delivered', { visitId: data.visitId });
  }
  // Whether an FC had left is judged on the company's (Korean) calendar day of the visit.
  const day = koreanDay(data.visitedAt);
  for (const fc of fcs) {
    if (fc.branchId !== data.branchId)
      throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) works at ${fc.branchId}, not at ${data.branchId}`, { fcId: fc.fcId });
    if (fc.leftOn !== null && fc.leftOn < day)
      throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) had left by then (${fc.leftOn})`, { fcId: fc.fcId });
  }
  if (campaign && !campaign.targetBranchIds.includes(data.branchId)) {
    throw forbiddenByRule(`Branch ${data.branchId} is not a target of campaign ${campaign.name}`, {
      campaignId: campaign.campaignId,
      branchId: data.branchId,
    });
  }
  return [{ type: 'BranchVisited', data }];
};

export const branchVisitDecider: Decider<BranchVisitCommand, HubEvent, BranchVisitState> = {
  initialState: () => ({ status: 'none' }),
  decide: decideBranchVisit,
  evolve: (state, event) => (event.type === 'BranchVisited' ? { status: 'recorded' } : state),
};
