import { type ContractRow } from '@hub/read-model';
import { builder } from '../builder';
import { BranchRef } from './branch';
import { FcRef } from './fc';

import { CustomerFollowUpRef } from './customerFollowUp';
import { CustomerRef } from './customerSmile';
import { CustomerVisitRef } from './customerVisit';

export const ContractRef = builder.objectRef<ContractRow>('Contract');

ContractRef.implement({
  description: 'A signed contract: customer, FC, product and date, and the three follow-ups it makes due.',
  fields: (t) => ({
    id: t.exposeID('contractId', { description: 'Contract id.' }),
    customer: t.field({
      type: CustomerRef,
      nullable: true,
      description: 'The customer.',
      resolve: async (k, _, ctx) => (await ctx.loadersAt(k.asOf).customer.load(k.customerId)) ?? null,
    }),
    fc: t.field({
      type: FcRef,
      nullable: true,
      description: 'The FC who sold it.',
      resolve: async (k, _, ctx) => (await ctx.loadersAt(k.asOf).fc.load(k.fcId)) ?? null,
    }),
    branch: t.field({
      type: BranchRef,
      nullable: true,
      description: 'The FC’s branch when signed.',
      resolve: async (k, _, ctx) => (await ctx.loadersAt(k.asOf).branch.load(k.branchId)) ?? null,
    }),
    product: t.exposeString('product', { description: 'Product.' }),
    signedOn: t.expose('signedOn', { type: 'Date', description: 'Signing day.' }),
    followUps: t.field({
      type: [CustomerFollowUpRef],
      description: 'The three follow-ups, earliest due first.',
      resolve: (k, _, ctx) => ctx.loadersAt(k.asOf).followUps.load(k.contractId),
    }),
    visits: t.field({
      type: [CustomerVisitRef],
      description: 'Visits to the customer for this contract, newest first.',
      resolve: (k, _, ctx) => ctx.loadersAt(k.asOf).customerVisits.load(k.contractId),
    }),
  }),
});
