import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { publishVideoInput, recordViewInput } from '@hub/video-messages';
import { VideoMessageRef } from '../types/videoMessage';
import { zodInput } from '../zodInput';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

const PublishVideoMessageInput = zodInput('PublishVideoMessageInput', publishVideoInput);
const RecordVideoViewInput = zodInput('RecordVideoViewInput', recordViewInput);

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
