import { emailLettersPage, type EmailLetterRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { fromArg, idOrNull, optionalPeriod, toArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { forwardPage, toConnection } from './connection';
import { EmployeeRef } from './employee';

export const EmailLetterRef = builder.objectRef<EmailLetterRow>('EmailLetter');

EmailLetterRef.implement({
  description: 'An e-mail letter from a leader to employees and/or FCs (CEO 레터), with how many received and opened it.',
  fields: (t) => ({
    id: t.exposeID('letterId', { description: 'Letter id.' }),
    subject: t.exposeString('subject', { description: 'Subject line.' }),
    author: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'Who wrote it.',
      resolve: async (l, _, ctx) => (await ctx.loadersAt(l.asOf).employee.load(l.authorId)) ?? null,
    }),
    audience: t.exposeStringList('audience', { description: 'EMPLOYEE and/or FC.' }),
    orgUnitIds: t.exposeIDList('orgUnitIds', {
      description: 'The org units the employees were narrowed to (and those under them); empty: all.',
    }),
    branchIds: t.exposeIDList('branchIds', { description: 'The branches the FCs were narrowed to; empty: all.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', description: 'When it was sent.' }),
    sent: t.exposeInt('sent', { description: 'Recipients it was sent to.' }),
    delivered: t.exposeInt('delivered', { description: 'Recipients it reached (bounces left out).' }),
    opened: t.exposeInt('opened', { description: 'Readers who opened it, each counted once.' }),
    openRate: t.exposeFloat('openRate', { nullable: true, description: 'Opened / delivered, 0 to 1; null when nothing was delivered.' }),
  }),
});

builder.queryFields((t) => ({
  emailLetters: t.connection(
    {
      authScopes: ACCESS.read,
      type: EmailLetterRef,
      description: 'E-mail letters with their sent, delivered and opened counts, newest first. Forward pagination (first/after).',
      args: {
        authorId: t.arg.id({ required: false, description: 'Only letters by this leader.' }),
        from: t.arg(fromArg),
        to: t.arg(toArg),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('emailLetters', args);
        const filter = { authorId: idOrNull(args.authorId), ...optionalPeriod(args) };
        return toConnection(await emailLettersPage(ctx.view, filter, page, momentOf(args)), page.after);
      },
    },
    { name: 'EmailLetterConnection', description: 'A page of e-mail letters.' },
    { name: 'EmailLetterEdge', description: 'An e-mail letter in a page, with its cursor.' },
  ),
}));
