import { conflict, forbiddenByRule, notFound, type EventOf, type HubEvent, type ViewerKind } from '@hub/contracts';

/* Where video messages are decided: publication, and each view by someone in the audience. */

export interface VideoSnapshot {
  videoId: string;
  authorId: string;
  durationSeconds: number;
  audience: ViewerKind[];
  publishedAt: string;
}

export type VideoState = { status: 'none' } | { status: 'published'; video: VideoSnapshot };
export type ViewsState = { viewIds: Set<string> };

export const videoDecider = {
  initialState: (): VideoState => ({ status: 'none' }),
  evolve: (state: VideoState, event: HubEvent): VideoState => (event.type === 'VideoMessagePublished' ? { status: 'published', video: event.data } : state),
};

export const viewsDecider = {
  initialState: (): ViewsState => ({ viewIds: new Set() }),
  evolve: (state: ViewsState, event: HubEvent): ViewsState =>
    event.type === 'VideoMessageViewed' ? { viewIds: new Set(state.viewIds).add(event.data.viewId) } : state,
};

export const decidePublish = (data: EventOf<'VideoMessagePublished'>['data'], state: VideoState): EventOf<'VideoMessagePublished'>[] => {
  if (state.status !== 'none') throw conflict(`Video ${data.videoId} is already published`, { videoId: data.videoId });
  return [{ type: 'VideoMessagePublished', data }];
};

export interface RecordView {
  data: EventOf<'VideoMessageViewed'>['data'];
  /** The video, as its own stream says; `none` when it was never published. */
  video: VideoState;
  /** Whether the viewer still works here on the day of the view. */
  viewerActive: boolean;
}

export const decideView = ({ data, video, viewerActive }: RecordView, views: ViewsState): EventOf<'VideoMessageViewed'>[] => {
  if (video.status !== 'published') throw notFound(`Video ${data.videoId} is not published: no view can be recorded`, { videoId: data.videoId });
  const v = video.video;
  if (views.viewIds.has(data.viewId)) throw conflict(`View ${data.viewId} is already recorded`, { viewId: data.viewId });
  if (!v.audience.includes(data.viewerKind)) throw forbiddenByRule(`Video ${v.videoId} is for ${v.audience.join(' and ')}, not ${data.viewerKind}`, { videoId: v.videoId });
  if (Date.parse(data.viewedAt) < Date.parse(v.publishedAt)) throw forbiddenByRule(`A view at ${data.viewedAt} is before the video was published (${v.publishedAt})`, { videoId: v.videoId });
  if (data.secondsWatched > v.durationSeconds) {
    throw forbiddenByRule(`${data.secondsWatched} seconds watched of a ${v.durationSeconds}-second video`, { videoId: v.videoId });
  }
  if (!viewerActive) throw forbiddenByRule(`${data.viewerId} no longer works here`, { viewerId: data.viewerId });
  return [{ type: 'VideoMessageViewed', data }];
};
