import { recordEmailLetterOpenInput, sendEmailLetterInput } from '@hub/email-letters';
import { notFound } from '@hub/events';
import { emailLetterById, READ_BACK } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { EmailLetterRef } from '../types/emailLetter';
import '../types/videoMessage'; // ViewerKind, which the inputs' reader kinds are
import { zodInput } from '../zodInput';
import { commandArgs, commandContext } from './command';

const SendEmailLetterInput = zodInput('SendEmailLetterInput', sendEmailLetterInput, {
  nested: { recipients: 'EmailLetterRecipientInput' },
});
const RecordEmailLetterOpenInput = zodInput('RecordEmailLetterOpenInput', recordEmailLetterOpenInput);

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
    args: commandArgs(t.arg, SendEmailLetterInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      letterAfter(ctx, await ctx.commands.emailLetters.send(input, commandContext(ctx, commandId, occurredAt))),
  }),
  recordEmailLetterOpen: t.field({
    authScopes: ACCESS.recordEmployeeChannels,
    type: EmailLetterRef,
    description: 'Record that a recipient opened a letter: a broadcast touch of the reader by the author.',
    args: commandArgs(t.arg, RecordEmailLetterOpenInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      letterAfter(ctx, await ctx.commands.emailLetters.recordOpen(input, commandContext(ctx, commandId, occurredAt))),
  }),
}));
