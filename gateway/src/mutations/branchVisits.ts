import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { zodInput } from '../zodInput';
import { launchCampaignInput, recordBranchVisitInput } from '@hub/branch-visits';
import { BranchVisitRef, CampaignRef } from '../types/branchVisit';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

const LaunchCampaignInput = zodInput('LaunchCampaignInput', launchCampaignInput);

const RecordBranchVisitInput = zodInput('RecordBranchVisitInput', recordBranchVisitInput);

builder.mutationFields((t) => ({
  launchCampaign: t.field({
    authScopes: ACCESS.recordFieldVisits,
    type: CampaignRef,
    description: 'Launch a campaign targeting a set of branches.',
    args: {
      input: t.arg({ type: LaunchCampaignInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.branchVisits.launchCampaign(input, commandContext(ctx, commandId, occurredAt));
      await ctx.waitForView(result.position);
      const loader = ctx.loadersAt(READ_BACK).campaign;
      loader.clear(result.campaignId);
      const campaign = await loader.load(result.campaignId);
      if (!campaign) throw notFound(`No campaign ${result.campaignId}`);
      return campaign;
    },
  }),
  recordBranchVisit: t.field({
    authScopes: ACCESS.recordFieldVisits,
    type: BranchVisitRef,
    description: 'Record a branch visit. Every FC met becomes a touch by every leader who went.',
    args: {
      input: t.arg({ type: RecordBranchVisitInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.branchVisits.recordVisit(input, commandContext(ctx, commandId, occurredAt));
      await ctx.waitForView(result.position);
      const loader = ctx.loadersAt(READ_BACK).branchVisits;
      loader.clear(String(input.branchId));
      const visit = (await loader.load(String(input.branchId))).find((v) => v.visitId === result.visitId);
      if (!visit) throw notFound(`No visit ${result.visitId}`);
      return visit;
    },
  }),
}));
