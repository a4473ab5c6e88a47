import { employeeReachByOrgUnit } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull, periodArg, periodOf } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { ChannelEnum } from './enums';
import { OrgUnitReachRef } from './orgUnitReach';

/*
 * Employee reach of every org unit through any channel (or one): the console's heatmap of org
 * unit × month asks it once a month instead of one `coverage` call per unit and month.
 */
builder.queryFields((t) => ({
  employeeReachByOrgUnit: t.field({
    authScopes: ACCESS.read,
    type: [OrgUnitReachRef],
    description:
      'Reach of employees for every org unit (each with its whole subtree) over a period, through every channel or one, optionally by one leader or for one unit. `reached` counts anyone touched through it; `eligibleReachRate` divides by the café-eligible only.',
    args: {
      period: t.arg(periodArg('The period to measure.')),
      channel: t.arg({ type: ChannelEnum, required: false, description: 'Only touches through this channel (default: every channel).' }),
      leaderId: t.arg.id({ required: false, description: 'Only touches by this leader.' }),
      orgUnitId: t.arg.id({ required: false, description: 'Only this org unit (COMPANY: only the company-wide row).' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) =>
      employeeReachByOrgUnit(
        ctx.view,
        periodOf(args.period),
        { channel: args.channel ?? null, leaderId: idOrNull(args.leaderId), orgUnitId: idOrNull(args.orgUnitId) },
        momentOf(args),
      ),
  }),
}));
