import { idSchema, localDateSchema } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000, 'must be at most 10000');

export const reportWeeklyActivityInput = z
  .object({
    fcId: idSchema.describe('The FC.'),
    weekOf: localDateSchema.describe('The Monday the week starts on.'),
    customerVisits: count.describe('Customer visits that week.'),
    calls: count.describe('Calls that week.'),
    contracts: count.describe('Contracts signed that week.'),
    correction: z.boolean().default(false).describe('True to replace an earlier report of the same week.'),
  })
  .describe('One FC’s activity in one week (PRIDE program).');

/** Many weeks of one FC in one call (history import): one append; each week idempotent by its `stepId`. */
export const reportWeeksInput = z.object({
  fcId: idSchema,
  weeks: z
    .array(reportWeeklyActivityInput.omit({ fcId: true }).extend({ stepId: z.string().min(1).max(200).optional() }))
    .min(1)
    .max(1000),
});
