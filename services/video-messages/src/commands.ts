import { idSchema, instantSchema, nonEmptyText, VIEWER_KINDS } from '@hub/events';
import { z } from 'zod';

/**
 * What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. The
 * gateway derives its GraphQL input types from these schemas, descriptions included.
 */

export const publishVideoInput = z
  .object({
    videoId: idSchema.optional().describe('Optional id; generated when omitted.'),
    authorId: idSchema.describe('The leader who recorded it.'),
    title: nonEmptyText(200).describe('Title.'),
    durationSeconds: z
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(6 * 3600)
      .describe('Length in seconds.'),
    audience: z
      .array(z.enum(VIEWER_KINDS))
      .min(1, 'needs employees, FCs or both')
      .refine((a) => new Set(a).size === a.length, 'names each audience once')
      .describe('Employees, FCs, or both.'),
    publishedAt: instantSchema.describe('When.'),
  })
  .describe('A video message to publish.');

export const recordViewInput = z
  .object({
    videoId: idSchema.describe('The video.'),
    viewId: idSchema.optional().describe('Optional id; generated when omitted.'),
    viewerKind: z.enum(VIEWER_KINDS).describe('An employee or an FC.'),
    viewerId: idSchema.describe('Who watched.'),
    secondsWatched: z.number().int().min(0, 'cannot be negative').describe('How many seconds.'),
    viewedAt: instantSchema.describe('When.'),
  })
  .describe('Someone watching a video message.');
