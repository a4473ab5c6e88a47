import { type CustomerVisitRow, type EmployeeRow } from '@hub/read-model';
import { builder } from '../builder';
import { EmployeeRef } from './employee';
import { FcRef } from './fc';

import { FollowUpKindEnum } from './customerSmile';

export const CustomerVisitRef = builder.objectRef<CustomerVisitRow>('CustomerVisit');

CustomerVisitRef.implement({
  description: 'An FC’s visit to a customer, maybe with a leader (the CEO in Banpo for the one-year check).',
  fields: (t) => ({
    id: t.exposeID('visitId', { description: 'Visit id.' }),
    fc: t.field({
      type: FcRef,
      nullable: true,
      description: 'The FC.',
      resolve: async (v, _, ctx) => (await ctx.loadersAt(v.asOf).fc.load(v.fcId)) ?? null,
    }),
    leaders: t.field({
      type: [EmployeeRef],
      description: 'Leaders who went along.',
      resolve: async (v, _, ctx) =>
        (await ctx.loadersAt(v.asOf).employee.loadMany(v.leaderIds)).filter(
          (e): e is EmployeeRow => e !== undefined && !(e instanceof Error),
        ),
    }),
    visitedAt: t.expose('visitedAt', { type: 'DateTime', description: 'When.' }),
    topics: t.exposeStringList('topics', { description: 'What was covered.' }),
    rating: t.exposeInt('rating', { nullable: true, description: 'The customer’s rating, 1 to 5.' }),
    comment: t.exposeString('comment', { nullable: true, description: 'The customer’s comment.' }),
    satisfies: t.expose('satisfies', {
      type: FollowUpKindEnum,
      nullable: true,
      description: 'The follow-up it satisfied; null for an extra visit.',
    }),
  }),
});
