import { hubEventCodec, occurredAtInstant, parseOrThrow, videoStream, videoViewsStream } from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, loadState, type CommandContext, type EventStore, newId } from '@hub/event-store';
import { publishVideoInput, recordViewInput } from './commands';
import { videoDecider, viewsDecider } from './videoMessage';

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
    const result = await handleCommand(
      store,
      videoStream(videoId),
      videoDecider,
      hubEventCodec,
      { type: 'PublishVideoMessage', data: { ...data, videoId } },
      {
        ...context,
        occurredAt: occurredAtInstant(context.occurredAt, data.publishedAt, 'publishedAt'),
      },
    );
    return { videoId, ...result };
  },

  async recordView(input: unknown, context: CommandContext) {
    const data = parseOrThrow(recordViewInput, input, 'video view');
    const viewer = data.viewerKind === 'EMPLOYEE' ? await directory.getEmployee(data.viewerId) : await directory.getFc(data.viewerId);
    const video = await loadState(store, videoStream(data.videoId), videoDecider, hubEventCodec);
    const viewId = data.viewId ?? newId(context, 'viewId');
    const result = await handleCommand(
      store,
      videoViewsStream(data.videoId, data.viewerKind, data.viewerId),
      viewsDecider,
      hubEventCodec,
      { type: 'RecordVideoView', data: { ...data, viewId }, video, viewer },
      { ...context, occurredAt: occurredAtInstant(context.occurredAt, data.viewedAt, 'viewedAt') },
    );
    return { viewId, videoId: data.videoId, ...result };
  },
});

export type VideoMessageService = ReturnType<typeof createVideoMessageService>;
