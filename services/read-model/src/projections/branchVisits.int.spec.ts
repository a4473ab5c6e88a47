import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { touchesOf, viewOf } from '../testing';
import { branchVisitProjection } from './branchVisits';

const at = '2015-12-20T14:00:00+09:00';

describe.each(SQL_ENGINES)('the branch-visit projection alone on $name', (engine) => {
  it('touches every FC met by every leader who went, and no one on a delivery without a leader', async () => {
    const view = await viewOf(
      engine,
      [branchVisitProjection],
      [
        {
          stream: 'campaign-XMAS',
          occurredAt: at,
          event: {
            type: 'CampaignLaunched',
            data: { campaignId: 'XMAS', name: 'Christmas', purpose: 'Cakes', targetBranchIds: ['B1', 'B2'], deadline: '2015-12-24' },
          },
        },
        {
          stream: 'branch-visit-V1',
          occurredAt: at,
          event: {
            type: 'BranchVisited',
            data: {
              visitId: 'V1',
              branchId: 'B1',
              leaderIds: ['CEO', 'CFO'],
              visitedAt: at,
              purpose: 'Cake',
              campaignId: 'XMAS',
              fcIds: ['F1', 'F2'],
              gift: 'cake',
            },
          },
        },
        {
          stream: 'branch-visit-V2',
          occurredAt: at,
          event: {
            type: 'BranchVisited',
            data: {
              visitId: 'V2',
              branchId: 'B2',
              leaderIds: [],
              visitedAt: at,
              purpose: 'Cake',
              campaignId: 'XMAS',
              fcIds: ['F3'],
              gift: 'cake',
            },
          },
        },
      ],
    );
    try {
      const { db } = view;
      expect(await db.query(`SELECT campaign_id, branch_id FROM hub_view.campaign_targets ORDER BY 2`)).toEqual([
        { campaign_id: 'XMAS', branch_id: 'B1' },
        { campaign_id: 'XMAS', branch_id: 'B2' },
      ]);
      expect(await db.query(`SELECT visit_id FROM hub_view.branch_visits ORDER BY 1`)).toEqual([{ visit_id: 'V1' }, { visit_id: 'V2' }]);
      const touches = await touchesOf(db, ['BRANCH_VISIT']);
      expect(touches.map((t) => `${t.person_id}<-${t.leader_id}`).sort()).toEqual(['F1<-CEO', 'F1<-CFO', 'F2<-CEO', 'F2<-CFO']);
    } finally {
      await view.dispose();
    }
  });
});
