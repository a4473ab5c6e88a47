import { idSchema, instantSchema, nonEmptyText, raiseQuestionInputFields, TOWN_HALL_FORMATS } from '@hub/events';
import { z } from 'zod';

/** What callers may send; parsed at the service edge before any decision. */
const optionalId = idSchema.optional();

export const scheduleTownHallInput = z.object({
  townHallId: optionalId,
  scheduledAt: instantSchema,
  format: z.enum(TOWN_HALL_FORMATS),
  theme: nonEmptyText(200),
  venue: nonEmptyText(200),
  presenterIds: z
    .array(idSchema)
    .min(1, 'needs at least one presenter')
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'presenters must differ'),
});
export const recordTownHallAttendanceInput = z.object({ townHallId: idSchema, employeeId: idSchema });
export const recordTownHallHeadCountInput = z.object({
  townHallId: idSchema,
  orgUnitId: idSchema,
  headCount: z.number().int('must be a whole number').min(0, 'cannot be negative').max(100_000),
});
export const raiseTownHallQuestionInput = z.object({ townHallId: idSchema, ...raiseQuestionInputFields });
export const answerTownHallQuestionInput = z.object({
  townHallId: idSchema,
  questionId: idSchema,
  answeredBy: idSchema,
  answer: nonEmptyText(4000),
  answeredAt: instantSchema.optional(),
});
export const giveTownHallFeedbackInput = z.object({
  townHallId: idSchema,
  feedbackId: optionalId,
  rating: z.number().int().min(1, 'is 1 to 5').max(5, 'is 1 to 5'),
  comment: nonEmptyText(2000).nullish(),
  employeeId: idSchema.nullish(),
});
export const cancelTownHallInput = z.object({ townHallId: idSchema, reason: nonEmptyText(500) });

/**
 * A whole town hall in one call (bulk, for API clients and the history import): the town hall,
 * who came (per person) or how many came per org unit (head counts), and optionally its questions.
 */
export const recordTownHallInput = scheduleTownHallInput.extend({
  attendance: z
    .array(z.object({ employeeId: idSchema, occurredAt: instantSchema.optional() }))
    .max(100_000)
    .default([]),
  headCounts: z
    .array(z.object({ orgUnitId: idSchema, headCount: recordTownHallHeadCountInput.shape.headCount }))
    .max(1000)
    .default([]),
  questions: z
    .array(
      z.object({
        ...raiseQuestionInputFields,
        answer: z.object({ answeredBy: idSchema, answer: nonEmptyText(4000), answeredAt: instantSchema.optional() }).nullish(),
      }),
    )
    .max(200)
    .default([]),
});
