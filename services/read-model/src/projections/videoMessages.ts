import { defineProjection, eventsOf, insertRows, stamps, TOUCH_COLUMNS } from '../projection';

const DDL = `
CREATE TABLE IF NOT EXISTS hub_view.videos (
  video_id text PRIMARY KEY, author_id text NOT NULL, title text NOT NULL, duration_seconds integer NOT NULL,
  audience text[] NOT NULL, published_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.video_views (
  view_id text NOT NULL, video_id text NOT NULL, viewer_kind text NOT NULL, viewer_id text NOT NULL,
  seconds_watched integer NOT NULL, viewed_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
-- Its key as a unique index, not a primary key: a rebuild from zero builds it after the replay,
-- sorted, instead of inserting millions of random ids into a B-tree that outgrows memory. A view
-- id is the viewer's own (unique within one viewer's views of one video), so the key is all four.
CREATE UNIQUE INDEX IF NOT EXISTS video_views_id ON hub_view.video_views (video_id, viewer_kind, viewer_id, view_id);
CREATE INDEX IF NOT EXISTS video_views_video ON hub_view.video_views (video_id);
`;

/**
 * Video messages and their views; each view is a broadcast touch of the viewer by the author. Views
 * are half of a company's events: set-based, the batch's videos first, then their views and touches.
 */
export const videoMessageProjection = defineProjection({
  name: 'video-messages',
  shape: 2,
  ddl: DDL,
  touchChannels: ['VIDEO_MESSAGE'],
  handles: ['VideoMessagePublished', 'VideoMessageViewed'],
  async applyMany(tx, events) {
    await insertRows(
      tx,
      'videos',
      'video_id text, author_id text, title text, duration_seconds integer, audience text[], published_at timestamptz, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'VideoMessagePublished').map((e) => ({
        video_id: e.event.data.videoId,
        author_id: e.event.data.authorId,
        title: e.event.data.title,
        duration_seconds: e.event.data.durationSeconds,
        audience: e.event.data.audience,
        published_at: e.event.data.publishedAt,
        ...stamps(e),
      })),
    );
    const views = eventsOf(events, 'VideoMessageViewed');
    await insertRows(
      tx,
      'video_views',
      'view_id text, video_id text, viewer_kind text, viewer_id text, seconds_watched integer, viewed_at timestamptz, occurred_at timestamptz, recorded_at timestamptz',
      views.map((e) => ({
        view_id: e.event.data.viewId,
        video_id: e.event.data.videoId,
        viewer_kind: e.event.data.viewerKind,
        viewer_id: e.event.data.viewerId,
        seconds_watched: e.event.data.secondsWatched,
        viewed_at: e.event.data.viewedAt,
        ...stamps(e),
      })),
    );
    await insertRows(
      tx,
      'touches',
      'id text, viewer_id text, viewer_kind text, video_id text, viewed_at timestamptz, position bigint, occurred_at timestamptz, recorded_at timestamptz',
      views.map((e) => ({
        id: e.id,
        viewer_id: e.event.data.viewerId,
        viewer_kind: e.event.data.viewerKind,
        video_id: e.event.data.videoId,
        viewed_at: e.event.data.viewedAt,
        position: e.position.toString(),
        ...stamps(e),
      })),
      {
        into: TOUCH_COLUMNS,
        select: `r.id, r.viewer_id, r.viewer_kind, v.author_id, 'VIDEO_MESSAGE', 'BROADCAST', r.viewed_at, r.id::uuid, v.video_id, r.position, r.occurred_at, r.recorded_at`,
        join: 'JOIN hub_view.videos v ON v.video_id = r.video_id',
      },
    );
  },
});
