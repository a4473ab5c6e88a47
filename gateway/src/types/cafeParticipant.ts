import { type CafeParticipantRow } from '@hub/read-model';
import { builder } from '../builder';
import { employeeField } from './employee';

export const CafeParticipantRef = builder.objectRef<CafeParticipantRow>('CafeParticipant');

CafeParticipantRef.implement({
  description: 'An employee invited to, or present at, a café session.',
  fields: (t) => ({
    employee: t.field({
      ...employeeField('The employee.'),
      resolve: async (p, _, ctx) => (await ctx.loadersAt(p.asOf).employee.load(p.employeeId)) ?? null,
    }),
    employeeId: t.exposeID('employeeId', { description: 'Employee number.' }),
    invited: t.exposeBoolean('invited', { description: 'Was invited.' }),
    attended: t.exposeBoolean('attended', { description: 'Was there.' }),
    walkIn: t.exposeBoolean('walkIn', { description: 'Came without an invitation.' }),
  }),
});
