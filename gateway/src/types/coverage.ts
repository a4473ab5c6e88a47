import { instantSchema, parseOrThrow, validationError } from '@hub/contracts';
import { cafeSessionReachByOrgUnit, type OrgUnitReachRow } from '@hub/read-model';
import { builder } from '../builder';
import { asOfArgOptions } from './asOf';
import { OrgUnitKindEnum } from './directory';

const OrgUnitReachRef = builder.objectRef<OrgUnitReachRow>('OrgUnitReach');

OrgUnitReachRef.implement({
  description: 'Reach of one org unit (with all units below it) over a period: distinct people reached / people in the unit.',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId', { description: 'The org unit.' }),
    orgUnitName: t.exposeString('orgUnitName', { description: 'Its name.' }),
    kind: t.expose('kind', { type: OrgUnitKindEnum, description: 'Division, department or team.' }),
    parentId: t.exposeID('parentId', { nullable: true, description: 'The unit above, to draw the tree.' }),
    population: t.exposeInt('population', { description: 'Employees of the unit and its sub-units during the period (hired before it ended, not gone before it began).' }),
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
    description: 'Café-session (톡톡타임) reach of employees for every org unit (each with its whole subtree) over a period, optionally for one host or one unit.',
    args: {
      period: t.arg({ type: PeriodInput, required: true, description: 'The period to measure.' }),
      hostId: t.arg.id({ required: false, description: 'Only sessions this leader hosted.' }),
      orgUnitId: t.arg.id({ required: false, description: 'Only this org unit.' }),
      asOf: t.arg(asOfArgOptions),
    },
    resolve: (_, args, ctx) => {
      const from = parseOrThrow(instantSchema, args.period.from, 'period.from');
      const to = parseOrThrow(instantSchema, args.period.to, 'period.to');
      if (from >= to) throw validationError('period.from must be before period.to');
      return cafeSessionReachByOrgUnit(ctx.view, { from, to }, { hostId: args.hostId == null ? null : String(args.hostId), orgUnitId: args.orgUnitId == null ? null : String(args.orgUnitId) }, args.asOf);
    },
  }),
}));
