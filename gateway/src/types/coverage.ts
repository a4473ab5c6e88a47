import { instantSchema, parseOrThrow, validationError } from '@hub/contracts';
import { cafeSessionReachByOrgUnit, type OrgUnitReachRow } from '@hub/read-model';
import { builder } from '../builder';
import { asOfArgOptions } from './asOf';

const OrgUnitReachRef = builder.objectRef<OrgUnitReachRow>('OrgUnitReach');

OrgUnitReachRef.implement({
  description: 'Reach of one org unit over a period: distinct people reached / people in the unit.',
  fields: (t) => ({
    orgUnit: t.exposeString('orgUnit', { description: 'The org unit.' }),
    population: t.exposeInt('population', { description: 'Employees in the unit during the period (hired before it ended).' }),
    eligiblePopulation: t.exposeInt('eligiblePopulation', { description: 'Of those, how many may attend café sessions (grade 차장 or below).' }),
    reached: t.exposeInt('reached', { description: 'Distinct employees reached in the period.' }),
    reachRate: t.exposeFloat('reachRate', { description: 'reached / population (0 to 1; 0 for an empty unit).' }),
    eligibleReachRate: t.exposeFloat('eligibleReachRate', { description: 'reached / eligiblePopulation (0 to 1).' }),
  }),
});

const PeriodInput = builder.inputType('PeriodInput', {
  description: 'A period: from (inclusive) to (exclusive).',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: true, description: 'Start, inclusive.' }),
    to: t.field({ type: 'DateTime', required: true, description: 'End, exclusive.' }),
  }),
});

builder.queryFields((t) => ({
  cafeSessionReachByOrgUnit: t.field({
    type: [OrgUnitReachRef],
    description: 'Café-session (톡톡타임) reach of employees by org unit for a period, optionally for one host or one unit.',
    args: {
      period: t.arg({ type: PeriodInput, required: true, description: 'The period to measure.' }),
      hostId: t.arg.id({ required: false, description: 'Only sessions this leader hosted.' }),
      orgUnit: t.arg.string({ required: false, description: 'Only this org unit.' }),
      asOf: t.arg(asOfArgOptions),
    },
    resolve: (_, args, ctx) => {
      const from = parseOrThrow(instantSchema, args.period.from, 'period.from');
      const to = parseOrThrow(instantSchema, args.period.to, 'period.to');
      if (from >= to) throw validationError('period.from must be before period.to');
      return cafeSessionReachByOrgUnit(ctx.view, { from, to }, { hostId: args.hostId == null ? null : String(args.hostId), orgUnit: args.orgUnit ?? null }, args.asOf);
    },
  }),
}));
