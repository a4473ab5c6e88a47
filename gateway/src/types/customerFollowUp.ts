import { followUpDaysLate, followUpStatusOn } from '@hub/events';
import { type FollowUpRow } from '@hub/read-model';
import { builder } from '../builder';
import { dayArg } from './args';
import { ContractRef } from './contract';
import { FcRef } from './fc';

import { CustomerRef, FollowUpKindEnum, FollowUpStatusEnum } from './customerSmile';

export const CustomerFollowUpRef = builder.objectRef<FollowUpRow>('CustomerFollowUp');

CustomerFollowUpRef.implement({
  description: 'One Customer Smile follow-up: its window, and whether it was kept on time.',
  fields: (t) => ({
    kind: t.expose('kind', { type: FollowUpKindEnum, description: 'Which of the three.' }),
    opensOn: t.expose('opensOn', { type: 'Date', description: 'First day a visit counts for it.' }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'Last day for an on-time visit.' }),
    status: t.field({
      type: FollowUpStatusEnum,
      description: 'On time, late, overdue, open or upcoming, on the day given (default: the day the list was judged on).',
      args: { on: t.arg({ type: 'Date', required: false, description: 'Judge on this day.' }) },
      resolve: (f, args) => (args.on ? followUpStatusOn(f, f.satisfiedOn, dayArg(args.on)) : f.status),
    }),
    satisfiedOn: t.expose('satisfiedOn', { type: 'Date', nullable: true, description: 'Day of the visit that satisfied it.' }),
    daysLate: t.int({
      description: 'Days past due on the day given: of the late visit, or so far for an overdue one.',
      args: { on: t.arg({ type: 'Date', required: false, description: 'Judge on this day.' }) },
      resolve: (f, args) => (args.on ? followUpDaysLate(f, f.satisfiedOn, dayArg(args.on)) : f.daysLate),
    }),
    judgedOn: t.expose('on', { type: 'Date', description: 'The day `status` and `daysLate` describe by default.' }),
    contract: t.field({
      type: ContractRef,
      nullable: true,
      description: 'The contract.',
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).contract.load(f.contractId)) ?? null,
    }),
    customer: t.field({
      type: CustomerRef,
      nullable: true,
      description: 'The customer to visit.',
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).customer.load(f.customerId)) ?? null,
    }),
    fc: t.field({
      type: FcRef,
      nullable: true,
      description: 'The contract’s FC.',
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).fc.load(f.fcId)) ?? null,
    }),
  }),
});
