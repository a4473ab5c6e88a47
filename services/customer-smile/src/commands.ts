import { followUpKindSchema, idSchema, instantSchema, localDateSchema, nonEmptyText } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

export const registerCustomerInput = z
  .object({
    customerId: idSchema.optional().describe('Optional id; generated when omitted.'),
    branchId: idSchema.describe('The branch that serves them.'),
    registeredOn: localDateSchema.describe('When they became a customer.'),
    name: nonEmptyText(100).describe('Name (personal data).'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, 'must be a phone number of 7 to 20 digits, spaces, dashes or brackets')
      .describe('Phone number (personal data).'),
    address: nonEmptyText(300).describe('Address (personal data).'),
  })
  .describe('A new customer. Name, phone and address go to the protected store, never into events.');

export const eraseCustomerInput = z
  .object({ customerId: idSchema.describe('The customer.'), erasedOn: localDateSchema.describe('The day of erasure.') })
  .describe('A customer’s request to erase their personal data (PIPA).');

export const signContractInput = z
  .object({
    contractId: idSchema.optional().describe('Optional id; generated when omitted.'),
    customerId: idSchema.describe('The customer.'),
    fcId: idSchema.describe('The FC who sold it.'),
    product: nonEmptyText(200).describe('Product.'),
    signedOn: localDateSchema.describe('Signing day.'),
  })
  .describe('A signed contract; it makes three follow-ups due.');

export const recordCustomerVisitInput = z
  .object({
    visitId: idSchema.optional().describe('Optional id; generated when omitted.'),
    contractId: idSchema.describe('The contract.'),
    fcId: idSchema.describe('The FC who went.'),
    leaderIds: z.array(idSchema).max(10).default([]).describe('Leaders who went along.'),
    visitedAt: instantSchema.describe('When.'),
    topics: z.array(nonEmptyText(200)).min(1, 'name at least one topic covered').max(20).describe('What was covered.'),
    feedback: z
      .object({
        rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullish().describe('1 to 5.'),
        comment: nonEmptyText(2000).nullish().describe('Comment.'),
      })
      .describe('What the customer said.')
      .nullish()
      .describe('The customer’s feedback.'),
    /** Omitted: the matching follow-up; null: an extra visit that satisfies none. */
    satisfies: followUpKindSchema
      .nullish()
      .describe('The follow-up it satisfies; omitted: the matching one; null: an extra visit that satisfies none.'),
  })
  .describe('An FC’s visit to a customer about a contract, maybe with leaders.');

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
