import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { VideoMessageRef, ViewerKindEnum } from '../types/videoMessage';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

const PublishVideoMessageInput = builder.inputType('PublishVideoMessageInput', {
  description: 'A video message to publish.',
  fields: (t) => ({
    videoId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    authorId: t.id({ required: true, description: 'The leader who recorded it.' }),
    title: t.string({ required: true, description: 'Title.' }),
    durationSeconds: t.int({ required: true, description: 'Length in seconds.' }),
    audience: t.field({ type: [ViewerKindEnum], required: true, description: 'Employees, FCs, or both.' }),
    publishedAt: t.field({ type: 'DateTime', required: true, description: 'When.' }),
  }),
});

const RecordVideoViewInput = builder.inputType('RecordVideoViewInput', {
  description: 'Someone watching a video message.',
  fields: (t) => ({
    videoId: t.id({ required: true, description: 'The video.' }),
    viewId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    viewerKind: t.field({ type: ViewerKindEnum, required: true, description: 'An employee or an FC.' }),
    viewerId: t.id({ required: true, description: 'Who watched.' }),
    secondsWatched: t.int({ required: true, description: 'How many seconds.' }),
    viewedAt: t.field({ type: 'DateTime', required: true, description: 'When.' }),
  }),
});

const videoAfter = async (ctx: HubContext, result: { videoId: string; position: bigint | undefined }) => {
  await ctx.waitForView(result.position);
  const loader = ctx.loadersAt(READ_BACK).videoMessage;
  loader.clear(result.videoId); // a second mutation in the same request must not see the first one's figures
  const video = await loader.load(result.videoId);
  if (!video) throw notFound(`No video ${result.videoId}`);
  return video;
};

builder.mutationFields((t) => ({
  publishVideoMessage: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: VideoMessageRef,
    description: 'Publish a video message.',
    args: {
      input: t.arg({ type: PublishVideoMessageInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      videoAfter(ctx, await ctx.commands.videoMessages.publish(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordVideoView: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: VideoMessageRef,
    description: 'Record a view: a broadcast touch of the viewer by the author.',
    args: {
      input: t.arg({ type: RecordVideoViewInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      videoAfter(ctx, await ctx.commands.videoMessages.recordView(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
