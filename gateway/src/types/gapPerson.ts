import type { AsOfRow, GapRow, PopulationKind } from '@hub/read-model';
import { builder } from '../builder';
import { CustomerRef } from './customerSmile';
import { EmployeeRef } from './employee';
import { FcRef } from './fc';

export const GapPersonRef = builder.objectRef<GapRow & { kind: PopulationKind; asOf: AsOfRow['asOf'] }>('GapPerson');
GapPersonRef.implement({
  description: 'Someone not reached within the window.',
  fields: (t) => ({
    personId: t.exposeID('personId', { description: 'Employee number or FC id.' }),
    lastTouchedAt: t.expose('lastTouchedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last touch before the window; null: never reached.',
    }),
    employee: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The employee, for an employee gap.',
      resolve: async (g, _, ctx) => (g.kind === 'EMPLOYEE' ? ((await ctx.loadersAt(g.asOf).employee.load(g.personId)) ?? null) : null),
    }),
    fc: t.field({
      type: FcRef,
      nullable: true,
      description: 'The FC, for an FC gap.',
      resolve: async (g, _, ctx) => (g.kind === 'FC' ? ((await ctx.loadersAt(g.asOf).fc.load(g.personId)) ?? null) : null),
    }),
    customer: t.field({
      type: CustomerRef,
      nullable: true,
      description: 'The customer, for a customer gap.',
      resolve: async (g, _, ctx) => (g.kind === 'CUSTOMER' ? ((await ctx.loadersAt(g.asOf).customer.load(g.personId)) ?? null) : null),
    }),
  }),
});
