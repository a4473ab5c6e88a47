import { z } from 'zod';
import { idSchema, localDateSchema, nonEmptyText } from '../primitives';

/*
 * Customer Smile (고객스마일): after a customer signs a contract with an FC, the FC visits them
 * three times — within 3 months, around the 1st and around the 2nd anniversary — sometimes with a
 * leader (the CEO went along to a customer in Banpo for the one-year check).
 *
 * Personal data never enters these events: a customer is an id here. Name, phone and address
 * live in the customer-smile service's private store, which can erase them (PIPA).
 * Streams: `customer-<id>`, `contract-<id>` (the contract, its follow-ups and the visits that
 * satisfy them, so a follow-up cannot be satisfied twice even by racing writers).
 */
export const customerStream = (customerId: string) => `customer-${customerId}`;
export const contractStream = (contractId: string) => `contract-${contractId}`;

export const FOLLOW_UP_KINDS = ['THREE_MONTHS', 'ONE_YEAR', 'TWO_YEARS'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const followUpKindSchema = z.enum(FOLLOW_UP_KINDS);

export const customerRegisteredSchema = z.object({
  type: z.literal('CustomerRegistered'),
  data: z.object({
    customerId: idSchema,
    /** The branch that serves the customer (their segment: branch and its region). */
    branchId: idSchema,
    registeredOn: localDateSchema,
  }),
});

/** The customer's personal data was erased on request; the events keep only the id. */
export const customerPersonalDataErasedSchema = z.object({
  type: z.literal('CustomerPersonalDataErased'),
  data: z.object({ customerId: idSchema, erasedOn: localDateSchema }),
});

export const followUpDueSchema = z.object({
  kind: followUpKindSchema,
  /** The window opens: a visit before it does not count for this follow-up. */
  opensOn: localDateSchema,
  /** The last day for an on-time visit; later visits are late, no visit by then is overdue. */
  dueOn: localDateSchema,
});
export type FollowUpDue = z.infer<typeof followUpDueSchema>;

export const contractSignedSchema = z.object({
  type: z.literal('ContractSigned'),
  data: z.object({
    contractId: idSchema,
    customerId: idSchema,
    fcId: idSchema,
    /** The FC's branch when signed. */
    branchId: idSchema,
    product: nonEmptyText(200),
    signedOn: localDateSchema,
    /** The three follow-ups the signature makes due, with their windows. */
    followUps: z.array(followUpDueSchema).length(3),
  }),
});

export const customerVisitedSchema = z.object({
  type: z.literal('CustomerVisited'),
  data: z.object({
    visitId: idSchema,
    contractId: idSchema,
    customerId: idSchema,
    fcId: idSchema,
    /** Leaders who went along; each is a leader's touch of the FC and of the customer. */
    leaderIds: z.array(idSchema),
    visitedAt: z.iso.datetime({ offset: true }),
    topics: z.array(nonEmptyText(200)).min(1),
    /** The customer's feedback: a 1–5 rating and/or a comment. */
    feedback: z.object({ rating: z.number().int().min(1).max(5).nullable(), comment: nonEmptyText(2000).nullable() }).nullable(),
    /** The follow-up this visit satisfies, or null for an extra visit. */
    satisfies: followUpKindSchema.nullable(),
  }),
});

export const customerSmileEventSchemas = [
  customerRegisteredSchema,
  customerPersonalDataErasedSchema,
  contractSignedSchema,
  customerVisitedSchema,
] as const;
export type CustomerSmileEvent = z.infer<(typeof customerSmileEventSchemas)[number]>;

export const FOLLOW_UP_STATUSES = ['ON_TIME', 'LATE', 'OVERDUE', 'OPEN', 'UPCOMING'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * A follow-up's standing on `day`: satisfied on time or late; or not satisfied (by then) and
 * overdue (due date passed), open (window open) or upcoming (window not open yet). The view's SQL
 * computes the same in aggregate (read-model queries/customerSmile.ts).
 */
export const followUpStatusOn = (
  followUp: Pick<FollowUpDue, 'opensOn' | 'dueOn'>,
  satisfiedOn: string | null,
  day: string,
): FollowUpStatus => {
  if (satisfiedOn !== null && satisfiedOn <= day) return satisfiedOn <= followUp.dueOn ? 'ON_TIME' : 'LATE';
  if (day > followUp.dueOn) return 'OVERDUE';
  return day >= followUp.opensOn ? 'OPEN' : 'UPCOMING';
};

/** Days past due on `day`: of the late visit, or so far for an overdue follow-up; 0 otherwise. */
export const followUpDaysLate = (followUp: Pick<FollowUpDue, 'dueOn'>, satisfiedOn: string | null, day: string): number => {
  const end = satisfiedOn !== null && satisfiedOn <= day ? satisfiedOn : day;
  return Math.max(0, Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${followUp.dueOn}T00:00:00Z`)) / 86_400_000));
};
