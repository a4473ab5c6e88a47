import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { rowsOf, touchesOf, viewOf, type HistoryEvent } from '../testing';
import { videoMessageProjection } from './videoMessages';

const at = '2015-04-01T09:00:00+09:00';
const published: HistoryEvent = {
  stream: 'video-message-V1',
  occurredAt: at,
  event: {
    type: 'VideoMessagePublished',
    data: { videoId: 'V1', authorId: 'CEO', title: 'Q1 results', durationSeconds: 300, audience: ['EMPLOYEE', 'FC'], publishedAt: at },
  },
};

describe.each(SQL_ENGINES)('the video-message projection alone on $name', (engine) => {
  it('keeps videos and views, each view a broadcast touch of the viewer by the author', async () => {
    const view = await viewOf(
      engine,
      [videoMessageProjection],
      [
        published,
        {
          stream: 'video-message-V1',
          occurredAt: at,
          event: {
            type: 'VideoMessageViewed',
            data: { videoId: 'V1', viewId: 'W1', viewerKind: 'FC', viewerId: 'F1', secondsWatched: 120, viewedAt: at },
          },
        },
      ],
    );
    try {
      expect(await view.db.query(`SELECT view_id, seconds_watched FROM hub_view.video_views`)).toEqual([
        { view_id: 'W1', seconds_watched: 120 },
      ]);
      expect(await touchesOf(view.db, ['VIDEO_MESSAGE'])).toEqual([
        expect.objectContaining({ person_id: 'F1', person_kind: 'FC', leader_id: 'CEO', mode: 'BROADCAST', source_id: 'V1' }),
      ]);
    } finally {
      await view.dispose();
    }
  });

  it("keys a view by video, viewer and the viewer's own view id, and a rebuild from zero leaves the rows the live projector left", async () => {
    const viewed = (viewerId: string, secondsWatched: number) => ({
      stream: `video-views-V1-FC-${viewerId}`,
      occurredAt: at,
      event: {
        type: 'VideoMessageViewed' as const,
        data: { videoId: 'V1', viewId: 'W1', viewerKind: 'FC' as const, viewerId, secondsWatched, viewedAt: at },
      },
    });
    const view = await viewOf(
      engine,
      [videoMessageProjection],
      [
        published,
        // Two viewers who both call their view W1, and F1's W1 told twice (the second is not a new view).
        viewed('F1', 120),
        viewed('F2', 60),
        viewed('F1', 999),
      ],
    );
    try {
      const live = await rowsOf(view.db, ['video_views']);
      expect(live.video_views).toEqual([
        expect.objectContaining({ view_id: 'W1', viewer_id: 'F1', seconds_watched: 120 }),
        expect.objectContaining({ view_id: 'W1', viewer_id: 'F2', seconds_watched: 60 }),
      ]);
      // Replayed without its key (built after the replay), the repeated row is dropped as live.
      await view.projector.rebuild();
      expect(await rowsOf(view.db, ['video_views'])).toEqual(live);
    } finally {
      await view.dispose();
    }
  });
});
