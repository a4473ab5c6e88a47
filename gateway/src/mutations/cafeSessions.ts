import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { AnswerModeEnum } from '../types/enums';
import { commandContext, commandIdOptions, occurredAtArg } from './command';
import { CafeSessionRef } from '../types/cafeSession';
import { FollowUpRef, QuestionRef } from '../types/question';

/** After a command, wait for the view to include it, then read the session back from the view. */
const sessionAfter = async (ctx: HubContext, result: { sessionId: string; position: bigint | undefined }) => {
  await ctx.waitForView(result.position);
  ctx.loadersAt(READ_BACK).cafeSession.clear(result.sessionId);
  const session = await ctx.loadersAt(READ_BACK).cafeSession.load(result.sessionId);
  if (!session) throw notFound(`No café session ${result.sessionId}`);
  return session;
};

/** The same for a question or a follow-up: wait for the view, then find the item in its session. */
const itemAfter = async <T>(
  ctx: HubContext,
  result: { sessionId: string; position: bigint | undefined },
  loader: { clear(sessionId: string): unknown; load(sessionId: string): Promise<T[]> },
  matches: (item: T) => boolean,
  what: string,
) => {
  await ctx.waitForView(result.position);
  loader.clear(result.sessionId); // read the view afresh, even after another mutation in the same request
  const item = (await loader.load(result.sessionId)).find(matches);
  if (!item) throw notFound(`No ${what}`);
  return item;
};
const questionAfter = (ctx: HubContext, result: { sessionId: string; position: bigint | undefined }, questionId: string) =>
  itemAfter(ctx, result, ctx.loadersAt(READ_BACK).questions.CAFE_SESSION, (q) => q.questionId === questionId, `question ${questionId}`);
const followUpAfter = (ctx: HubContext, result: { sessionId: string; position: bigint | undefined }, followUpId: string) =>
  itemAfter(
    ctx,
    result,
    ctx.loadersAt(READ_BACK).questionFollowUps.CAFE_SESSION,
    (f) => f.followUpId === followUpId,
    `follow-up ${followUpId}`,
  );

const SessionRefInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      sessionId: t.id({ required: true, description: 'The café session.' }),
      employeeId: t.id({ required: true, description: 'The employee.' }),
    }),
  });

const ScheduleCafeSessionInput = builder.inputType('ScheduleCafeSessionInput', {
  description: 'A café session to schedule.',
  fields: (t) => ({
    sessionId: t.id({ required: false, description: 'Optional id; one is generated when omitted.' }),
    scheduledAt: t.field({ type: 'DateTime', required: true, description: 'When.' }),
    venue: t.string({ required: true, description: 'Which café.' }),
    hostIds: t.idList({ required: true, description: 'Hosting leaders (usually the CEO).' }),
    capacity: t.int({ required: false, description: 'Seats; 10 when omitted.' }),
  }),
});
const InviteEmployeeInput = SessionRefInput(
  'InviteEmployeeInput',
  'Who to invite to which session. Only grade 차장 or below may be invited.',
);
const RecordAttendanceInput = SessionRefInput('RecordAttendanceInput', 'Who came to which session; someone not invited is a walk-in.');

const RaiseQuestionInput = builder.inputType('RaiseQuestionInput', {
  description: 'A question raised in a session.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The café session.' }),
    questionId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    topic: t.string({ required: true, description: 'Topic, e.g. strategy, career, personal.' }),
    text: t.string({ required: true, description: 'The question.' }),
    anonymous: t.boolean({ required: false, description: 'Raise anonymously: the asker is then never recorded.' }),
    askedBy: t.id({ required: false, description: 'Who asked (an attendee); ignored when anonymous.' }),
    raisedAt: t.field({ type: 'DateTime', required: false, description: 'When; now when omitted.' }),
  }),
});

const AnswerQuestionInput = builder.inputType('AnswerQuestionInput', {
  description: 'An answer to a question.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The café session.' }),
    questionId: t.id({ required: true, description: 'The question.' }),
    answeredBy: t.id({ required: true, description: 'Who answers.' }),
    mode: t.field({ type: AnswerModeEnum, required: true, description: 'Live or followed up.' }),
    answer: t.string({ required: true, description: 'The answer.' }),
    answeredAt: t.field({ type: 'DateTime', required: false, description: 'When; now when omitted.' }),
  }),
});

const AssignFollowUpInput = builder.inputType('AssignFollowUpInput', {
  description: 'A follow-up action to assign.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The café session.' }),
    followUpId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    questionId: t.id({ required: false, description: 'The question it answers, if any.' }),
    description: t.string({ required: true, description: 'What is to be done.' }),
    ownerId: t.id({ required: true, description: 'Who owns it.' }),
    dueOn: t.field({ type: 'Date', required: true, description: 'Due date.' }),
  }),
});

const CompleteFollowUpInput = builder.inputType('CompleteFollowUpInput', {
  description: 'A follow-up action done.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The café session.' }),
    followUpId: t.id({ required: true, description: 'The follow-up.' }),
    completedOn: t.field({ type: 'Date', required: true, description: 'When it was done.' }),
    note: t.string({ required: false, description: 'Optional note.' }),
  }),
});

const CancelCafeSessionInput = builder.inputType('CancelCafeSessionInput', {
  description: 'A session to cancel (only before anyone attended).',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The café session.' }),
    reason: t.string({ required: true, description: 'Why.' }),
  }),
});

const PersonAtInput = builder.inputType('PersonAtInput', {
  description: 'An employee in a bulk record, with when it happened (optional).',
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'The employee.' }),
    occurredAt: t.field({ type: 'DateTime', required: false, description: 'When; see the bulk mutation for the default.' }),
  }),
});

const BulkAnswerInput = builder.inputType('BulkAnswerInput', {
  description: 'The answer to a question recorded in bulk.',
  fields: (t) => ({
    answeredBy: t.id({ required: true, description: 'Who answered.' }),
    mode: t.field({ type: AnswerModeEnum, required: false, description: 'Live (default) or followed up.' }),
    answer: t.string({ required: true, description: 'The answer.' }),
    answeredAt: t.field({ type: 'DateTime', required: false, description: 'When; when the question was raised if omitted.' }),
  }),
});

const BulkQuestionInput = builder.inputType('BulkQuestionInput', {
  description: 'A question raised in a session recorded in bulk, optionally with its answer.',
  fields: (t) => ({
    questionId: t.id({ required: false, description: 'Optional id; derived from the command id when omitted.' }),
    topic: t.string({ required: true, description: 'Topic.' }),
    text: t.string({ required: true, description: 'The question.' }),
    anonymous: t.boolean({ required: false, description: 'Raised anonymously: the asker is then never recorded.' }),
    askedBy: t.id({ required: false, description: 'Who asked (an attendee); ignored when anonymous.' }),
    raisedAt: t.field({ type: 'DateTime', required: false, description: "When; the session's time if omitted." }),
    answer: t.field({ type: BulkAnswerInput, required: false, description: 'Its answer, if answered.' }),
  }),
});

export const RecordCafeSessionInput = builder.inputType('RecordCafeSessionInput', {
  description: 'A whole café session at once: the session, its invitations, attendance and questions.',
  fields: (t) => ({
    sessionId: t.id({ required: false, description: 'Optional id; derived from the command id when omitted.' }),
    scheduledAt: t.field({ type: 'DateTime', required: true, description: 'When it takes (or took) place.' }),
    venue: t.string({ required: true, description: 'Which café.' }),
    hostIds: t.idList({ required: true, description: 'Hosting leaders (usually the CEO).' }),
    capacity: t.int({ required: false, description: 'Seats; 10 when omitted.' }),
    invitations: t.field({ type: [PersonAtInput], required: false, description: 'Who was invited; at the scheduling time unless given.' }),
    attendance: t.field({
      type: [PersonAtInput],
      required: false,
      description: "Who came; at the session's time unless given. Someone not invited is a walk-in.",
    }),
    questions: t.field({ type: [BulkQuestionInput], required: false, description: 'Questions raised, with their answers.' }),
  }),
});

builder.mutationFields((t) => ({
  recordCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description:
      'Record a whole café session in one call (bulk, for API clients): scheduled, invitations, attendance and questions, checked up front and appended together — all or nothing. A session in the past needs occurredAt (when it was scheduled): that records history. Idempotent by commandId.',
    args: {
      input: t.arg({ type: RecordCafeSessionInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.recordSession(input, commandContext(ctx, commandId, occurredAt))),
  }),
  scheduleCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Schedule a café session (톡톡타임).',
    args: {
      input: t.arg({ type: ScheduleCafeSessionInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.schedule(input, commandContext(ctx, commandId, occurredAt))),
  }),
  inviteToCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Invite an employee of grade 차장 or below; refused for 부장 and executives, duplicates and full sessions.',
    args: {
      input: t.arg({ type: InviteEmployeeInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.invite(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordCafeSessionAttendance: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Record that an employee came (invited or walk-in). Each attendee becomes a touch by every host.',
    args: {
      input: t.arg({ type: RecordAttendanceInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.recordAttendance(input, commandContext(ctx, commandId, occurredAt))),
  }),
  raiseCafeSessionQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: QuestionRef,
    description: 'Record a question raised in a session, optionally anonymous.',
    args: {
      input: t.arg({ type: RaiseQuestionInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.cafeSessions.raiseQuestion(input, commandContext(ctx, commandId, occurredAt));
      return questionAfter(ctx, result, result.questionId);
    },
  }),
  answerCafeSessionQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: QuestionRef,
    description: 'Answer a question, live or later.',
    args: {
      input: t.arg({ type: AnswerQuestionInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      questionAfter(
        ctx,
        await ctx.commands.cafeSessions.answerQuestion(input, commandContext(ctx, commandId, occurredAt)),
        String(input.questionId),
      ),
  }),
  assignCafeSessionFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: FollowUpRef,
    description: 'Assign a follow-up action with an owner and a due date.',
    args: {
      input: t.arg({ type: AssignFollowUpInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.cafeSessions.assignFollowUp(input, commandContext(ctx, commandId, occurredAt));
      return followUpAfter(ctx, result, result.followUpId);
    },
  }),
  completeCafeSessionFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: FollowUpRef,
    description: 'Mark a follow-up action done.',
    args: {
      input: t.arg({ type: CompleteFollowUpInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      followUpAfter(
        ctx,
        await ctx.commands.cafeSessions.completeFollowUp(input, commandContext(ctx, commandId, occurredAt)),
        String(input.followUpId),
      ),
  }),
  cancelCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Cancel a session that has not taken place.',
    args: {
      input: t.arg({ type: CancelCafeSessionInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.cancel(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
