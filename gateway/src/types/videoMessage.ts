import { VIEWER_KINDS } from '@hub/events';
import { listVideoMessages, type VideoMessageRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { zodEnum } from '../zodInput';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { EmployeeRef } from './employee';

export const ViewerKindEnum = builder.enumType('ViewerKind', {
  description: 'Who a video is for, and who watched it.',
  values: { EMPLOYEE: { description: 'Employees (임직원).' }, FC: { description: 'FCs (설계사).' } } satisfies Record<
    (typeof VIEWER_KINDS)[number],
    { description: string }
  >,
});
zodEnum(VIEWER_KINDS, ViewerKindEnum);

export const VideoMessageRef = builder.objectRef<VideoMessageRow>('VideoMessage');

VideoMessageRef.implement({
  description: 'A recorded video message from a leader to employees and/or FCs, with how it was watched.',
  fields: (t) => ({
    id: t.exposeID('videoId', { description: 'Video id.' }),
    title: t.exposeString('title', { description: 'Title.' }),
    author: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'Who recorded it.',
      resolve: async (v, _, ctx) => (await ctx.loadersAt(v.asOf).employee.load(v.authorId)) ?? null,
    }),
    durationSeconds: t.exposeInt('durationSeconds', { description: 'Length in seconds.' }),
    audience: t.exposeStringList('audience', { description: 'EMPLOYEE and/or FC.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', description: 'When it was published.' }),
    views: t.exposeInt('views', { description: 'Views recorded.' }),
    distinctViewers: t.exposeInt('distinctViewers', { description: 'Different people who watched.' }),
    averageCompletion: t.exposeFloat('averageCompletion', { nullable: true, description: 'Mean share watched per view, 0 to 1.' }),
  }),
});

builder.queryFields((t) => ({
  videoMessages: t.field({
    authScopes: ACCESS.read,
    type: [VideoMessageRef],
    description: 'Video messages with their viewing figures, newest first.',
    args: { asOf: t.arg(asOfArgOptions), knownAt: t.arg(knownAtArgOptions) },
    resolve: (_, args, ctx) => listVideoMessages(ctx.view, momentOf(args)),
  }),
}));
