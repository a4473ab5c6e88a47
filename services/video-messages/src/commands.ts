import { idSchema, instantSchema, nonEmptyText, VIEWER_KINDS } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

export const publishVideoInput = z.object({
  videoId: idSchema.optional(),
  authorId: idSchema,
  title: nonEmptyText(200),
  durationSeconds: z
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(6 * 3600),
  audience: z
    .array(z.enum(VIEWER_KINDS))
    .min(1, 'needs employees, FCs or both')
    .refine((a) => new Set(a).size === a.length, 'names each audience once'),
  publishedAt: instantSchema,
});

export const recordViewInput = z.object({
  videoId: idSchema,
  viewId: idSchema.optional(),
  viewerKind: z.enum(VIEWER_KINDS),
  viewerId: idSchema,
  secondsWatched: z.number().int().min(0, 'cannot be negative'),
  viewedAt: instantSchema,
});
