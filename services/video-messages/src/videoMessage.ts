import { conflict, forbiddenByRule, koreanDay, notFound, type EventOf, type HubEvent, type ViewerKind } from '@hub/events';
import type { Decider } from '@hub/event-store';

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

export type VideoCommand = { type: 'PublishVideoMessage'; data: EventOf<'VideoMessagePublished'>['data'] };

export const videoDecider: Decider<VideoCommand, HubEvent, VideoState> = {
  initialState: () => ({ status: 'none' }),
  decide: ({ data }, state) => {
    if (state.status !== 'none') throw conflict(`Video ${data.videoId} is already published`, { videoId: data.videoId });
    return [{ type: 'VideoMessagePublished', data }];
  },
  evolve: (state, event) => (event.type === 'VideoMessagePublished' ? { status: 'published', video: event.data } : state),
};

export interface RecordView {
  type: 'RecordVideoView';
  data: EventOf<'VideoMessageViewed'>['data'];
  /** The video, as its own stream says; `none` when it was never published. */
  video: VideoState;
  /** The viewer (employee or FC) as the directory knows them: the day they left, if they did. */
  viewer: { leftOn: string | null };
}

/** Views of one video by one viewer are recorded one by one; the union names the shape every aggregate shares. */
export type ViewsCommand = RecordView;

const decideView = ({ data, video, viewer }: ViewsCommand, views: ViewsState): EventOf<'VideoMessageViewed'>[] => {
  if (video.status !== 'published')
    throw notFound(`Video ${data.videoId} is not published: no view can be recorded`, { videoId: data.videoId });
  const v = video.video;
  if (views.viewIds.has(data.viewId)) throw conflict(`View ${data.viewId} is already recorded`, { viewId: data.viewId });
  if (!v.audience.includes(data.viewerKind))
    throw forbiddenByRule(`Video ${v.videoId} is for ${v.audience.join(' and ')}, not ${data.viewerKind}`, { videoId: v.videoId });
  if (Date.parse(data.viewedAt) < Date.parse(v.publishedAt))
    throw forbiddenByRule(`A view at ${data.viewedAt} is before the video was published (${v.publishedAt})`, { videoId: v.videoId });
  if (data.secondsWatched > v.durationSeconds) {
    throw forbiddenByRule(`${data.secondsWatched} seconds watched of a ${v.durationSeconds}-second video`, { videoId: v.videoId });
  }
  // Still with the company on the (Korean) day of the view: someone who left later did watch it.
  if (viewer.leftOn !== null && viewer.leftOn < koreanDay(data.viewedAt))
    throw forbiddenByRule(`${data.viewerId} no longer works here`, { viewerId: data.viewerId });
  return [{ type: 'VideoMessageViewed', data }];
};

export const viewsDecider: Decider<ViewsCommand, HubEvent, ViewsState> = {
  initialState: () => ({ viewIds: new Set() }),
  decide: decideView,
  evolve: (state, event) => (event.type === 'VideoMessageViewed' ? { viewIds: new Set(state.viewIds).add(event.data.viewId) } : state),
};
