import { ANSWER_MODES, idSchema, instantSchema, localDateSchema, nonEmptyText, raiseQuestionInputFields } from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

const optionalId = idSchema.optional();

export const scheduleCafeSessionInput = z.object({
  sessionId: optionalId,
  scheduledAt: instantSchema,
  venue: nonEmptyText(200),
  hostIds: z
    .array(idSchema)
    .min(1, 'needs at least one host')
    .max(5)
    .refine((ids) => new Set(ids).size === ids.length, 'hosts must differ'),
  capacity: z.number().int().min(1).max(100).default(10),
});

export const inviteEmployeeInput = z.object({ sessionId: idSchema, employeeId: idSchema });
export const recordAttendanceInput = inviteEmployeeInput;

export const raiseQuestionInput = z.object({ sessionId: idSchema, ...raiseQuestionInputFields });

export const answerQuestionInput = z.object({
  sessionId: idSchema,
  questionId: idSchema,
  answeredBy: idSchema,
  mode: z.enum(ANSWER_MODES),
  answer: nonEmptyText(4000),
  answeredAt: instantSchema.optional(),
});

export const assignFollowUpInput = z.object({
  sessionId: idSchema,
  followUpId: optionalId,
  questionId: idSchema.nullish(),
  description: nonEmptyText(1000),
  ownerId: idSchema,
  dueOn: localDateSchema,
});

export const completeFollowUpInput = z.object({
  sessionId: idSchema,
  followUpId: idSchema,
  completedOn: localDateSchema,
  note: nonEmptyText(1000).nullish(),
});

export const cancelCafeSessionInput = z.object({ sessionId: idSchema, reason: nonEmptyText(500) });

/** An employee named in a bulk record, with when it happened (defaults: see recordCafeSession). */
const personAt = z.object({ employeeId: idSchema, occurredAt: instantSchema.optional() });

/**
 * A whole café session in one call (bulk, for API clients and the history import): the session,
 * its invitations and attendance, and optionally its questions with their answers.
 */
export const recordCafeSessionInput = scheduleCafeSessionInput.extend({
  invitations: z.array(personAt).max(100).default([]),
  attendance: z.array(personAt).max(100).default([]),
  questions: z
    .array(
      z.object({
        ...raiseQuestionInputFields,
        answer: z
          .object({
            answeredBy: idSchema,
            mode: z.enum(ANSWER_MODES).default('LIVE'),
            answer: nonEmptyText(4000),
            answeredAt: instantSchema.optional(),
          })
          .nullish(),
      }),
    )
    .max(50)
    .default([]),
});
export type RecordCafeSessionInput = z.input<typeof recordCafeSessionInput>;
