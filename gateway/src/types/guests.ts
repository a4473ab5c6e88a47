import { NEXT_GUESTS_MAX, nextCafeGuests, type NextCafeGuests } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { CafeSessionRef } from './cafeSession';

import { GuestSuggestionRef } from './guestSuggestion';
/*
 * Next café guests (README, "The console"): the suggestion the console's guests page shows, asked
 * of the gateway so HR can call it too. It lists employees and café reach, which every role reads
 * already through `gaps` and `cafeSessionReachByOrgUnit`: the same roles may ask it (ACCESS.read).
 */

const NextCafeGuestsRef = builder.objectRef<NextCafeGuests>('NextCafeGuests');
NextCafeGuestsRef.implement({
  description: 'Whom to invite to the next café session.',
  fields: (t) => ({
    session: t.field({
      type: CafeSessionRef,
      nullable: true,
      description: 'The session asked about, when one was named.',
      resolve: (n) => n.session,
    }),
    seats: t.exposeInt('seats', { description: 'How many guests were asked for: the session’s free seats (at most `count`), or `count`.' }),
    candidates: t.exposeInt('candidates', {
      description: 'Eligible employees never met at a café session and not yet invited to it: all of them, not only those listed.',
    }),
    guests: t.field({ type: [GuestSuggestionRef], description: 'The suggestion, best first.', resolve: (n) => n.guests }),
  }),
});

builder.queryFields((t) => ({
  nextCafeGuests: t.field({
    authScopes: ACCESS.read,
    type: NextCafeGuestsRef,
    description:
      'Next café guests: eligible employees (차장 or below) never met at a café session, those of the teams with the lowest café reach first, spread across divisions, each with its reason. For a scheduled session, as many as it has free seats (at most `count`) and none already invited; without one, `count` of them (default 10).',
    args: {
      sessionId: t.arg.id({
        required: false,
        description: 'A scheduled café session still to come: fill its free seats, leaving out those already invited.',
      }),
      count: t.arg.int({ required: false, description: `How many guests (1 to ${NEXT_GUESTS_MAX}); with a session, at most this many.` }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => nextCafeGuests(ctx.view, { sessionId: idOrNull(args.sessionId), count: args.count ?? null }, momentOf(args)),
  }),
}));
