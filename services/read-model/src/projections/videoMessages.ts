import { defineProjection } from '../projection';

const DDL = `
CREATE TABLE IF NOT EXISTS hub_view.videos (
  video_id text PRIMARY KEY, author_id text NOT NULL, title text NOT NULL, duration_seconds integer NOT NULL,
  audience text[] NOT NULL, published_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.video_views (
  view_id text PRIMARY KEY, video_id text NOT NULL, viewer_kind text NOT NULL, viewer_id text NOT NULL,
  seconds_watched integer NOT NULL, viewed_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS video_views_video ON hub_view.video_views (video_id);
`;

/** Video messages and their views; each view is a broadcast touch of the viewer by the author. */
export const videoMessageProjection = defineProjection({
  name: 'video-messages',
  shape: 1,
  ddl: DDL,
  touchChannels: ['VIDEO_MESSAGE'],
  handles: ['VideoMessagePublished', 'VideoMessageViewed'],
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    switch (event.type) {
      case 'VideoMessagePublished': {
        const d = event.data;
        await tx.query(`INSERT INTO hub_view.videos VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8) ON CONFLICT DO NOTHING`, [
          d.videoId,
          d.authorId,
          d.title,
          d.durationSeconds,
          d.audience,
          d.publishedAt,
          occurredAt,
          recordedAt,
        ]);
        return;
      }
      case 'VideoMessageViewed': {
        const d = event.data;
        await tx.query(`INSERT INTO hub_view.video_views VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`, [
          d.viewId,
          d.videoId,
          d.viewerKind,
          d.viewerId,
          d.secondsWatched,
          d.viewedAt,
          occurredAt,
          recordedAt,
        ]);
        await tx.query(
          `INSERT INTO hub_view.touches (touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_id, source_position, occurred_at, recorded_at)
           SELECT $1::text, $2, $3, v.author_id, 'VIDEO_MESSAGE', 'BROADCAST', $4, $1::uuid, v.video_id, $5, $8, $6 FROM hub_view.videos v WHERE v.video_id = $7
           ON CONFLICT (touch_id) DO NOTHING`,
          [id, d.viewerId, d.viewerKind, d.viewedAt, position.toString(), recordedAt, d.videoId, occurredAt],
        );
        return;
      }
      default:
        return;
    }
  },
});
