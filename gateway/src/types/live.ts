import { notFound, validationError } from '@hub/events';
import { questionsBySessionIds, READ_BACK, townHallQuestionsByIds, type CafeQuestionRow, type TownHallQuestionRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { CafeQuestionRef } from './cafeSession';
import { TownHallQuestionRef } from './townHall';

/*
 * New questions while a café session or town hall runs, for the console's session page: the same
 * roles as reading the session's questions, each question sent once the view has it (gateway/src/live.ts).
 */
const KNOWN =
  'Ids of the questions you already have (from the query that loaded the page): every other question already there is sent first, so one raised between that query and this subscription is not lost. Without it, only questions raised from now on.';
const MAX_KNOWN = 1_000;

/** The ids the subscriber already has, checked: a list no page could hold is refused, not held in memory. */
const knownOf = (known: readonly (string | number)[] | null | undefined) => {
  if (!known) return undefined;
  if (known.length > MAX_KNOWN) throw validationError(`known: at most ${MAX_KNOWN} question ids`);
  return known.map(String);
};

builder.subscriptionFields((t) => ({
  cafeSessionQuestionRaised: t.field({
    authScopes: ACCESS.read,
    type: CafeQuestionRef,
    description:
      'Each question raised in this café session from now on (and, with `known`, those already there but not in it), once the view has it (over SSE). Refused with LIVE_LIMIT beyond 5 open subscriptions per token (or client) or 200 in all; NOT_FOUND for an unknown session.',
    args: {
      sessionId: t.arg.id({ required: true, description: 'The café session.' }),
      known: t.arg.idList({ required: false, description: KNOWN }),
    },
    subscribe: async (_, { sessionId, known }, ctx) => {
      const id = String(sessionId);
      if (!(await ctx.loadersAt(READ_BACK).cafeSession.load(id))) throw notFound(`No café session ${id}`);
      return ctx.live.follow<CafeQuestionRow>({
        client: ctx.liveClient,
        load: async () => (await questionsBySessionIds(ctx.view, [id], READ_BACK))[0] ?? [],
        idOf: (q) => q.questionId,
        known: knownOf(known),
      });
    },
    resolve: (question) => question,
  }),
  townHallQuestionRaised: t.field({
    authScopes: ACCESS.read,
    type: TownHallQuestionRef,
    description:
      'Each question raised at this town hall from now on (and, with `known`, those already there but not in it), once the view has it (over SSE). Refused with LIVE_LIMIT beyond 5 open subscriptions per token (or client) or 200 in all; NOT_FOUND for an unknown town hall.',
    args: {
      townHallId: t.arg.id({ required: true, description: 'The town hall.' }),
      known: t.arg.idList({ required: false, description: KNOWN }),
    },
    subscribe: async (_, { townHallId, known }, ctx) => {
      const id = String(townHallId);
      if (!(await ctx.loadersAt(READ_BACK).townHall.load(id))) throw notFound(`No town hall ${id}`);
      return ctx.live.follow<TownHallQuestionRow>({
        client: ctx.liveClient,
        load: async () => (await townHallQuestionsByIds(ctx.view, [id], READ_BACK))[0] ?? [],
        idOf: (q) => q.questionId,
        known: knownOf(known),
      });
    },
    resolve: (question) => question,
  }),
}));
