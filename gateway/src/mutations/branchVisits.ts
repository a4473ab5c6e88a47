import { launchCampaignInput, recordBranchVisitInput } from '@hub/branch-visits';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { BranchVisitRef } from '../types/branchVisit';
import { CampaignRef } from '../types/campaign';
import { zodInput } from '../zodInput';
import { commandArgs, commandContext, readBack, readBackItem } from './command';

const LaunchCampaignInput = zodInput('LaunchCampaignInput', launchCampaignInput);

const RecordBranchVisitInput = zodInput('RecordBranchVisitInput', recordBranchVisitInput);

builder.mutationFields((t) => ({
  launchCampaign: t.field({
    authScopes: ACCESS.recordFieldVisits,
    type: CampaignRef,
    description: 'Launch a campaign targeting a set of branches.',
    args: commandArgs(t.arg, LaunchCampaignInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.branchVisits.launchCampaign(input, commandContext(ctx, commandId, occurredAt));
      return readBack(ctx, result.position, (l) => l.campaign, result.campaignId, 'campaign');
    },
  }),
  recordBranchVisit: t.field({
    authScopes: ACCESS.recordFieldVisits,
    type: BranchVisitRef,
    description: 'Record a branch visit. Every FC met becomes a touch by every leader who went.',
    args: commandArgs(t.arg, RecordBranchVisitInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.branchVisits.recordVisit(input, commandContext(ctx, commandId, occurredAt));
      const matches = (v: { visitId: string }) => v.visitId === result.visitId;
      return readBackItem(ctx, result.position, (l) => l.branchVisits, String(input.branchId), matches, `visit ${result.visitId}`);
    },
  }),
}));
