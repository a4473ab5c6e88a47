import { idSchema, instantSchema, localDateSchema, nonEmptyText } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

export const launchCampaignInput = z.object({
  campaignId: idSchema.optional(),
  name: nonEmptyText(200),
  purpose: nonEmptyText(500),
  targetBranchIds: z.array(idSchema).min(1, 'needs at least one target branch').max(2000),
  deadline: localDateSchema,
});

export const recordBranchVisitInput = z.object({
  visitId: idSchema.optional(),
  branchId: idSchema,
  leaderIds: z.array(idSchema).max(20).default([]),
  visitedAt: instantSchema,
  purpose: nonEmptyText(500),
  campaignId: idSchema.nullish(),
  fcIds: z.array(idSchema).max(200).default([]),
  gift: nonEmptyText(200).nullish(),
});
