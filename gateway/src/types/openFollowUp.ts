import { instantSchema, parseOrThrow } from '@hub/events';
import { openFollowUps, type OpenFollowUpRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { EmployeeRef } from './employee';
import { GatheringChannelEnum, GatheringRef } from './gathering';

const OpenFollowUpRef = builder.objectRef<OpenFollowUpRow>('OpenFollowUp');
OpenFollowUpRef.implement({
  description: 'A follow-up action promised at a café session or a town hall and not done yet.',
  fields: (t) => ({
    id: t.exposeID('followUpId', { description: 'Follow-up id (unique within its gathering).' }),
    gathering: t.field({
      type: GatheringRef,
      description: 'The café session or town hall it was promised at.',
      resolve: (f) => f.gathering,
    }),
    sessionId: t.id({
      nullable: true,
      description: 'The café session it came from; null for a town hall.',
      deprecationReason: 'Use `gathering`, which also names town halls.',
      resolve: (f) => (f.gathering.channel === 'CAFE_SESSION' ? f.gathering.id : null),
    }),
    description: t.exposeString('description', { description: 'What is to be done.' }),
    owner: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'Who owns it.',
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).employee.load(f.ownerId)) ?? null,
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'Due date.' }),
    since: t.expose('since', { type: 'DateTime', description: 'When the gathering took place.' }),
    ageDays: t.exposeInt('ageDays', { description: 'Days open, from the gathering to `at`.' }),
    overdue: t.exposeBoolean('overdue', { description: 'Past its due date.' }),
  }),
});

builder.queryFields((t) => ({
  openFollowUps: t.field({
    authScopes: ACCESS.read,
    type: [OpenFollowUpRef],
    description:
      'Follow-up actions promised at café sessions and town halls and still open at a moment, oldest first, optionally for one owner or one kind of gathering.',
    args: {
      at: t.arg({ type: 'DateTime', required: false, description: 'The moment; default now.' }),
      ownerId: t.arg.id({ required: false, description: 'Only this owner’s.' }),
      channel: t.arg({ type: GatheringChannelEnum, required: false, description: 'Only café sessions or only town halls.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) =>
      openFollowUps(
        ctx.view,
        args.at ? parseOrThrow(instantSchema, args.at, 'at') : new Date().toISOString(),
        { ownerId: idOrNull(args.ownerId), channel: args.channel ?? null },
        momentOf(args),
      ),
  }),
}));
