import { instantSchema, parseOrThrow, validationError } from '@hub/events';
import {
  decodeCursor,
  encodeCursor,
  GATHERING_CHANNELS,
  OPEN_QUESTIONS_PAGE_MAX,
  openQuestions,
  type GatheringChannel,
  type OpenQuestionKey,
  type OpenQuestionRow,
} from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { toConnection } from './connection';
import { GatheringChannelEnum } from './gathering';
import { raisedQuestionFields } from './question';

const OpenQuestionRef = builder.objectRef<OpenQuestionRow>('OpenQuestion');
OpenQuestionRef.implement({
  description: 'A question raised at a café session or a town hall and not answered yet, with how long it has waited.',
  fields: (t) => ({
    ...raisedQuestionFields(t),
    ageDays: t.exposeInt('ageDays', { description: 'Whole days waiting, from when it was raised to `at`.' }),
  }),
});

const cursorOf = (q: OpenQuestionRow) => encodeCursor(['openQuestion', q.raisedAt, q.gathering.channel, q.gathering.id, q.questionId]);

/** Where the page before ended; a cursor this list did not hand out is refused. */
const afterKey = (after: string | null | undefined): OpenQuestionKey | null => {
  if (after == null) return null;
  const c = decodeCursor(after);
  const ok =
    c?.length === 5 &&
    c[0] === 'openQuestion' &&
    instantSchema.safeParse(c[1]).success &&
    (GATHERING_CHANNELS as readonly string[]).includes(c[2]!) &&
    !!c[3] &&
    !!c[4];
  if (!ok) throw validationError(`after: invalid cursor "${after}"`);
  return { raisedAt: c[1]!, channel: c[2] as GatheringChannel, gatheringId: c[3]!, questionId: c[4]! };
};

builder.queryFields((t) => ({
  openQuestions: t.connection(
    {
      authScopes: ACCESS.read,
      type: OpenQuestionRef,
      description: `Questions raised at café sessions and town halls and not answered at a moment, oldest first, optionally of one kind of gathering. Forward pagination (first/after; at most ${OPEN_QUESTIONS_PAGE_MAX} a page).`,
      args: {
        at: t.arg({ type: 'DateTime', required: false, description: 'The moment; default now.' }),
        channel: t.arg({ type: GatheringChannelEnum, required: false, description: 'Only café sessions or only town halls.' }),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        if (args.last != null || args.before != null) throw validationError('openQuestions pages forward only: use first/after');
        const first = args.first ?? 20;
        if (first < 0 || first > OPEN_QUESTIONS_PAGE_MAX) throw validationError(`first must be between 0 and ${OPEN_QUESTIONS_PAGE_MAX}`);
        const at = args.at ? parseOrThrow(instantSchema, args.at, 'at') : new Date().toISOString();
        const page = await openQuestions(
          ctx.view,
          at,
          { channel: args.channel ?? null },
          { first, after: afterKey(args.after) },
          momentOf(args),
        );
        return toConnection(
          {
            nodes: page.rows.map((node) => ({ node, cursor: cursorOf(node) })),
            hasNextPage: page.hasNextPage,
            totalCount: page.totalCount,
          },
          args.after ?? null,
        );
      },
    },
    { name: 'OpenQuestionConnection', description: 'A page of open questions.' },
    { name: 'OpenQuestionEdge', description: 'An open question in a page, with its cursor.' },
  ),
}));
