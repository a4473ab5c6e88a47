import { instantSchema, parseOrThrow, validationError } from '@hub/events';
import { decodeCursor, encodeCursor, gaps, type AsOfRow, type GapKey, type GapRow, type PopulationKind } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull, segmentArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf, rowMoment } from './asOf';
import { ChannelEnum, PopulationEnum } from './enums';
import { GapPersonRef } from './gapPerson';
import { segmentOf } from './segmentInput';

const GapsRef = builder.objectRef<{
  total: number;
  rows: (GapRow & { key: GapKey; kind: PopulationKind; asOf: AsOfRow['asOf'] })[];
  hasMore: boolean;
}>('Gaps');
GapsRef.implement({
  description: 'Who was left out: one page of them, in a stable order (never reached first, then the longest unreached, then by id).',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'How many people are in the gap, over all pages.' }),
    people: t.field({
      type: [GapPersonRef],
      description: 'This page of them: never reached first, then the longest unreached.',
      resolve: (g) => g.rows,
    }),
    hasNextPage: t.boolean({ description: 'More people follow: ask again with `after: endCursor`.', resolve: (g) => g.hasMore }),
    endCursor: t.string({
      nullable: true,
      description:
        'Pass as `after` for the next page (with the same other arguments): the list goes on after this page’s last person, so someone reached or hired meanwhile moves no one else across pages; null for an empty page.',
      resolve: (g) => {
        const key = g.rows[g.rows.length - 1]?.key;
        return key ? encodeCursor(['gaps', key.last ?? '', key.personId]) : null;
      },
    }),
  }),
});

/** Largest page of `gaps`; `after` pages on, up to the whole list. */
export const GAPS_PAGE_MAX = 500;

/** Where a `gaps` cursor says the last page ended (null without one); a cursor it did not hand out is refused. */
const gapsAfter = (after: string | null | undefined): GapKey | null => {
  if (after == null) return null;
  const cursor = decodeCursor(after);
  // The last touch as the view wrote it (a timestamptz's text) or empty for never reached, then an id.
  const ok =
    cursor?.length === 3 &&
    cursor[0] === 'gaps' &&
    (cursor[1] === '' || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(cursor[1]!)) &&
    cursor[2]!.length > 0 &&
    cursor[2]!.length <= 200;
  if (!ok) throw validationError(`after: invalid cursor "${after}"`);
  return { last: cursor[1] === '' ? null : cursor[1]!, personId: cursor[2]! };
};

builder.queryFields((t) => ({
  gaps: t.field({
    // Customers left out are listed one by one: only for roles that see customers.
    authScopes: (_, args) => (args.population === 'CUSTOMER' ? ACCESS.customerLevel : ACCESS.read),
    type: GapsRef,
    description: 'Who was left out: people of a segment not reached within `days` days before `at` (never reached first).',
    args: {
      population: t.arg({ type: PopulationEnum, required: true, description: 'Employees, FCs or customers.' }),
      segment: t.arg(segmentArg),
      at: t.arg({ type: 'DateTime', required: true, description: 'The moment to look back from.' }),
      days: t.arg.int({ required: true, description: 'The window, in days (1 or more).' }),
      channel: t.arg({ type: ChannelEnum, required: false, description: 'Only touches through this channel count.' }),
      leaderId: t.arg.id({ required: false, description: 'Only touches by this leader count.' }),
      first: t.arg.int({ required: false, description: `How many people to list in this page (default 50, at most ${GAPS_PAGE_MAX}).` }),
      after: t.arg.string({ required: false, description: 'The endCursor of the page before: the people after it.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 0 || first > GAPS_PAGE_MAX) throw validationError(`first must be between 0 and ${GAPS_PAGE_MAX}`);
      const after = gapsAfter(args.after);
      const at = parseOrThrow(instantSchema, args.at, 'at');
      const result = await gaps(
        ctx.view,
        args.population,
        segmentOf(args.segment),
        at,
        args.days,
        { channel: args.channel ?? null, leaderId: idOrNull(args.leaderId) },
        first,
        momentOf(args),
        after,
      );
      return {
        total: result.total,
        hasMore: result.hasMore,
        rows: result.rows.map((r) => ({ ...r, kind: args.population, asOf: rowMoment(args) })),
      };
    },
  }),
}));
