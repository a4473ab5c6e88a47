import { notFound, validationError } from '@hub/events';
import { questionsOfGatherings, READ_BACK, type GatheringChannel, type QuestionRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { QuestionRef } from './question';

/*
 * New questions while a café session or town hall runs, for the console's session page: the same
 * roles as reading the gathering's questions, each question sent once the view has it (gateway/src/live.ts).
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

/** The questions of one gathering as the view gains them; NOT_FOUND when the gathering is unknown. */
const followQuestions = async (
  ctx: HubContext,
  gathering: { channel: GatheringChannel; id: string; exists: Promise<unknown>; what: string },
  known: readonly (string | number)[] | null | undefined,
) => {
  const ids = knownOf(known);
  if (!(await gathering.exists)) throw notFound(`No ${gathering.what} ${gathering.id}`);
  return ctx.live.follow<QuestionRow>({
    client: ctx.liveClient,
    load: async () => (await questionsOfGatherings(ctx.view, gathering.channel, [gathering.id], READ_BACK))[0] ?? [],
    idOf: (q) => q.questionId,
    known: ids,
  });
};

const limits = 'Refused with LIVE_LIMIT beyond 5 open subscriptions per token (or client) or 200 in all';

builder.subscriptionFields((t) => ({
  cafeSessionQuestionRaised: t.field({
    authScopes: ACCESS.read,
    type: QuestionRef,
    description: `Each question raised in this café session from now on (and, with \`known\`, those already there but not in it), once the view has it (over SSE). ${limits}; NOT_FOUND for an unknown session.`,
    args: {
      sessionId: t.arg.id({ required: true, description: 'The café session.' }),
      known: t.arg.idList({ required: false, description: KNOWN }),
    },
    subscribe: (_, { sessionId, known }, ctx) => {
      const id = String(sessionId);
      const exists = ctx.loadersAt(READ_BACK).cafeSession.load(id);
      return followQuestions(ctx, { channel: 'CAFE_SESSION', id, exists, what: 'café session' }, known);
    },
    resolve: (question) => question,
  }),
  townHallQuestionRaised: t.field({
    authScopes: ACCESS.read,
    type: QuestionRef,
    description: `Each question raised at this town hall from now on (and, with \`known\`, those already there but not in it), once the view has it (over SSE). ${limits}; NOT_FOUND for an unknown town hall.`,
    args: {
      townHallId: t.arg.id({ required: true, description: 'The town hall.' }),
      known: t.arg.idList({ required: false, description: KNOWN }),
    },
    subscribe: (_, { townHallId, known }, ctx) => {
      const id = String(townHallId);
      const exists = ctx.loadersAt(READ_BACK).townHall.load(id);
      return followQuestions(ctx, { channel: 'TOWN_HALL', id, exists, what: 'town hall' }, known);
    },
    resolve: (question) => question,
  }),
}));
