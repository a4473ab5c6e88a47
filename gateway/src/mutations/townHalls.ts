import {
  answerTownHallQuestionInput,
  assignTownHallFollowUpInput,
  cancelTownHallInput,
  completeTownHallFollowUpInput,
  giveTownHallFeedbackInput,
  raiseTownHallQuestionInput,
  recordTownHallAttendanceInput,
  recordTownHallHeadCountInput,
  recordTownHallInput,
  scheduleTownHallInput,
} from '@hub/town-halls';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { FollowUpRef } from '../types/followUp';
import { TownHallRef } from '../types/townHall';
import { zodInput } from '../zodInput';
import { commandArgs, commandContext, readBack } from './command';
import { followUpAfter } from './gathering';

/** After a command: wait for the view, then read the town hall back, fresh. */
const townHallAfter = (ctx: HubContext, result: { townHallId: string; position: bigint | undefined }) =>
  readBack(ctx, result.position, (l) => l.townHall, result.townHallId, 'town hall');

const ScheduleTownHallInput = zodInput('ScheduleTownHallInput', scheduleTownHallInput);
const TownHallAttendanceInput = zodInput('TownHallAttendanceInput', recordTownHallAttendanceInput);
const TownHallHeadCountInput = zodInput('TownHallHeadCountInput', recordTownHallHeadCountInput);
const TownHallQuestionInput = zodInput('TownHallQuestionInput', raiseTownHallQuestionInput);
const TownHallAnswerInput = zodInput('TownHallAnswerInput', answerTownHallQuestionInput);
const TownHallFeedbackInput = zodInput('TownHallFeedbackInput', giveTownHallFeedbackInput);
const TownHallFollowUpInput = zodInput('TownHallFollowUpInput', assignTownHallFollowUpInput);
const CompleteTownHallFollowUpInput = zodInput('CompleteTownHallFollowUpInput', completeTownHallFollowUpInput);
const CancelTownHallInput = zodInput('CancelTownHallInput', cancelTownHallInput);

const RecordTownHallInput = zodInput('RecordTownHallInput', recordTownHallInput, {
  nested: {
    attendance: 'TownHallAttendeeInput',
    headCounts: 'HeadCountInput',
    questions: 'BulkTownHallQuestionInput',
    'questions.answer': 'BulkTownHallAnswerInput',
  },
});

builder.mutationFields((t) => ({
  recordTownHall: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description:
      'Record a whole town hall in one call (bulk, for API clients): scheduled, attendance or head counts, questions, checked up front and appended together — all or nothing. A town hall in the past needs occurredAt (when it was scheduled): that records history. Idempotent by commandId.',
    args: commandArgs(t.arg, RecordTownHallInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.recordTownHall(input, commandContext(ctx, commandId, occurredAt))),
  }),
  scheduleTownHall: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Schedule a town hall (타운홀).',
    args: commandArgs(t.arg, ScheduleTownHallInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.schedule(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordTownHallAttendance: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record an attendee by name. Each becomes a touch by every presenter.',
    args: commandArgs(t.arg, TownHallAttendanceInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.recordAttendance(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordTownHallHeadCount: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record how many came from one org unit.',
    args: commandArgs(t.arg, TownHallHeadCountInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.recordHeadCount(input, commandContext(ctx, commandId, occurredAt))),
  }),
  raiseTownHallQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record a question raised at a town hall.',
    args: commandArgs(t.arg, TownHallQuestionInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.raiseQuestion(input, commandContext(ctx, commandId, occurredAt))),
  }),
  answerTownHallQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Answer a town-hall question.',
    args: commandArgs(t.arg, TownHallAnswerInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.answerQuestion(input, commandContext(ctx, commandId, occurredAt))),
  }),
  assignTownHallFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: FollowUpRef,
    description: 'Assign a follow-up action promised at a town hall, with an owner and a due date.',
    args: commandArgs(t.arg, TownHallFollowUpInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.townHalls.assignFollowUp(input, commandContext(ctx, commandId, occurredAt));
      return followUpAfter(ctx, 'TOWN_HALL', result.townHallId, result, result.followUpId);
    },
  }),
  completeTownHallFollowUp: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: FollowUpRef,
    description: 'Mark a town-hall follow-up action done.',
    args: commandArgs(t.arg, CompleteTownHallFollowUpInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.townHalls.completeFollowUp(input, commandContext(ctx, commandId, occurredAt));
      return followUpAfter(ctx, 'TOWN_HALL', result.townHallId, result, String(input.followUpId));
    },
  }),
  giveTownHallFeedback: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record feedback (rating and comment) on a town hall.',
    args: commandArgs(t.arg, TownHallFeedbackInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.giveFeedback(input, commandContext(ctx, commandId, occurredAt))),
  }),
  cancelTownHall: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Cancel a town hall that has not taken place.',
    args: commandArgs(t.arg, CancelTownHallInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.cancel(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
