import { z } from 'zod';
import { idSchema, nonEmptyText } from '../primitives';

/*
 * Video messages: the CEO keeps employees and FCs up to date with recorded videos.
 * Streams: `video-<id>` (the video and its publication), `videoViews-<videoId>/<kind>/<viewer>` (one
 * viewer's views of one video, so a popular video's views never pile up in one stream).
 */
export const videoStream = (videoId: string) => `video-${videoId}`;
export const videoViewsStream = (videoId: string, viewerKind: string, viewerId: string) =>
  `videoViews-${videoId}/${viewerKind}/${viewerId}`;

export const VIEWER_KINDS = ['EMPLOYEE', 'FC'] as const;
export type ViewerKind = (typeof VIEWER_KINDS)[number];

export const videoPublishedSchema = z.object({
  type: z.literal('VideoMessagePublished'),
  data: z.object({
    videoId: idSchema,
    authorId: idSchema,
    title: nonEmptyText(200),
    durationSeconds: z
      .number()
      .int()
      .min(1)
      .max(6 * 3600),
    /** Who it is for: employees, FCs, or both. */
    audience: z.array(z.enum(VIEWER_KINDS)).min(1),
    publishedAt: z.iso.datetime({ offset: true }),
  }),
});

export const videoViewedSchema = z.object({
  type: z.literal('VideoMessageViewed'),
  data: z.object({
    videoId: idSchema,
    viewId: idSchema,
    viewerKind: z.enum(VIEWER_KINDS),
    viewerId: idSchema,
    secondsWatched: z.number().int().min(0),
    viewedAt: z.iso.datetime({ offset: true }),
  }),
});

export const videoMessageEventSchemas = [videoPublishedSchema, videoViewedSchema] as const;
export type VideoMessageEvent = z.infer<(typeof videoMessageEventSchemas)[number]>;
