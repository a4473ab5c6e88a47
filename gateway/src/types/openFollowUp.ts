import { instantSchema, parseOrThrow } from '@hub/events';
import { openFollowUps, type OpenFollowUpRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { EmployeeRef } from './employee';

const OpenFollowUpRef = builder.objectRef<OpenFollowUpRow>('OpenFollowUp');
OpenFollowUpRef.implement({
  description: 'A follow-up action promised in a café session and not done yet.',
  fields: (t) => ({
    id: t.exposeID('followUpId', { description: 'Follow-up id.' }),
    sessionId: t.exposeID('sessionId', { description: 'The session it came from.' }),
    description: t.exposeString('description', { description: 'What is to be done.' }),
    owner: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'Who owns it.',
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).employee.load(f.ownerId)) ?? null,
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'Due date.' }),
    since: t.expose('since', { type: 'DateTime', description: 'When the session took place.' }),
    ageDays: t.exposeInt('ageDays', { description: 'Days open, from the session to `at`.' }),
    overdue: t.exposeBoolean('overdue', { description: 'Past its due date.' }),
  }),
});

builder.queryFields((t) => ({
  openFollowUps: t.field({
    authScopes: ACCESS.read,
    type: [OpenFollowUpRef],
    description: 'Café-session follow-up actions still open at a moment, oldest first, optionally for one owner.',
    args: {
      at: t.arg({ type: 'DateTime', required: false, description: 'The moment; default now.' }),
      ownerId: t.arg.id({ required: false, description: 'Only this owner’s.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) =>
      openFollowUps(
        ctx.view,
        args.at ? parseOrThrow(instantSchema, args.at, 'at') : new Date().toISOString(),
        { ownerId: idOrNull(args.ownerId) },
        momentOf(args),
      ),
  }),
}));
