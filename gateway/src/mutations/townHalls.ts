import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { TownHallFormatEnum, TownHallRef } from '../types/townHall';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

/** After a command: wait for the view, then read the town hall back, fresh. */
const townHallAfter = async (ctx: HubContext, result: { townHallId: string; position: bigint | undefined }) => {
  await ctx.waitForView(result.position);
  const loader = ctx.loadersAt(READ_BACK).townHall;
  loader.clear(result.townHallId);
  const townHall = await loader.load(result.townHallId);
  if (!townHall) throw notFound(`No town hall ${result.townHallId}`);
  return townHall;
};

const ScheduleTownHallInput = builder.inputType('ScheduleTownHallInput', {
  description: 'A town hall to schedule.',
  fields: (t) => ({
    townHallId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    scheduledAt: t.field({ type: 'DateTime', required: true, description: 'When.' }),
    format: t.field({ type: TownHallFormatEnum, required: true, description: 'Format.' }),
    theme: t.string({ required: true, description: 'Theme.' }),
    venue: t.string({ required: true, description: 'Venue.' }),
    presenterIds: t.idList({ required: true, description: 'Presenters (any grade).' }),
  }),
});
const TownHallAttendanceInput = builder.inputType('TownHallAttendanceInput', {
  description: 'Someone who attended, by name.',
  fields: (t) => ({
    townHallId: t.id({ required: true, description: 'The town hall.' }),
    employeeId: t.id({ required: true, description: 'The employee.' }),
  }),
});
const TownHallHeadCountInput = builder.inputType('TownHallHeadCountInput', {
  description: 'How many came from one org unit, where names were not taken. A new count replaces the last.',
  fields: (t) => ({
    townHallId: t.id({ required: true, description: 'The town hall.' }),
    orgUnitId: t.id({ required: true, description: 'The org unit.' }),
    headCount: t.int({ required: true, description: 'How many (0 or more).' }),
  }),
});
const TownHallQuestionInput = builder.inputType('TownHallQuestionInput', {
  description: 'A question raised at a town hall.',
  fields: (t) => ({
    townHallId: t.id({ required: true, description: 'The town hall.' }),
    questionId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    topic: t.string({ required: true, description: 'Topic.' }),
    text: t.string({ required: true, description: 'The question.' }),
    anonymous: t.boolean({ required: false, description: 'Raise anonymously: the asker is then never recorded.' }),
    askedBy: t.id({ required: false, description: 'Who asked; ignored when anonymous.' }),
    raisedAt: t.field({ type: 'DateTime', required: false, description: 'When; now when omitted.' }),
  }),
});
const TownHallAnswerInput = builder.inputType('TownHallAnswerInput', {
  description: 'An answer to a town-hall question.',
  fields: (t) => ({
    townHallId: t.id({ required: true, description: 'The town hall.' }),
    questionId: t.id({ required: true, description: 'The question.' }),
    answeredBy: t.id({ required: true, description: 'Who answers.' }),
    answer: t.string({ required: true, description: 'The answer.' }),
    answeredAt: t.field({ type: 'DateTime', required: false, description: 'When; now when omitted.' }),
  }),
});
const TownHallFeedbackInput = builder.inputType('TownHallFeedbackInput', {
  description: 'Feedback on a town hall.',
  fields: (t) => ({
    townHallId: t.id({ required: true, description: 'The town hall.' }),
    feedbackId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    rating: t.int({ required: true, description: 'Rating, 1 to 5.' }),
    comment: t.string({ required: false, description: 'Comment.' }),
    employeeId: t.id({ required: false, description: 'Who gave it; omit for anonymous feedback.' }),
  }),
});
const CancelTownHallInput = builder.inputType('CancelTownHallInput', {
  description: 'A town hall to cancel (only before anyone attended).',
  fields: (t) => ({
    townHallId: t.id({ required: true, description: 'The town hall.' }),
    reason: t.string({ required: true, description: 'Why.' }),
  }),
});

const HeadCountInput = builder.inputType('HeadCountInput', {
  description: 'How many of one org unit came.',
  fields: (t) => ({
    orgUnitId: t.id({ required: true, description: 'The org unit.' }),
    headCount: t.int({ required: true, description: 'How many came.' }),
  }),
});
const TownHallAttendeeInput = builder.inputType('TownHallAttendeeInput', {
  description: 'Someone who came, with when (optional; the town hall time by default).',
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'The employee.' }),
    occurredAt: t.field({ type: 'DateTime', required: false, description: "When; the town hall's time if omitted." }),
  }),
});
const BulkTownHallAnswerInput = builder.inputType('BulkTownHallAnswerInput', {
  description: 'The answer to a town-hall question recorded in bulk.',
  fields: (t) => ({
    answeredBy: t.id({ required: true, description: 'Who answered.' }),
    answer: t.string({ required: true, description: 'The answer.' }),
    answeredAt: t.field({ type: 'DateTime', required: false, description: 'When; when the question was raised if omitted.' }),
  }),
});
const BulkTownHallQuestionInput = builder.inputType('BulkTownHallQuestionInput', {
  description: 'A question raised at a town hall recorded in bulk, optionally with its answer.',
  fields: (t) => ({
    questionId: t.id({ required: false, description: 'Optional id; derived from the command id when omitted.' }),
    topic: t.string({ required: true, description: 'Topic.' }),
    text: t.string({ required: true, description: 'The question.' }),
    anonymous: t.boolean({ required: false, description: 'Raised anonymously.' }),
    askedBy: t.id({ required: false, description: 'Who asked; ignored when anonymous.' }),
    raisedAt: t.field({ type: 'DateTime', required: false, description: "When; the town hall's time if omitted." }),
    answer: t.field({ type: BulkTownHallAnswerInput, required: false, description: 'Its answer, if answered.' }),
  }),
});
const RecordTownHallInput = builder.inputType('RecordTownHallInput', {
  description: 'A whole town hall at once: the town hall, who came (by name or head counts per org unit), its questions.',
  fields: (t) => ({
    townHallId: t.id({ required: false, description: 'Optional id; derived from the command id when omitted.' }),
    scheduledAt: t.field({ type: 'DateTime', required: true, description: 'When it takes (or took) place.' }),
    format: t.field({ type: TownHallFormatEnum, required: true, description: 'Format.' }),
    theme: t.string({ required: true, description: 'Theme.' }),
    venue: t.string({ required: true, description: 'Venue.' }),
    presenterIds: t.idList({ required: true, description: 'Presenters (any grade).' }),
    attendance: t.field({ type: [TownHallAttendeeInput], required: false, description: 'Who came, by name.' }),
    headCounts: t.field({ type: [HeadCountInput], required: false, description: 'How many came, per org unit.' }),
    questions: t.field({ type: [BulkTownHallQuestionInput], required: false, description: 'Questions raised, with their answers.' }),
  }),
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
