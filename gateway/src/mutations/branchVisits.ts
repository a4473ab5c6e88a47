import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { BranchVisitRef, CampaignRef } from '../types/branchVisit';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

const LaunchCampaignInput = builder.inputType('LaunchCampaignInput', {
  description: 'A campaign: branches to reach by a deadline.',
  fields: (t) => ({
    campaignId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    name: t.string({ required: true, description: 'Name, e.g. "Christmas cakes to every branch".' }),
    purpose: t.string({ required: true, description: 'Purpose.' }),
    targetBranchIds: t.idList({ required: true, description: 'The branches to reach (each must exist).' }),
    deadline: t.field({ type: 'Date', required: true, description: 'Deadline.' }),
  }),
});

const RecordBranchVisitInput = builder.inputType('RecordBranchVisitInput', {
  description: 'A visit to a branch.',
  fields: (t) => ({
    visitId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    branchId: t.id({ required: true, description: 'The branch.' }),
    leaderIds: t.idList({ required: false, description: 'Leaders who went; none for a delivery.' }),
    visitedAt: t.field({ type: 'DateTime', required: true, description: 'When.' }),
    purpose: t.string({ required: true, description: 'Why.' }),
    campaignId: t.id({ required: false, description: 'The campaign it is part of (the branch must be one of its targets).' }),
    fcIds: t.idList({ required: false, description: 'FCs met (of this branch).' }),
    gift: t.string({ required: false, description: 'What was brought.' }),
  }),
});

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
