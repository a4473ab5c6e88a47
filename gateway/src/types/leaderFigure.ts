import type { AsOfRow, Coverage } from '@hub/read-model';
import { builder } from '../builder';
import { EmployeeRef } from './employee';

export const LeaderFigureRef = builder.objectRef<Coverage['byLeader'][number] & AsOfRow>('LeaderFigure');
LeaderFigureRef.implement({
  description: 'Reach by one leader (or by the company, for touches without a leader).',
  fields: (t) => ({
    leader: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The leader; null for the company.',
      resolve: async (f, _, ctx) => (f.leaderId ? ((await ctx.loadersAt(f.asOf).employee.load(f.leaderId)) ?? null) : null),
    }),
    reached: t.exposeInt('reached', { description: 'Distinct people this leader reached.' }),
    touches: t.exposeInt('touches', { description: 'Touches by this leader.' }),
  }),
});
