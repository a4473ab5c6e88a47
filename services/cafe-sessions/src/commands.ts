import { ANSWER_MODES, idSchema, instantSchema, localDateSchema, nonEmptyText, raiseQuestionInputFields } from '@hub/contracts';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

const optionalId = idSchema.optional();

export const scheduleCafeSessionInput = z.object({
  sessionId: optionalId,
  scheduledAt: instantSchema,
  venue: nonEmptyText(200),
  hostIds: z.array(idSchema).min(1, 'needs at least one host').max(5).refine((ids) => new Set(ids).size === ids.length, 'hosts must differ'),
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
