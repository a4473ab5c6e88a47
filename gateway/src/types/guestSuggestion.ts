import { type GuestSuggestion } from '@hub/read-model';
import { builder } from '../builder';
import { EmployeeRef } from './employee';
import { GuestTeamRef } from './guestTeam';

export const GuestSuggestionRef = builder.objectRef<GuestSuggestion>('GuestSuggestion');

GuestSuggestionRef.implement({
  description: 'One suggested café guest and why.',
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Place in the suggestion, from 1.' }),
    employeeId: t.exposeID('employeeId', { description: 'Employee number.' }),
    employee: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The employee.',
      resolve: async (g, _, ctx) => (await ctx.loadersAt(g.asOf).employee.load(g.employeeId)) ?? null,
    }),
    team: t.field({ type: GuestTeamRef, description: 'Their team and its café reach.', resolve: (g) => ({ ...g.team, asOf: g.asOf }) }),
    divisionId: t.exposeID('divisionId', { nullable: true, description: 'The division (top of the org tree) of their team.' }),
    divisionName: t.exposeString('divisionName', { description: 'Its name.' }),
    reason: t.string({
      description: 'Why, in one sentence (English; the console words it in the reader’s language from the fields above).',
      resolve: (g) =>
        `Never met at a café session; ${g.team.name} has met ${g.team.reached} of ${g.team.eligiblePopulation} eligible (${Math.round(g.team.eligibleReachRate * 100)}%); ${g.divisionName} division.`,
    }),
  }),
});
