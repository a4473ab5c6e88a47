import {
  answerTownHallQuestionInput,
  cancelTownHallInput,
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
import { TownHallRef } from '../types/townHall';
import { zodInput } from '../zodInput';
import { commandContext, commandIdOptions, occurredAtArg, readBack } from './command';

/** After a command: wait for the view, then read the town hall back, fresh. */
const townHallAfter = (ctx: HubContext, result: { townHallId: string; position: bigint | undefined }) =>
  readBack(ctx, result.position, (l) => l.townHall, result.townHallId, 'town hall');

const ScheduleTownHallInput = zodInput('ScheduleTownHallInput', scheduleTownHallInput);
const TownHallAttendanceInput = zodInput('TownHallAttendanceInput', recordTownHallAttendanceInput);
const TownHallHeadCountInput = zodInput('TownHallHeadCountInput', recordTownHallHeadCountInput);
const TownHallQuestionInput = zodInput('TownHallQuestionInput', raiseTownHallQuestionInput);
const TownHallAnswerInput = zodInput('TownHallAnswerInput', answerTownHallQuestionInput);
const TownHallFeedbackInput = zodInput('TownHallFeedbackInput', giveTownHallFeedbackInput);
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
    args: {
      input: t.arg({ type: RecordTownHallInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.recordTownHall(input, commandContext(ctx, commandId, occurredAt))),
  }),
  scheduleTownHall: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Schedule a town hall (타운홀).',
    args: {
      input: t.arg({ type: ScheduleTownHallInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.schedule(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordTownHallAttendance: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record an attendee by name. Each becomes a touch by every presenter.',
    args: {
      input: t.arg({ type: TownHallAttendanceInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.recordAttendance(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordTownHallHeadCount: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record how many came from one org unit.',
    args: {
      input: t.arg({ type: TownHallHeadCountInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.recordHeadCount(input, commandContext(ctx, commandId, occurredAt))),
  }),
  raiseTownHallQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record a question raised at a town hall.',
    args: {
      input: t.arg({ type: TownHallQuestionInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.raiseQuestion(input, commandContext(ctx, commandId, occurredAt))),
  }),
  answerTownHallQuestion: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Answer a town-hall question.',
    args: {
      input: t.arg({ type: TownHallAnswerInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.answerQuestion(input, commandContext(ctx, commandId, occurredAt))),
  }),
  giveTownHallFeedback: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Record feedback (rating and comment) on a town hall.',
    args: {
      input: t.arg({ type: TownHallFeedbackInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.giveFeedback(input, commandContext(ctx, commandId, occurredAt))),
  }),
  cancelTownHall: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: TownHallRef,
    description: 'Cancel a town hall that has not taken place.',
    args: {
      input: t.arg({ type: CancelTownHallInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      townHallAfter(ctx, await ctx.commands.townHalls.cancel(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
