import type { OrgUnitReachRow } from '@hub/read-model';
import { cafeSessionReachByOrgUnit } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull, periodArg, periodOf } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { ReachUnitKindEnum } from './enums';

export const OrgUnitReachRef = builder.objectRef<OrgUnitReachRow>('OrgUnitReach');

OrgUnitReachRef.implement({
  description:
    'Reach of one org unit (with all units below it) over a period: distinct people reached / people in the unit. The first row is the whole company (orgUnitId COMPANY).',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId', { description: 'The org unit; COMPANY for the company-wide root row.' }),
    orgUnitName: t.exposeString('orgUnitName', { description: 'Its name.' }),
    kind: t.expose('kind', { type: ReachUnitKindEnum, description: 'The company root, a division, a department or a team.' }),
    parentId: t.exposeID('parentId', {
      nullable: true,
      description: 'The unit above, to draw the tree (COMPANY above each division; null for the root).',
    }),
    population: t.exposeInt('population', {
      description: 'Employees of the unit and its sub-units during the period (hired before it ended, not gone before it began).',
    }),
    eligiblePopulation: t.exposeInt('eligiblePopulation', {
      description: 'Of those, how many may attend café sessions (grade 차장 or below).',
    }),
    reached: t.exposeInt('reached', { description: 'Distinct employees reached in the period.' }),
    reachRate: t.exposeFloat('reachRate', { description: 'reached / population (0 to 1; 0 for an empty unit).' }),
    eligibleReachRate: t.exposeFloat('eligibleReachRate', { description: 'reached / eligiblePopulation (0 to 1).' }),
  }),
});

builder.queryFields((t) => ({
  cafeSessionReachByOrgUnit: t.field({
    authScopes: ACCESS.read,
    type: [OrgUnitReachRef],
    description:
      'Café-session (톡톡타임) reach of employees for every org unit (each with its whole subtree) over a period, optionally for one host or one unit.',
    args: {
      period: t.arg(periodArg('The period to measure.')),
      hostId: t.arg.id({ required: false, description: 'Only sessions this leader hosted.' }),
      orgUnitId: t.arg.id({ required: false, description: 'Only this org unit (COMPANY: only the company-wide row).' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => {
      const { from, to } = periodOf(args.period);
      return cafeSessionReachByOrgUnit(
        ctx.view,
        { from, to },
        { hostId: idOrNull(args.hostId), orgUnitId: idOrNull(args.orgUnitId) },
        momentOf(args),
      );
    },
  }),
}));
