import { followUpKindSchema, idSchema, instantSchema, localDateSchema, nonEmptyText } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

export const registerCustomerInput = z.object({
  customerId: idSchema.optional(),
  branchId: idSchema,
  registeredOn: localDateSchema,
  name: nonEmptyText(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, 'must be a phone number of 7 to 20 digits, spaces, dashes or brackets'),
  address: nonEmptyText(300),
});

export const eraseCustomerInput = z.object({ customerId: idSchema, erasedOn: localDateSchema });

export const signContractInput = z.object({
  contractId: idSchema.optional(),
  customerId: idSchema,
  fcId: idSchema,
  product: nonEmptyText(200),
  signedOn: localDateSchema,
});

export const recordCustomerVisitInput = z.object({
  visitId: idSchema.optional(),
  contractId: idSchema,
  fcId: idSchema,
  leaderIds: z.array(idSchema).max(10).default([]),
  visitedAt: instantSchema,
  topics: z.array(nonEmptyText(200)).min(1, 'name at least one topic covered').max(20),
  feedback: z
    .object({ rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullish(), comment: nonEmptyText(2000).nullish() })
    .nullish(),
  /** Omitted: the matching follow-up; null: an extra visit that satisfies none. */
  satisfies: followUpKindSchema.nullish(),
});

/** A step's own command id: makes each record of a bulk call idempotent on its own. */
const stepId = z.string().min(1).max(200).optional();

/**
 * A contract's history in one call (history import, API clients): its signing (unless already in
 * the store) and its visits, each with an optional `stepId` so a re-run records only what is new.
 */
export const recordContractHistoryInput = z.object({
  contractId: idSchema,
  contract: signContractInput.omit({ contractId: true }).extend({ stepId }).nullish(),
  visits: z
    .array(recordCustomerVisitInput.omit({ contractId: true }).extend({ visitId: idSchema, stepId }))
    .max(100)
    .default([]),
});
