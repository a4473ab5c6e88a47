import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { touchesOf, viewOf } from '../testing';
import { videoMessageProjection } from './videoMessages';

const at = '2015-04-01T09:00:00+09:00';

describe.each(SQL_ENGINES)('the video-message projection alone on $name', (engine) => {
  it('keeps videos and views, each view a broadcast touch of the viewer by the author', async () => {
    const view = await viewOf(
      engine,
      [videoMessageProjection],
      [
        {
          stream: 'video-message-V1',
          occurredAt: at,
          event: {
            type: 'VideoMessagePublished',
            data: {
              videoId: 'V1',
              authorId: 'CEO',
              title: 'Q1 results',
              durationSeconds: 300,
              audience: ['EMPLOYEE', 'FC'],
              publishedAt: at,
            },
          },
        },
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
});
