import type { BranchVisitService } from '@hub/branch-visits';
import { EXECUTIVES, type DemoBranch, type DemoStory } from './story';

/**
 * Christmas 2014: a cake to every branch nationwide; the CEO and executives took them in person
 * to the 74 Seoul branches and met their FCs.
 */
export const seedBranchVisits = async (
  branchVisits: BranchVisitService,
  branchFcs: Map<string, DemoBranch>,
  { random, ctx }: DemoStory,
) => {
  const campaignId = 'xmas-2014';
  await branchVisits.launchCampaign(
    {
      campaignId,
      name: 'Christmas 2014: a cake for every branch',
      purpose: 'Thank every branch; the CEO and executives visit Seoul in person',
      targetBranchIds: [...branchFcs.keys()],
      deadline: '2014-12-24',
    },
    ctx(`${campaignId}:launch`, '2014-12-01T00:00:00.000Z'),
  );
  let visits = 0;
  for (const [branchId, { fcIds, seoul }] of branchFcs) {
    visits++;
    const visitedAt = new Date(Date.UTC(2014, 11, 15 + (visits % 9), 1 + (visits % 8))).toISOString();
    const leaderIds = seoul ? [EXECUTIVES[visits % EXECUTIVES.length]!.employeeId, ...(visits % 5 === 0 ? ['CEO'] : [])] : [];
    await branchVisits.recordVisit(
      {
        visitId: `${campaignId}-${branchId}`,
        branchId,
        leaderIds: [...new Set(leaderIds)],
        visitedAt,
        purpose: seoul ? 'Christmas visit with a cake' : 'Christmas cake delivered',
        campaignId,
        fcIds: seoul ? fcIds.filter(() => random() < 0.7) : [],
        gift: 'Christmas cake',
      },
      ctx(`${campaignId}:${branchId}`, visitedAt),
    );
  }
  return visits;
};
