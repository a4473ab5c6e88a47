import {
  answerQuestionInput,
  assignFollowUpInput,
  cancelCafeSessionInput,
  completeFollowUpInput,
  inviteEmployeeInput,
  raiseQuestionInput,
  recordAttendanceInput,
  recordCafeSessionInput,
  scheduleCafeSessionInput,
} from '@hub/cafe-sessions';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { CafeSessionRef } from '../types/cafeSession';
import { FollowUpRef } from '../types/followUp';
import { QuestionRef } from '../types/question';
import { zodInput } from '../zodInput';
import { commandArgs, commandContext, readBack } from './command';
import { followUpAfter, questionAfter } from './gathering';

type SessionResult = { sessionId: string; position: bigint | undefined };
const sessionAfter = (ctx: HubContext, result: SessionResult) =>
  readBack(ctx, result.position, (l) => l.cafeSession, result.sessionId, 'café session');

const ScheduleCafeSessionInput = zodInput('ScheduleCafeSessionInput', scheduleCafeSessionInput);
const InviteEmployeeInput = zodInput('InviteEmployeeInput', inviteEmployeeInput);
const RecordAttendanceInput = zodInput('RecordAttendanceInput', recordAttendanceInput, {
  description: 'Who came to which session; someone not invited is a walk-in.',
});

const RaiseQuestionInput = zodInput('RaiseQuestionInput', raiseQuestionInput);

const AnswerQuestionInput = zodInput('AnswerQuestionInput', answerQuestionInput);

const AssignFollowUpInput = zodInput('AssignFollowUpInput', assignFollowUpInput);

const CompleteFollowUpInput = zodInput('CompleteFollowUpInput', completeFollowUpInput);

const CancelCafeSessionInput = zodInput('CancelCafeSessionInput', cancelCafeSessionInput);

export const RecordCafeSessionInput = zodInput('RecordCafeSessionInput', recordCafeSessionInput, {
  nested: {
    invitations: 'PersonAtInput',
    attendance: 'PersonAtInput',
    questions: 'BulkQuestionInput',
    'questions.answer': 'BulkAnswerInput',
  },
});

builder.mutationFields((t) => ({
  recordCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description:
      'Record a whole café session in one call (bulk, for API clients): scheduled, invitations, attendance and questions, checked up front and appended together — all or nothing. A session in the past needs occurredAt (when it was scheduled): that records history. Idempotent by commandId.',
    args: commandArgs(t.arg, RecordCafeSessionInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.recordSession(input, commandContext(ctx, commandId, occurredAt))),
  }),
  scheduleCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Schedule a café session (톡톡타임).',
    args: commandArgs(t.arg, ScheduleCafeSessionInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.schedule(input, commandContext(ctx, commandId, occurredAt))),
  }),
  inviteToCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Invite an employee of grade 차장 or below; refused for 부장 and executives, duplicates and full sessions.',
    args: commandArgs(t.arg, InviteEmployeeInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.invite(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordCafeSessionAttendance: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Record that an employee came (invited or walk-in). Each attendee becomes a touch by every host.',
    args: commandArgs(t.arg, RecordAttendanceInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.recordAttendance(input, commandContext(ctx, commandId, occurredAt))),
  }),
  raiseCafeSessionQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: QuestionRef,
    description: 'Record a question raised in a session, optionally anonymous.',
    args: commandArgs(t.arg, RaiseQuestionInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.cafeSessions.raiseQuestion(input, commandContext(ctx, commandId, occurredAt));
      return questionAfter(ctx, 'CAFE_SESSION', result.sessionId, result, result.questionId);
    },
  }),
  answerCafeSessionQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: QuestionRef,
    description: 'Answer a question, live or later.',
    args: commandArgs(t.arg, AnswerQuestionInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.cafeSessions.answerQuestion(input, commandContext(ctx, commandId, occurredAt));
      return questionAfter(ctx, 'CAFE_SESSION', result.sessionId, result, String(input.questionId));
    },
  }),
  assignCafeSessionFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: FollowUpRef,
    description: 'Assign a follow-up action with an owner and a due date.',
    args: commandArgs(t.arg, AssignFollowUpInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.cafeSessions.assignFollowUp(input, commandContext(ctx, commandId, occurredAt));
      return followUpAfter(ctx, 'CAFE_SESSION', result.sessionId, result, result.followUpId);
    },
  }),
  completeCafeSessionFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: FollowUpRef,
    description: 'Mark a follow-up action done.',
    args: commandArgs(t.arg, CompleteFollowUpInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.cafeSessions.completeFollowUp(input, commandContext(ctx, commandId, occurredAt));
      return followUpAfter(ctx, 'CAFE_SESSION', result.sessionId, result, String(input.followUpId));
    },
  }),
  cancelCafeSession: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: CafeSessionRef,
    description: 'Cancel a session that has not taken place.',
    args: commandArgs(t.arg, CancelCafeSessionInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      sessionAfter(ctx, await ctx.commands.cafeSessions.cancel(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
