import { idSchema, instantSchema, localDateSchema, nonEmptyText } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

export const launchCampaignInput = z
  .object({
    campaignId: idSchema.optional().describe('Optional id; generated when omitted.'),
    name: nonEmptyText(200).describe('Name, e.g. "Christmas cakes to every branch".'),
    purpose: nonEmptyText(500).describe('Purpose.'),
    targetBranchIds: z
      .array(idSchema)
      .min(1, 'needs at least one target branch')
      .max(2000)
      .describe('The branches to reach (each must exist).'),
    deadline: localDateSchema.describe('Deadline.'),
  })
  .describe('A campaign: branches to reach by a deadline.');

export const recordBranchVisitInput = z
  .object({
    visitId: idSchema.optional().describe('Optional id; generated when omitted.'),
    branchId: idSchema.describe('The branch.'),
    leaderIds: z.array(idSchema).max(20).default([]).describe('Leaders who went; none for a delivery.'),
    visitedAt: instantSchema.describe('When.'),
    purpose: nonEmptyText(500).describe('Why.'),
    campaignId: idSchema.nullish().describe('The campaign it is part of (the branch must be one of its targets).'),
    fcIds: z.array(idSchema).max(200).default([]).describe('FCs met (of this branch).'),
    gift: nonEmptyText(200).nullish().describe('What was brought.'),
  })
  .describe('A visit to a branch.');
