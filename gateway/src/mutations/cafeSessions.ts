import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/contracts';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { AnswerModeEnum } from '../types/enums';
import { commandContext, commandIdOptions } from './command';
import { CafeFollowUpRef, CafeQuestionRef, CafeSessionRef } from '../types/cafeSession';

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
  itemAfter(ctx, result, ctx.loadersAt(READ_BACK).cafeQuestions, (q) => q.questionId === questionId, `question ${questionId}`);
const followUpAfter = (ctx: HubContext, result: { sessionId: string; position: bigint | undefined }, followUpId: string) =>
  itemAfter(ctx, result, ctx.loadersAt(READ_BACK).cafeFollowUps, (f) => f.followUpId === followUpId, `follow-up ${followUpId}`);

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
const InviteEmployeeInput = SessionRefInput('InviteEmployeeInput', 'Who to invite to which session. Only grade 차장 or below may be invited.');
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

builder.mutationFields((t) => ({
  scheduleCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Schedule a café session (톡톡타임).',
    args: { input: t.arg({ type: ScheduleCafeSessionInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.schedule(input, commandContext(ctx, commandId))),
  }),
  inviteToCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Invite an employee of grade 차장 or below; refused for 부장 and executives, duplicates and full sessions.',
    args: { input: t.arg({ type: InviteEmployeeInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.invite(input, commandContext(ctx, commandId))),
  }),
  recordCafeSessionAttendance: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Record that an employee came (invited or walk-in). Each attendee becomes a touch by every host.',
    args: { input: t.arg({ type: RecordAttendanceInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.recordAttendance(input, commandContext(ctx, commandId))),
  }),
  raiseCafeSessionQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeQuestionRef,
    description: 'Record a question raised in a session, optionally anonymous.',
    args: { input: t.arg({ type: RaiseQuestionInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) => {
      const result = await ctx.commands.cafeSessions.raiseQuestion(input, commandContext(ctx, commandId));
      return questionAfter(ctx, result, result.questionId);
    },
  }),
  answerCafeSessionQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeQuestionRef,
    description: 'Answer a question, live or later.',
    args: { input: t.arg({ type: AnswerQuestionInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) =>
      questionAfter(ctx, await ctx.commands.cafeSessions.answerQuestion(input, commandContext(ctx, commandId)), String(input.questionId)),
  }),
  assignCafeSessionFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeFollowUpRef,
    description: 'Assign a follow-up action with an owner and a due date.',
    args: { input: t.arg({ type: AssignFollowUpInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) => {
      const result = await ctx.commands.cafeSessions.assignFollowUp(input, commandContext(ctx, commandId));
      return followUpAfter(ctx, result, result.followUpId);
    },
  }),
  completeCafeSessionFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeFollowUpRef,
    description: 'Mark a follow-up action done.',
    args: { input: t.arg({ type: CompleteFollowUpInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) =>
      followUpAfter(ctx, await ctx.commands.cafeSessions.completeFollowUp(input, commandContext(ctx, commandId)), String(input.followUpId)),
  }),
  cancelCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Cancel a session that has not taken place.',
    args: { input: t.arg({ type: CancelCafeSessionInput, required: true }), commandId: t.arg.string(commandIdOptions) },
    resolve: async (_, { input, commandId }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.cancel(input, commandContext(ctx, commandId))),
  }),
}));
