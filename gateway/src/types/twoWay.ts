import { twoWay } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { periodArg, periodOf } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { ChannelQuestionsRef } from './channelQuestions';
import { LeaderAnswersRef } from './leaderAnswers';
import { QuestionFiguresRef } from './questionFigures';

const TwoWayRef = builder.objectRef<Awaited<ReturnType<typeof twoWay>>>('TwoWay');
TwoWayRef.implement({
  description: 'Were people heard? Questions raised in the period, answered rate and time to answer.',
  fields: (t) => ({
    questions: t.field({ type: QuestionFiguresRef, description: 'All channels together.', resolve: (w) => w.questions }),
    byChannel: t.field({ type: [ChannelQuestionsRef], description: 'Per channel.', resolve: (w) => w.byChannel }),
    byAnsweringLeader: t.field({ type: [LeaderAnswersRef], description: 'Per leader who answered.', resolve: (w) => w.byAnsweringLeader }),
  }),
});

builder.queryFields((t) => ({
  twoWay: t.field({
    authScopes: ACCESS.read,
    type: TwoWayRef,
    description: 'Two-way communication over a period: questions raised, answered rate, time to answer, per channel and per leader.',
    args: {
      period: t.arg(periodArg('When the questions were raised.')),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => {
      const { from, to } = periodOf(args.period);
      return twoWay(ctx.view, { from, to }, momentOf(args));
    },
  }),
}));
