import { listCafeSessions, type CafeSessionRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { fromArg, idOrNull, optionalPeriod, toArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { forwardPage, toConnection } from './connection';
import { EmployeeRef } from './employee';
import { CafeSessionStatusEnum } from './enums';
import { FollowUpRef } from './followUp';
import { QuestionRef } from './question';

import { CafeParticipantRef } from './cafeParticipant';
export const CafeSessionRef = builder.objectRef<CafeSessionRow>('CafeSession');

CafeSessionRef.implement({
  description: 'A café session (톡톡타임): the CEO has tea with about ten employees of grade 차장 or below, in a café, with no agenda.',
  fields: (t) => ({
    id: t.exposeID('sessionId', { description: 'Session id.' }),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime', description: 'When it takes (or took) place.' }),
    venue: t.exposeString('venue', { description: 'The café.' }),
    capacity: t.exposeInt('capacity', { description: 'Seats (10 by default).' }),
    status: t.expose('status', { type: CafeSessionStatusEnum, description: 'Scheduled or cancelled.' }),
    cancelReason: t.exposeString('cancelReason', { nullable: true, description: 'Why it was cancelled.' }),
    invitedCount: t.exposeInt('invitedCount', { description: 'Employees invited.' }),
    attendedCount: t.exposeInt('attendedCount', { description: 'Employees who came (invited or walk-in).' }),
    hosts: t.field({
      type: [EmployeeRef],
      description: 'The leaders hosting it.',
      resolve: async (s, _, ctx) =>
        (await ctx.loadersAt(s.asOf).employee.loadMany(s.hostIds)).filter(
          (e): e is Exclude<typeof e, Error | undefined> => !!e && !(e instanceof Error),
        ),
    }),
    participants: t.field({
      type: [CafeParticipantRef],
      description: 'Everyone invited or present.',
      resolve: (s, _, ctx) => ctx.loadersAt(s.asOf).cafeParticipants.load(s.sessionId),
    }),
    questions: t.field({
      type: [QuestionRef],
      description: 'Questions raised, in order.',
      resolve: (s, _, ctx) => ctx.loadersAt(s.asOf).questions.CAFE_SESSION.load(s.sessionId),
    }),
    followUps: t.field({
      type: [FollowUpRef],
      description: 'Follow-up actions, by due date.',
      resolve: (s, _, ctx) => ctx.loadersAt(s.asOf).questionFollowUps.CAFE_SESSION.load(s.sessionId),
    }),
  }),
});

builder.queryFields((t) => ({
  cafeSessions: t.connection(
    {
      authScopes: ACCESS.read,
      type: CafeSessionRef,
      description: 'Café sessions, newest first, optionally within a period and for one host. Forward pagination (first/after).',
      args: {
        from: t.arg(fromArg),
        to: t.arg(toArg),
        hostId: t.arg.id({ required: false, description: 'Only sessions this leader hosted.' }),
        status: t.arg({ type: CafeSessionStatusEnum, required: false, description: 'Only sessions in this status.' }),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('cafeSessions', args);
        const result = await listCafeSessions(
          ctx.view,
          { ...optionalPeriod(args), hostId: idOrNull(args.hostId), status: args.status ?? null },
          page,
          momentOf(args),
        );
        return toConnection(result, page.after);
      },
    },
    { name: 'CafeSessionConnection', description: 'A page of café sessions.' },
    { name: 'CafeSessionEdge', description: 'A café session in a page, with its cursor.' },
  ),
  cafeSession: t.field({
    authScopes: ACCESS.read,
    type: CafeSessionRef,
    nullable: true,
    description: 'One café session with its participants, questions and follow-ups; null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'Session id.' }), asOf: t.arg(asOfArgOptions), knownAt: t.arg(knownAtArgOptions) },
    resolve: async (_, { id, ...args }, ctx) => (await ctx.loadersAt(momentOf(args)).cafeSession.load(String(id))) ?? null,
  }),
}));
