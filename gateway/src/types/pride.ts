import { localDateSchema, parseOrThrow, validationError } from '@hub/events';
import { ACTIVITY_GROUPINGS, fcActivity, type ActivityRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';

const ActivityGroupingEnum = builder.enumType('ActivityGrouping', {
  description: 'How to group PRIDE weekly FC activity.',
  values: {
    PRIDE: { description: 'PRIDE branches against the others, side by side (keys PRIDE and NON_PRIDE).' },
    BRANCH: { description: 'Per branch.' },
    FC: { description: 'Per FC.' },
    WEEK: { description: 'Per week (key: its Monday).' },
  } satisfies Record<(typeof ACTIVITY_GROUPINGS)[number], { description: string }>,
});

const ActivityRef = builder.objectRef<ActivityRow>('FcActivity');
ActivityRef.implement({
  description:
    'FC activity reported week by week (customer visits, calls, contracts), summed over a group, with per-FC-week averages to compare groups of different sizes.',
  fields: (t) => ({
    key: t.exposeID('key', { description: 'PRIDE / NON_PRIDE, the branch id, the FC id or the week’s Monday.' }),
    fcs: t.exposeInt('fcs', { description: 'FCs who reported.' }),
    fcWeeks: t.exposeInt('fcWeeks', { description: 'FC-weeks reported.' }),
    customerVisits: t.exposeInt('customerVisits', { description: 'Customer visits.' }),
    calls: t.exposeInt('calls', { description: 'Calls.' }),
    contracts: t.exposeInt('contracts', { description: 'Contracts signed.' }),
    visitsPerFcWeek: t.exposeFloat('visitsPerFcWeek', { description: 'Customer visits per FC-week.' }),
    callsPerFcWeek: t.exposeFloat('callsPerFcWeek', { description: 'Calls per FC-week.' }),
    contractsPerFcWeek: t.exposeFloat('contractsPerFcWeek', { description: 'Contracts per FC-week (productivity).' }),
  }),
});

builder.queryFields((t) => ({
  fcActivity: t.field({
    authScopes: ACCESS.read,
    type: [ActivityRef],
    description:
      'PRIDE weekly FC activity for the weeks starting between two days, grouped: PRIDE vs non-PRIDE side by side, per branch, per FC or per week. Corrections replace earlier reports.',
    args: {
      groupBy: t.arg({ type: ActivityGroupingEnum, required: true, description: 'How to group.' }),
      from: t.arg({ type: 'Date', required: true, description: 'Weeks starting on or after this day.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Weeks starting on or before this day.' }),
      pride: t.arg.boolean({ required: false, description: 'Only PRIDE (true) or non-PRIDE (false) weeks.' }),
      branchId: t.arg.id({ required: false, description: 'Only this branch.' }),
      region: t.arg.string({ required: false, description: 'Only this region.' }),
      fcId: t.arg.id({ required: false, description: 'Only this FC.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => {
      const period = { from: parseOrThrow(localDateSchema, args.from, 'from'), to: parseOrThrow(localDateSchema, args.to, 'to') };
      if (period.from > period.to) throw validationError('from must not be after to');
      return fcActivity(
        ctx.view,
        args.groupBy,
        period,
        { pride: args.pride ?? null, branchId: idOrNull(args.branchId), region: args.region ?? null, fcId: idOrNull(args.fcId) },
        momentOf(args),
      );
    },
  }),
}));
