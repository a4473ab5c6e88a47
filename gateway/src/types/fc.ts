import { type FcRow } from '@hub/read-model';
import { builder } from '../builder';
import { BranchRef } from './branch';

export const FcRef = builder.objectRef<FcRow>('Fc');

FcRef.implement({
  description: 'A financial consultant (FC, 설계사): the sales agent of a branch.',
  fields: (t) => ({
    id: t.exposeID('fcId', { description: 'FC id.' }),
    name: t.exposeString('name', { description: 'Name.' }),
    branch: t.field({
      type: BranchRef,
      nullable: true,
      description: 'Current branch.',
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).branch.load(f.branchId)) ?? null,
    }),
    hiredOn: t.expose('hiredOn', { type: 'Date', description: 'Hire date.' }),
    leftOn: t.expose('leftOn', { type: 'Date', nullable: true, description: 'Leave date, once left.' }),
  }),
});
