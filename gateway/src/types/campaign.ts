import { type CampaignRow } from '@hub/read-model';
import { builder } from '../builder';
import { BranchRef } from './branch';
import { present } from './branchVisit';

export const CampaignRef = builder.objectRef<CampaignRow>('Campaign');

CampaignRef.implement({
  description: 'A campaign: a target set of branches to reach by a deadline.',
  fields: (t) => ({
    id: t.exposeID('campaignId', { description: 'Campaign id.' }),
    name: t.exposeString('name', { description: 'Name.' }),
    purpose: t.exposeString('purpose', { description: 'Purpose.' }),
    deadline: t.expose('deadline', { type: 'Date', description: 'Deadline.' }),
    targetCount: t.int({ description: 'Branches targeted.', resolve: (c) => c.targetBranchIds.length }),
    visitedCount: t.int({ description: 'Targeted branches reached for this campaign.', resolve: (c) => c.visitedBranchIds.length }),
    progress: t.float({
      description: 'visitedCount / targetCount, 0 to 1.',
      resolve: (c) => c.visitedBranchIds.length / c.targetBranchIds.length,
    }),
    complete: t.boolean({ description: 'Every target reached.', resolve: (c) => c.visitedBranchIds.length === c.targetBranchIds.length }),
    remaining: t.field({
      type: [BranchRef],
      description: 'Targeted branches not reached yet.',
      resolve: async (c, _, ctx) => {
        const visited = new Set(c.visitedBranchIds);
        return present(await ctx.loadersAt(c.asOf).branch.loadMany(c.targetBranchIds.filter((id) => !visited.has(id))));
      },
    }),
  }),
});
