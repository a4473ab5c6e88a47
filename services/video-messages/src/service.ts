import { hubEventCodec, idSchema, instantSchema, nonEmptyText, occurredAtInstant, parseOrThrow, videoStream, videoViewsStream, VIEWER_KINDS } from '@hub/contracts';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, loadState, type CommandContext, type EventStore, newId } from '@hub/event-store';
import { z } from 'zod';
import { decidePublish, decideView, videoDecider, viewsDecider } from './videoMessage';

export const publishVideoInput = z.object({
  videoId: idSchema.optional(),
  authorId: idSchema,
  title: nonEmptyText(200),
  durationSeconds: z.number().int().min(1, 'must be at least 1').max(6 * 3600),
  audience: z.array(z.enum(VIEWER_KINDS)).min(1, 'needs employees, FCs or both').refine((a) => new Set(a).size === a.length, 'names each audience once'),
  publishedAt: instantSchema,
});

export const recordViewInput = z.object({
  videoId: idSchema,
  viewId: idSchema.optional(),
  viewerKind: z.enum(VIEWER_KINDS),
  viewerId: idSchema,
  secondsWatched: z.number().int().min(0, 'cannot be negative'),
  viewedAt: instantSchema,
});

export interface VideoMessageServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getEmployee' | 'getFc'>;
}

/** Video messages: publish, and record who watched how much. */
export const createVideoMessageService = ({ store, directory }: VideoMessageServiceDeps) => ({
  async publish(input: unknown, context: CommandContext) {
    const data = parseOrThrow(publishVideoInput, input, 'video message');
    await directory.getEmployee(data.authorId);
    const videoId = data.videoId ?? newId(context, 'videoId');
    const result = await handleCommand(store, videoStream(videoId), videoDecider, hubEventCodec, (s) => decidePublish({ ...data, videoId }, s), {
      ...context,
      occurredAt: occurredAtInstant(context.occurredAt, data.publishedAt, 'publishedAt'),
    });
    return { videoId, ...result };
  },

  async recordView(input: unknown, context: CommandContext) {
    const data = parseOrThrow(recordViewInput, input, 'video view');
    const viewer = data.viewerKind === 'EMPLOYEE' ? await directory.getEmployee(data.viewerId) : await directory.getFc(data.viewerId);
    const day = data.viewedAt.slice(0, 10);
    const viewerActive = viewer.leftOn === null || viewer.leftOn >= day;
    const video = await loadState(store, videoStream(data.videoId), videoDecider, hubEventCodec);
    const viewId = data.viewId ?? newId(context, 'viewId');
    const result = await handleCommand(
      store,
      videoViewsStream(data.videoId, data.viewerKind, data.viewerId),
      viewsDecider,
      hubEventCodec,
      (s) => decideView({ data: { ...data, viewId }, video, viewerActive }, s),
      { ...context, occurredAt: occurredAtInstant(context.occurredAt, data.viewedAt, 'viewedAt') },
    );
    return { viewId, videoId: data.videoId, ...result };
  },
});

export type VideoMessageService = ReturnType<typeof createVideoMessageService>;
