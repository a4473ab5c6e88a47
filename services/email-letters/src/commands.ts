import { idSchema, instantSchema, nonEmptyText, VIEWER_KINDS } from '@hub/events';
import { z } from 'zod';

/**
 * What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. The
 * gateway derives its GraphQL input types from these schemas, descriptions included.
 */

const namesEachOnce = <T>(a: T[]) => new Set(a).size === a.length;

export const sendEmailLetterInput = z
  .object({
    letterId: idSchema.optional().describe('Optional id; generated when omitted.'),
    authorId: idSchema.describe('The leader who wrote it.'),
    subject: nonEmptyText(200).describe('Subject line.'),
    audience: z
      .array(z.enum(VIEWER_KINDS))
      .min(1, 'needs employees, FCs or both')
      .refine(namesEachOnce, 'names each audience once')
      .describe('Employees, FCs, or both.'),
    orgUnitIds: z
      .array(idSchema)
      .max(100)
      .refine(namesEachOnce, 'names each org unit once')
      .default([])
      .describe('Only employees in these org units (or units under them).'),
    branchIds: z
      .array(idSchema)
      .max(500)
      .refine(namesEachOnce, 'names each branch once')
      .default([])
      .describe('Only FCs of these branches.'),
    recipients: z
      .array(
        z
          .object({
            readerKind: z.enum(VIEWER_KINDS).describe('An employee or an FC.'),
            readerId: idSchema.describe('Their employee or FC id.'),
            delivered: z.boolean().default(true).describe('False when the mail bounced; default true.'),
          })
          .describe('Someone an e-mail letter was sent to.'),
      )
      .min(1, 'needs at least one recipient')
      .max(20_000)
      .describe('Everyone it was sent to.'),
    sentAt: instantSchema.describe('When it was sent (not in the future).'),
  })
  .describe('An e-mail letter a leader sent to staff.');

export const recordEmailLetterOpenInput = z
  .object({
    letterId: idSchema.describe('The letter.'),
    readerKind: z.enum(VIEWER_KINDS).describe('An employee or an FC.'),
    readerId: idSchema.describe('Who opened it.'),
    openedAt: instantSchema.describe('When.'),
  })
  .describe('A recipient opening an e-mail letter; a second open of the same reader counts once.');
