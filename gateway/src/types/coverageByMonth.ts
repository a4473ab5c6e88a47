import { coverageByMonth, MAX_COVERAGE_MONTHS, type MonthCoverage } from '@hub/read-model';
import { ACCESS, customerAggregateGuard } from '../access';
import { builder } from '../builder';
import { idOrNull, segmentArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { ChannelEnum, PopulationEnum } from './enums';
import { segmentOf } from './segmentInput';

/*
 * Reach per month (README, "The console"): the overview's trend, one statement for a run of months
 * instead of one `coverage` per month. Each month's figures are what `coverage` says of it, so the
 * same roles may ask, and customers' months are guarded the same way.
 */

const MonthCoverageRef = builder.objectRef<MonthCoverage>('MonthCoverage');
MonthCoverageRef.implement({
  description: 'Reach of a segment in one calendar month in Korea, as `coverage` gives it for that month.',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'The month, YYYY-MM (Korean calendar).' }),
    from: t.field({ type: 'DateTime', description: 'When the month begins in Korea (inclusive).', resolve: (m) => m.from }),
    to: t.field({ type: 'DateTime', description: 'When the next month begins (exclusive).', resolve: (m) => m.to }),
    population: t.exposeInt('population', { description: 'People in the segment during the month.' }),
    reached: t.exposeInt('reached', { description: 'Distinct people touched in the month.' }),
    reachRate: t.exposeFloat('reachRate', { description: 'reached / population (0 to 1).' }),
    touches: t.exposeInt('touches', { description: 'Touches in the month.' }),
  }),
});

builder.queryFields((t) => ({
  coverageByMonth: t.field({
    authScopes: ACCESS.read,
    type: [MonthCoverageRef],
    // Its cost (queryCost): a list as long as the months it may cover, not a plain list of 10.
    extensions: { listSize: MAX_COVERAGE_MONTHS },
    description: `Reach of a segment in each calendar month in Korea from \`fromMonth\` to \`toMonth\` (both included, at most ${MAX_COVERAGE_MONTHS} months), optionally through one channel or by one leader, as of any moment: each month as \`coverage\` gives it for that month, in one question. Customers' months are refused together (GROUP_TOO_SMALL) when any month has too few customers for the role, as \`coverage\` refuses one.`,
    args: {
      population: t.arg({ type: PopulationEnum, required: true, description: 'Employees, FCs or customers.' }),
      segment: t.arg(segmentArg),
      fromMonth: t.arg.string({ required: true, description: 'The first month, YYYY-MM.' }),
      toMonth: t.arg.string({ required: true, description: 'The last month, YYYY-MM (included).' }),
      channel: t.arg({ type: ChannelEnum, required: false, description: 'Only touches through this channel.' }),
      leaderId: t.arg.id({ required: false, description: 'Only touches by this leader.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, args, ctx) => {
      const months = await coverageByMonth(
        ctx.view,
        args.population,
        segmentOf(args.segment),
        { fromMonth: args.fromMonth, toMonth: args.toMonth },
        { channel: args.channel ?? null, leaderId: idOrNull(args.leaderId) },
        momentOf(args),
      );
      if (args.population === 'CUSTOMER') {
        const guard = customerAggregateGuard(ctx.principal.role);
        for (const m of months) guard.assertLargeEnough(m.population, m.reached);
      }
      return months;
    },
  }),
}));
