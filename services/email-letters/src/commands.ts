import { idSchema, instantSchema, nonEmptyText, VIEWER_KINDS } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

const namesEachOnce = <T>(a: T[]) => new Set(a).size === a.length;

export const sendEmailLetterInput = z.object({
  letterId: idSchema.optional(),
  authorId: idSchema,
  subject: nonEmptyText(200),
  audience: z.array(z.enum(VIEWER_KINDS)).min(1, 'needs employees, FCs or both').refine(namesEachOnce, 'names each audience once'),
  orgUnitIds: z.array(idSchema).max(100).refine(namesEachOnce, 'names each org unit once').default([]),
  branchIds: z.array(idSchema).max(500).refine(namesEachOnce, 'names each branch once').default([]),
  /** Everyone the mail went to; `delivered: false` for a bounce. */
  recipients: z
    .array(z.object({ readerKind: z.enum(VIEWER_KINDS), readerId: idSchema, delivered: z.boolean().default(true) }))
    .min(1, 'needs at least one recipient')
    .max(20_000),
  sentAt: instantSchema,
});

export const recordEmailLetterOpenInput = z.object({
  letterId: idSchema,
  readerKind: z.enum(VIEWER_KINDS),
  readerId: idSchema,
  openedAt: instantSchema,
});
