import { z } from 'zod';
import { idSchema, localDateSchema } from '../primitives';

/*
 * The PRIDE program (Performance Revitalization & ING way Deployment): branches enrol from a date
 * (see the directory's BranchEnrolledInPride) and FCs report their activity every week. Activity is
 * reported by FCs of every branch, so PRIDE and non-PRIDE branches can be compared side by side.
 * Stream: `fcActivity-<fcId>` (one FC's weekly reports; a week reported again is a correction).
 */
export const fcActivityStream = (fcId: string) => `fcActivity-${fcId}`;

const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000, 'must be at most 10000');

export const fcWeeklyActivityReportedSchema = z.object({
  type: z.literal('FcWeeklyActivityReported'),
  data: z.object({
    fcId: idSchema,
    /** The FC's branch that week. */
    branchId: idSchema,
    /** The Monday the week starts on. */
    weekOf: localDateSchema,
    customerVisits: count,
    calls: count,
    contracts: count,
    /** True when this replaces an earlier report for the same week. */
    correction: z.boolean(),
  }),
});

export const prideEventSchemas = [fcWeeklyActivityReportedSchema] as const;
export type PrideEvent = z.infer<(typeof prideEventSchemas)[number]>;
