import { z } from 'zod';
import { idSchema, localDateSchema, nonEmptyText } from '../primitives';

/*
 * Branch visits and campaigns. A campaign targets a set of branches by a deadline ("Christmas
 * cakes to every branch", "the CEO and executives visit all 74 Seoul branches"); a visit records
 * who went where, whom they met and what they brought.
 * Streams: `campaign-<id>`, `branchVisit-<id>`.
 */
export const campaignStream = (campaignId: string) => `campaign-${campaignId}`;
export const branchVisitStream = (visitId: string) => `branchVisit-${visitId}`;

export const campaignLaunchedSchema = z.object({
  type: z.literal('CampaignLaunched'),
  data: z.object({
    campaignId: idSchema,
    name: nonEmptyText(200),
    purpose: nonEmptyText(500),
    targetBranchIds: z.array(idSchema).min(1),
    deadline: localDateSchema,
  }),
});

export const branchVisitedSchema = z.object({
  type: z.literal('BranchVisited'),
  data: z.object({
    visitId: idSchema,
    branchId: idSchema,
    /** The leaders who went; empty for a delivery without a leader (it then reaches no one). */
    leaderIds: z.array(idSchema),
    visitedAt: z.iso.datetime({ offset: true }),
    purpose: nonEmptyText(500),
    campaignId: idSchema.nullable(),
    /** FCs (설계사) the leaders met there. */
    fcIds: z.array(idSchema),
    /** What was brought, e.g. "Christmas cake". */
    gift: nonEmptyText(200).nullable(),
  }),
});

export const branchVisitEventSchemas = [campaignLaunchedSchema, branchVisitedSchema] as const;
export type BranchVisitEvent = z.infer<(typeof branchVisitEventSchemas)[number]>;
