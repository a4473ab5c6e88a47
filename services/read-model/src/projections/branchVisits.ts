import { defineProjection } from '../projection';

const DDL = `
CREATE TABLE IF NOT EXISTS hub_view.campaigns (
  campaign_id text PRIMARY KEY, name text NOT NULL, purpose text NOT NULL, deadline date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.campaign_targets (
  campaign_id text NOT NULL, branch_id text NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, PRIMARY KEY (campaign_id, branch_id)
);
CREATE TABLE IF NOT EXISTS hub_view.branch_visits (
  visit_id text PRIMARY KEY, branch_id text NOT NULL, leader_ids text[] NOT NULL, visited_at timestamptz NOT NULL,
  purpose text NOT NULL, campaign_id text, fc_ids text[] NOT NULL, gift text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS branch_visits_branch ON hub_view.branch_visits (branch_id, visited_at);
`;

/**
 * Campaigns and branch visits into their tables, and into `touches`: every FC met is touched,
 * face to face, by every leader who went. A delivery without a leader touches no one.
 */
export const branchVisitProjection = defineProjection({
  name: 'branch-visits',
  shape: 1,
  ddl: DDL,
  touchChannels: ['BRANCH_VISIT'],
  handles: ['CampaignLaunched', 'BranchVisited'],
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
           ON CONFLICT DO NOTHING`,
          [id, d.visitedAt, position.toString(), recordedAt, d.fcIds, d.leaderIds, d.visitId, occurredAt],
        );
        return;
      }
      default:
        return;
    }
  },
});
