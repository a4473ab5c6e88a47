import { emailLetterById, READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { EmailLetterRef } from '../types/emailLetter';
import { ViewerKindEnum } from '../types/videoMessage';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

const EmailLetterRecipientInput = builder.inputType('EmailLetterRecipientInput', {
  description: 'Someone an e-mail letter was sent to.',
  fields: (t) => ({
    readerKind: t.field({ type: ViewerKindEnum, required: true, description: 'An employee or an FC.' }),
    readerId: t.id({ required: true, description: 'Their employee or FC id.' }),
    delivered: t.boolean({ required: false, description: 'False when the mail bounced; default true.' }),
  }),
});

const SendEmailLetterInput = builder.inputType('SendEmailLetterInput', {
  description: 'An e-mail letter a leader sent to staff.',
  fields: (t) => ({
    letterId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    authorId: t.id({ required: true, description: 'The leader who wrote it.' }),
    subject: t.string({ required: true, description: 'Subject line.' }),
    audience: t.field({ type: [ViewerKindEnum], required: true, description: 'Employees, FCs, or both.' }),
    orgUnitIds: t.idList({ required: false, description: 'Only employees in these org units (or units under them).' }),
    branchIds: t.idList({ required: false, description: 'Only FCs of these branches.' }),
    recipients: t.field({ type: [EmailLetterRecipientInput], required: true, description: 'Everyone it was sent to.' }),
    sentAt: t.field({ type: 'DateTime', required: true, description: 'When it was sent (not in the future).' }),
  }),
});

const RecordEmailLetterOpenInput = builder.inputType('RecordEmailLetterOpenInput', {
  description: 'A recipient opening an e-mail letter; a second open of the same reader counts once.',
  fields: (t) => ({
    letterId: t.id({ required: true, description: 'The letter.' }),
    readerKind: t.field({ type: ViewerKindEnum, required: true, description: 'An employee or an FC.' }),
    readerId: t.id({ required: true, description: 'Who opened it.' }),
    openedAt: t.field({ type: 'DateTime', required: true, description: 'When.' }),
  }),
});

const letterAfter = async (ctx: HubContext, result: { letterId: string; position: bigint | undefined }) => {
  await ctx.waitForView(result.position);
  const letter = await emailLetterById(ctx.view, result.letterId, READ_BACK);
  if (!letter) throw notFound(`No e-mail letter ${result.letterId}`);
  return letter;
};

builder.mutationFields((t) => ({
  sendEmailLetter: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: EmailLetterRef,
    description: 'Record an e-mail letter sent to staff, with its recipients.',
    args: {
      input: t.arg({ type: SendEmailLetterInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      letterAfter(ctx, await ctx.commands.emailLetters.send(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordEmailLetterOpen: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: EmailLetterRef,
    description: 'Record that a recipient opened a letter: a broadcast touch of the reader by the author.',
    args: {
      input: t.arg({ type: RecordEmailLetterOpenInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      letterAfter(ctx, await ctx.commands.emailLetters.recordOpen(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
