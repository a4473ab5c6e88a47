import type { Projection } from '../projection';

/**
 * Campaigns and branch visits into their tables, and into `touches`: every FC met is touched,
 * face to face, by every leader who went. A delivery without a leader touches no one.
 */
export const branchVisitProjection: Projection = {
  name: 'branch-visits',
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    switch (event.type) {
      case 'CampaignLaunched': {
        const d = event.data;
        await tx.query(`INSERT INTO hub_view.campaigns VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
          d.campaignId,
          d.name,
          d.purpose,
          d.deadline,
          occurredAt,
          recordedAt,
        ]);
        await tx.query(
          `INSERT INTO hub_view.campaign_targets SELECT $1, branch_id, $4, $3 FROM unnest($2::text[]) AS branch_id ON CONFLICT DO NOTHING`,
          [d.campaignId, d.targetBranchIds, recordedAt, occurredAt],
        );
        return;
      }
      case 'BranchVisited': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.branch_visits VALUES ($1, $2, $3::text[], $4, $5, $6, $7::text[], $8, $9, $10) ON CONFLICT DO NOTHING`,
          [d.visitId, d.branchId, d.leaderIds, d.visitedAt, d.purpose, d.campaignId, d.fcIds, d.gift, occurredAt, recordedAt],
        );
        await tx.query(
          `INSERT INTO hub_view.touches (touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_id, source_position, occurred_at, recorded_at)
           SELECT $1 || ':' || fc_id || ':' || leader_id, fc_id, 'FC', leader_id, 'BRANCH_VISIT', 'FACE_TO_FACE', $2, $1::uuid, $7, $3, $8, $4
           FROM unnest($5::text[]) AS fc_id, unnest($6::text[]) AS leader_id
           ON CONFLICT (touch_id) DO NOTHING`,
          [id, d.visitedAt, position.toString(), recordedAt, d.fcIds, d.leaderIds, d.visitId, occurredAt],
        );
        return;
      }
      default:
        return;
    }
  },
};
