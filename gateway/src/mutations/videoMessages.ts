import { publishVideoInput, recordViewInput } from '@hub/video-messages';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { VideoMessageRef } from '../types/videoMessage';
import { zodInput } from '../zodInput';
import { commandArgs, commandContext, readBack } from './command';

const PublishVideoMessageInput = zodInput('PublishVideoMessageInput', publishVideoInput);
const RecordVideoViewInput = zodInput('RecordVideoViewInput', recordViewInput);

const videoAfter = (ctx: HubContext, result: { videoId: string; position: bigint | undefined }) =>
  readBack(ctx, result.position, (l) => l.videoMessage, result.videoId, 'video');

builder.mutationFields((t) => ({
  publishVideoMessage: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: VideoMessageRef,
    description: 'Publish a video message.',
    args: commandArgs(t.arg, PublishVideoMessageInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      videoAfter(ctx, await ctx.commands.videoMessages.publish(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordVideoView: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: VideoMessageRef,
    description: 'Record a view: a broadcast touch of the viewer by the author.',
    args: commandArgs(t.arg, RecordVideoViewInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      videoAfter(ctx, await ctx.commands.videoMessages.recordView(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
