import { coverage, type AsOfRow, type Coverage } from '@hub/read-model';
import { ACCESS, customerAggregateGuard } from '../access';
import { builder } from '../builder';
import { idOrNull, periodArg, periodOf, segmentArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf, rowMoment } from './asOf';
import { ChannelFigureRef } from './channelFigure';
import { ChannelEnum, PopulationEnum } from './enums';
import { LeaderFigureRef } from './leaderFigure';
import { segmentOf } from './segmentInput';

const CoverageRef = builder.objectRef<Coverage & AsOfRow>('Coverage');
CoverageRef.implement({
  description: 'Who was reached in a segment over a period: reach, frequency, recency, by channel and by leader.',
  fields: (t) => ({
    population: t.exposeInt('population', { description: 'People in the segment during the period.' }),
    reached: t.exposeInt('reached', { description: 'Distinct people touched in the period.' }),
    reachRate: t.exposeFloat('reachRate', { description: 'reached / population (0 to 1).' }),
    touches: t.exposeInt('touches', { description: 'Touches in the period.' }),
    frequency: t.exposeFloat('frequency', { description: 'Touches per reached person.' }),
    averageDaysSinceLastTouch: t.exposeFloat('averageDaysSinceLastTouch', {
      nullable: true,
      description: 'Recency: mean days from each reached person’s last touch to the end of the period.',
    }),
    byChannel: t.field({ type: [ChannelFigureRef], description: 'Broken down by channel.', resolve: (c) => c.byChannel }),
    byLeader: t.field({
      type: [LeaderFigureRef],
      description: 'Broken down by leader, most reach first.',
      resolve: (c) => c.byLeader.map((l) => ({ ...l, asOf: c.asOf })),
    }),
  }),
});

builder.queryFields((t) => ({
  coverage: t.field({
    authScopes: ACCESS.read,
    type: CoverageRef,
    description:
      'The one view in one question: reach, frequency and recency of a segment over a period, optionally through one channel or by one leader, as of any moment.',
    args: {
      population: t.arg({ type: PopulationEnum, required: true, description: 'Employees, FCs or customers.' }),
      segment: t.arg(segmentArg),
      period: t.arg(periodArg('The period to measure.')),
      channel: t.arg({ type: ChannelEnum, required: false, description: 'Only touches through this channel.' }),
      leaderId: t.arg.id({ required: false, description: 'Only touches by this leader.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, args, ctx) => {
      const { from, to } = periodOf(args.period);
      const result = await coverage(
        ctx.view,
        args.population,
        segmentOf(args.segment),
        { from, to },
        { channel: args.channel ?? null, leaderId: idOrNull(args.leaderId) },
        momentOf(args),
      );
      if (args.population !== 'CUSTOMER') return { ...result, asOf: rowMoment(args) };
      const guard = customerAggregateGuard(ctx.principal.role);
      guard.assertLargeEnough(result.population, result.reached);
      const byChannel = guard.keepLargeGroups(result.byChannel, (g) => g.reached);
      const byLeader = guard.keepLargeGroups(result.byLeader, (g) => g.reached);
      return { ...result, byChannel, byLeader, asOf: rowMoment(args) };
    },
  }),
}));
