import { notFound } from '@hub/events';
import { questionsOfGatherings, READ_BACK, type GatheringChannel, type QuestionRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { QuestionRef } from './question';

/*
 * New questions while a café session or town hall runs, for the console's session page: the same
 * roles as reading the gathering's questions, each question sent once the view has it (gateway/src/live.ts).
 */

/** The questions of one gathering as the view gains them; NOT_FOUND when the gathering is unknown. */
const followQuestions = async (ctx: HubContext, channel: GatheringChannel, id: string, exists: Promise<unknown>, what: string) => {
  if (!(await exists)) throw notFound(`No ${what} ${id}`);
  return ctx.live.follow<QuestionRow>({
    client: ctx.liveClient,
    load: async () => (await questionsOfGatherings(ctx.view, channel, [id], READ_BACK))[0] ?? [],
    idOf: (q) => q.questionId,
  });
};

const limits = 'Refused with LIVE_LIMIT beyond 5 open subscriptions per token (or client) or 200 in all';

builder.subscriptionFields((t) => ({
  cafeSessionQuestionRaised: t.field({
    authScopes: ACCESS.read,
    type: QuestionRef,
    description: `Each question raised in this café session from now on, once the view has it (over SSE). ${limits}; NOT_FOUND for an unknown session.`,
    args: { sessionId: t.arg.id({ required: true, description: 'The café session.' }) },
    subscribe: (_, { sessionId }, ctx) => {
      const id = String(sessionId);
      return followQuestions(ctx, 'CAFE_SESSION', id, ctx.loadersAt(READ_BACK).cafeSession.load(id), 'café session');
    },
    resolve: (question) => question,
  }),
  townHallQuestionRaised: t.field({
    authScopes: ACCESS.read,
    type: QuestionRef,
    description: `Each question raised at this town hall from now on, once the view has it (over SSE). ${limits}; NOT_FOUND for an unknown town hall.`,
    args: { townHallId: t.arg.id({ required: true, description: 'The town hall.' }) },
    subscribe: (_, { townHallId }, ctx) => {
      const id = String(townHallId);
      return followQuestions(ctx, 'TOWN_HALL', id, ctx.loadersAt(READ_BACK).townHall.load(id), 'town hall');
    },
    resolve: (question) => question,
  }),
}));
