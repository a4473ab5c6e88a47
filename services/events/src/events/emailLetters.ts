import { z } from 'zod';
import { idSchema, nonEmptyText } from '../primitives';
import { VIEWER_KINDS } from './videoMessages';

/*
 * E-mail letters: the CEO writes to staff (what Staffbase and Poppulo measure: sent, delivered,
 * opened). Streams: `emailLetter-<id>` (the letter and who it went to), `emailOpen-<letterId>/<kind>/<reader>`
 * (one reader's open of one letter, so a letter to the whole company never piles up in one stream).
 * One-word categories, so no letter id can name another stream (see events.unit.spec.ts).
 */
export const emailLetterStream = (letterId: string) => `emailLetter-${letterId}`;
export const emailLetterOpenStream = (letterId: string, readerKind: string, readerId: string) =>
  `emailOpen-${letterId}/${readerKind}/${readerId}`;

/** Who a letter reached: an employee or an FC (the same kinds as a video's viewers). */
export const emailRecipientSchema = z.object({
  readerKind: z.enum(VIEWER_KINDS),
  readerId: idSchema,
  /** False when the mail bounced: sent, but never delivered. */
  delivered: z.boolean(),
});

export const emailLetterSentSchema = z.object({
  type: z.literal('EmailLetterSent'),
  data: z.object({
    letterId: idSchema,
    authorId: idSchema,
    subject: nonEmptyText(200),
    /** Who it is for: employees, FCs, or both. */
    audience: z.array(z.enum(VIEWER_KINDS)).min(1),
    /** Narrows the employees to these org units and the units under them; empty: every employee. */
    orgUnitIds: z.array(idSchema),
    /** Narrows the FCs to these branches; empty: every FC. */
    branchIds: z.array(idSchema),
    recipients: z.array(emailRecipientSchema).min(1),
    sentAt: z.iso.datetime({ offset: true }),
  }),
});

/** A reader opened the letter: a broadcast touch of the reader by the author. Recorded once per reader. */
export const emailLetterOpenedSchema = z.object({
  type: z.literal('EmailLetterOpened'),
  data: z.object({
    letterId: idSchema,
    readerKind: z.enum(VIEWER_KINDS),
    readerId: idSchema,
    openedAt: z.iso.datetime({ offset: true }),
  }),
});

export const emailLetterEventSchemas = [emailLetterSentSchema, emailLetterOpenedSchema] as const;
export type EmailLetterEvent = z.infer<(typeof emailLetterEventSchemas)[number]>;
