import type { twoWay } from '@hub/read-model';
import { builder } from '../builder';
import { EmployeeRef } from './employee';

export const LeaderAnswersRef = builder.objectRef<Awaited<ReturnType<typeof twoWay>>['byAnsweringLeader'][number]>('LeaderAnswers');
LeaderAnswersRef.implement({
  description: 'Answers given by one leader.',
  fields: (t) => ({
    leader: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The leader.',
      resolve: async (l, _, ctx) => (await ctx.loadersAt(l.asOf).employee.load(l.leaderId)) ?? null,
    }),
    answered: t.exposeInt('answered', { description: 'Questions answered.' }),
    averageHoursToAnswer: t.exposeFloat('averageHoursToAnswer', { nullable: true, description: 'Mean hours to answer.' }),
  }),
});
