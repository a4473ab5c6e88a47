import { cadence, type CadencePeriod } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { CadencePeriodRef } from './cadencePeriod';

const CadenceRef = builder.objectRef<{ cafeSessions: CadencePeriod[]; townHalls: CadencePeriod[] }>('Cadence');
CadenceRef.implement({
  description: 'Were the rhythms kept? Café sessions twice a month, town halls every two months.',
  fields: (t) => ({
    cafeSessions: t.field({ type: [CadencePeriodRef], description: 'Per calendar month: target 2.', resolve: (c) => c.cafeSessions }),
    townHalls: t.field({
      type: [CadencePeriodRef],
      description: 'Per two months (Jan–Feb, Mar–Apr, …): target 1.',
      resolve: (c) => c.townHalls,
    }),
  }),
});

builder.queryFields((t) => ({
  cadence: t.field({
    authScopes: ACCESS.read,
    type: CadenceRef,
    description: 'Cadence met or missed, period by period, over a date range (KST calendar).',
    args: {
      from: t.arg({ type: 'Date', required: true, description: 'First day.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Day after the last.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) =>
      // The Date scalar has already checked both days.
      cadence(ctx.view, { from: args.from, to: args.to }, momentOf(args)),
  }),
}));
