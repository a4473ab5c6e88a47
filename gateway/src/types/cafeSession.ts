import {
  listCafeSessions,
  type CafeFollowUpRow,
  type CafeParticipantRow,
  type CafeQuestionRow,
  type CafeSessionRow,
} from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { fromArg, idOrNull, optionalPeriod, toArg } from './args';
import { AnswerModeEnum, CafeSessionStatusEnum } from './enums';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { forwardPage, toConnection } from './connection';
import { EmployeeRef } from './employee';

export const CafeSessionRef = builder.objectRef<CafeSessionRow>('CafeSession');
export const CafeParticipantRef = builder.objectRef<CafeParticipantRow>('CafeParticipant');
export const CafeQuestionRef = builder.objectRef<CafeQuestionRow>('CafeQuestion');
export const CafeFollowUpRef = builder.objectRef<CafeFollowUpRow>('CafeFollowUp');

const employeeField = (description: string) => ({ description, type: EmployeeRef, nullable: true }) as const;

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
      type: [CafeQuestionRef],
      description: 'Questions raised, in order.',
      resolve: (s, _, ctx) => ctx.loadersAt(s.asOf).cafeQuestions.load(s.sessionId),
    }),
    followUps: t.field({
      type: [CafeFollowUpRef],
      description: 'Follow-up actions, by due date.',
      resolve: (s, _, ctx) => ctx.loadersAt(s.asOf).cafeFollowUps.load(s.sessionId),
    }),
  }),
});

CafeParticipantRef.implement({
  description: 'An employee invited to, or present at, a café session.',
  fields: (t) => ({
    employee: t.field({
      ...employeeField('The employee.'),
      resolve: async (p, _, ctx) => (await ctx.loadersAt(p.asOf).employee.load(p.employeeId)) ?? null,
    }),
    employeeId: t.exposeID('employeeId', { description: 'Employee number.' }),
    invited: t.exposeBoolean('invited', { description: 'Was invited.' }),
    attended: t.exposeBoolean('attended', { description: 'Was there.' }),
    walkIn: t.exposeBoolean('walkIn', { description: 'Came without an invitation.' }),
  }),
});

CafeQuestionRef.implement({
  description: 'A question raised in a café session; the asker of an anonymous question is never recorded.',
  fields: (t) => ({
    id: t.exposeID('questionId', { description: 'Question id.' }),
    sessionId: t.exposeID('sessionId', { description: 'The session it was raised in.' }),
    topic: t.exposeString('topic', { description: 'Topic, e.g. strategy, career, personal.' }),
    text: t.exposeString('text', { description: 'The question.' }),
    anonymous: t.exposeBoolean('anonymous', { description: 'Raised anonymously.' }),
    askedBy: t.field({
      ...employeeField('Who asked; null when anonymous.'),
      resolve: async (q, _, ctx) => (q.askedBy ? ((await ctx.loadersAt(q.asOf).employee.load(q.askedBy)) ?? null) : null),
    }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime', description: 'When it was raised.' }),
    answered: t.boolean({ description: 'Has an answer.', resolve: (q) => q.answer !== null }),
    answer: t.exposeString('answer', { nullable: true, description: 'The answer.' }),
    answerMode: t.expose('answerMode', { type: AnswerModeEnum, nullable: true, description: 'Live or followed up.' }),
    answeredBy: t.field({
      ...employeeField('Who answered.'),
      resolve: async (q, _, ctx) => (q.answeredBy ? ((await ctx.loadersAt(q.asOf).employee.load(q.answeredBy)) ?? null) : null),
    }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true, description: 'When it was answered.' }),
  }),
});

CafeFollowUpRef.implement({
  description: 'A follow-up action promised in a café session, with an owner and a due date.',
  fields: (t) => ({
    id: t.exposeID('followUpId', { description: 'Follow-up id.' }),
    sessionId: t.exposeID('sessionId', { description: 'The session it came from.' }),
    questionId: t.exposeID('questionId', { nullable: true, description: 'The question it answers, if any.' }),
    description: t.exposeString('description', { description: 'What is to be done.' }),
    owner: t.field({
      ...employeeField('Who owns it.'),
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).employee.load(f.ownerId)) ?? null,
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'Due date.' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true, description: 'When it was done; null while open.' }),
    note: t.exposeString('note', { nullable: true, description: 'Completion note.' }),
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
