import type { EventOf } from '@hub/contracts';
import { describe, expect, it } from 'vitest';
import { decidePublish, decideView, videoDecider, viewsDecider, type VideoState } from './videoMessage';

const published: VideoState = {
  status: 'published',
  video: { videoId: 'V1', authorId: 'CEO', durationSeconds: 300, audience: ['EMPLOYEE'], publishedAt: '2015-01-05T00:00:00.000Z' },
};
const view = (over: Partial<EventOf<'VideoMessageViewed'>['data']> = {}): EventOf<'VideoMessageViewed'>['data'] => ({
  videoId: 'V1',
  viewId: 'W1',
  viewerKind: 'EMPLOYEE',
  viewerId: 'E1',
  secondsWatched: 120,
  viewedAt: '2015-01-06T00:00:00.000Z',
  ...over,
});
const none = viewsDecider.initialState();

describe('video messages', () => {
  it('publishes once', () => {
    const data = { ...published.video, title: 'New year message', publishedAt: published.video.publishedAt };
    expect(decidePublish(data, videoDecider.initialState())).toEqual([{ type: 'VideoMessagePublished', data }]);
    expect(() => decidePublish(data, published)).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
  });
  it('records a view by someone in the audience, with how much was watched', () => {
    expect(decideView({ data: view(), video: published, viewerActive: true }, none)).toEqual([{ type: 'VideoMessageViewed', data: view() }]);
  });
  it('refuses a view of an unpublished video', () => {
    expect(() => decideView({ data: view(), video: videoDecider.initialState(), viewerActive: true }, none)).toThrow(/not published/);
  });
  it('refuses a viewer outside the audience, a view before publication, more seconds than the video, someone who left', () => {
    expect(() => decideView({ data: view({ viewerKind: 'FC' }), video: published, viewerActive: true }, none)).toThrow(/not FC/);
    expect(() => decideView({ data: view({ viewedAt: '2015-01-01T00:00:00.000Z' }), video: published, viewerActive: true }, none)).toThrow(/before the video was published/);
    expect(() => decideView({ data: view({ secondsWatched: 301 }), video: published, viewerActive: true }, none)).toThrow(/301 seconds/);
    expect(() => decideView({ data: view(), video: published, viewerActive: false }, none)).toThrow(/no longer/);
  });
  it('refuses the same view twice', () => {
    expect(() => decideView({ data: view(), video: published, viewerActive: true }, { viewIds: new Set(['W1']) })).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
  });
});
