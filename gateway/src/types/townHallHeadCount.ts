import { type TownHallHeadCountRow } from '@hub/read-model';
import { builder } from '../builder';
import { OrgUnitRef } from './directory';

export const TownHallHeadCountRef = builder.objectRef<TownHallHeadCountRow>('TownHallHeadCount');

TownHallHeadCountRef.implement({
  description: 'How many came from one org unit.',
  fields: (t) => ({
    orgUnit: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'The org unit.',
      resolve: async (c, _, ctx) => (await ctx.loadersAt(c.asOf).orgUnit.load(c.orgUnitId)) ?? null,
    }),
    headCount: t.exposeInt('headCount', { description: 'How many.' }),
  }),
});
