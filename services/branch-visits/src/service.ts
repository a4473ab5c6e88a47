import { branchVisitStream, campaignStream, hubEventCodec, notFound, occurredAtInstant, parseOrThrow } from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, loadState, type CommandContext, type EventStore, newId } from '@hub/event-store';
import { branchVisitDecider, campaignDecider } from './branchVisit';
import { launchCampaignInput, recordBranchVisitInput } from './commands';

export interface BranchVisitServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getEmployee' | 'getBranch' | 'getFc'>;
}

/** Branch visits and campaigns: validates, checks every branch, leader and FC named, then decides. */
export const createBranchVisitService = ({ store, directory }: BranchVisitServiceDeps) => {
  const findCampaign = async (campaignId: string) => {
    const state = await loadState(store, campaignStream(campaignId), campaignDecider, hubEventCodec);
    if (state.status !== 'launched') throw notFound(`No campaign ${campaignId}`, { campaignId });
    return state.campaign;
  };

  return {
    async launchCampaign(input: unknown, context: CommandContext) {
      const data = parseOrThrow(launchCampaignInput, input, 'campaign');
      for (const branchId of new Set(data.targetBranchIds)) await directory.getBranch(branchId);
      const campaignId = data.campaignId ?? newId(context, 'campaignId');
      const result = await handleCommand(
        store,
        campaignStream(campaignId),
        campaignDecider,
        hubEventCodec,
        { type: 'LaunchCampaign', data: { ...data, campaignId } },
        context,
      );
      return { campaignId, ...result };
    },

    async recordVisit(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordBranchVisitInput, input, 'branch visit');
      await directory.getBranch(data.branchId);
      await Promise.all(data.leaderIds.map((id) => directory.getEmployee(id)));
      const occurredAt = occurredAtInstant(context.occurredAt, data.visitedAt, 'visitedAt');
      // The FCs as they were on the day: one who has moved since was at this branch then.
      const fcs = await Promise.all(data.fcIds.map((id) => directory.getFc(id, occurredAt)));
      const campaign = data.campaignId ? await findCampaign(data.campaignId) : null;
      const visitId = data.visitId ?? newId(context, 'visitId');
      const visit = { ...data, visitId, campaignId: data.campaignId ?? null, gift: data.gift ?? null };
      const result = await handleCommand(
        store,
        branchVisitStream(visitId),
        branchVisitDecider,
        hubEventCodec,
        { type: 'RecordBranchVisit', data: visit, fcs, campaign },
        { ...context, occurredAt },
      );
      return { visitId, ...result };
    },
  };
};

export type BranchVisitService = ReturnType<typeof createBranchVisitService>;
