import type { EventOf } from '@hub/events';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, it } from 'vitest';
import { videoDecider, viewsDecider, type RecordView, type VideoState } from './videoMessage';

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
const active = { leftOn: null };
const record = (
  data: EventOf<'VideoMessageViewed'>['data'],
  video: VideoState = published,
  viewer: RecordView['viewer'] = active,
): RecordView => ({ type: 'RecordVideoView', data, video, viewer });
const viewed = (data: EventOf<'VideoMessageViewed'>['data']): EventOf<'VideoMessageViewed'> => ({ type: 'VideoMessageViewed', data });

describe('video messages', () => {
  const views = deciderSpec(viewsDecider);
  it('publishes once', () => {
    const data = { ...published.video, title: 'New year message', publishedAt: published.video.publishedAt };
    const event: EventOf<'VideoMessagePublished'> = { type: 'VideoMessagePublished', data };
    deciderSpec(videoDecider).given().when({ type: 'PublishVideoMessage', data }).then([event]);
    deciderSpec(videoDecider).given(event).when({ type: 'PublishVideoMessage', data }).thenThrows('CONFLICT');
  });
  it('records a view by someone in the audience, with how much was watched', () => {
    views
      .given()
      .when(record(view()))
      .then([viewed(view())]);
  });
  it('refuses a view of an unpublished video', () => {
    views
      .given()
      .when(record(view(), videoDecider.initialState()))
      .thenThrows(/not published/);
  });
  it('refuses a viewer outside the audience, a view before publication, more seconds than the video, someone who left', () => {
    views
      .given()
      .when(record(view({ viewerKind: 'FC' })))
      .thenThrows(/not FC/);
    views
      .given()
      .when(record(view({ viewedAt: '2015-01-01T00:00:00.000Z' })))
      .thenThrows(/before the video was published/);
    views
      .given()
      .when(record(view({ secondsWatched: 301 })))
      .thenThrows(/301 seconds/);
    views
      .given()
      .when(record(view(), published, { leftOn: '2015-01-05' }))
      .thenThrows(/no longer/);
  });
  it('judges whether the viewer had left on the Korean calendar day of the view', () => {
    // 2015-01-06T00:00Z is 09:00 on 01-06 in Korea: a viewer who left on 01-06 still watched it that day.
    views
      .given()
      .when(record(view(), published, { leftOn: '2015-01-06' }))
      .then([viewed(view())]);
    // 2015-01-06T15:00Z is already 01-07 in Korea.
    views
      .given()
      .when(record(view({ viewedAt: '2015-01-06T15:00:00.000Z' }), published, { leftOn: '2015-01-06' }))
      .thenThrows(/no longer/);
  });
  it('refuses the same view twice', () => {
    views.given(viewed(view())).when(record(view())).thenThrows('CONFLICT');
  });
});
