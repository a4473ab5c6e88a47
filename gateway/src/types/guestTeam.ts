import { type GuestSuggestion, type GuestTeam } from '@hub/read-model';
import { builder } from '../builder';
import { OrgUnitRef } from './directory';

export const GuestTeamRef = builder.objectRef<GuestTeam & { asOf: GuestSuggestion['asOf'] }>('GuestTeam');

GuestTeamRef.implement({
  description: 'The team a suggested guest belongs to, with its café reach over all history up to the moment asked.',
  fields: (t) => ({
    orgUnit: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'The org unit.',
      resolve: async (team, _, ctx) => (team.orgUnitId ? ((await ctx.loadersAt(team.asOf).orgUnit.load(team.orgUnitId)) ?? null) : null),
    }),
    name: t.exposeString('name', { description: 'Its name.' }),
    eligiblePopulation: t.exposeInt('eligiblePopulation', {
      description: 'Employees of the team (with the units below it) who may attend café sessions.',
    }),
    reached: t.exposeInt('reached', { description: 'Of the team, how many were ever met at a café session.' }),
    eligibleReachRate: t.exposeFloat('eligibleReachRate', {
      description: 'reached / eligiblePopulation (0 to 1): the lower, the sooner its people are asked.',
    }),
  }),
});
