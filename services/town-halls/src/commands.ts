import {
  assignFollowUpInputFields,
  completeFollowUpInputFields,
  idSchema,
  instantSchema,
  nonEmptyText,
  raiseQuestionInputFields,
  TOWN_HALL_FORMATS,
} from '@hub/events';
import { z } from 'zod';

/** What callers may send; parsed at the service edge before any decision. */
const optionalId = idSchema.optional();

export const scheduleTownHallInput = z
  .object({
    townHallId: optionalId.describe('Optional id; generated when omitted.'),
    scheduledAt: instantSchema.describe('When.'),
    format: z.enum(TOWN_HALL_FORMATS).describe('Format.'),
    theme: nonEmptyText(200).describe('Theme.'),
    venue: nonEmptyText(200).describe('Venue.'),
    presenterIds: z
      .array(idSchema)
      .min(1, 'needs at least one presenter')
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'presenters must differ')
      .describe('Presenters (any grade).'),
  })
  .describe('A town hall to schedule.');
export const recordTownHallAttendanceInput = z
  .object({ townHallId: idSchema.describe('The town hall.'), employeeId: idSchema.describe('The employee.') })
  .describe('Someone who attended, by name.');
export const recordTownHallHeadCountInput = z
  .object({
    townHallId: idSchema.describe('The town hall.'),
    orgUnitId: idSchema.describe('The org unit.'),
    headCount: z.number().int('must be a whole number').min(0, 'cannot be negative').max(100_000).describe('How many (0 or more).'),
  })
  .describe('How many came from one org unit, where names were not taken. A new count replaces the last.');
export const raiseTownHallQuestionInput = z
  .object({ townHallId: idSchema.describe('The town hall.'), ...raiseQuestionInputFields })
  .describe('A question raised at a town hall.');
export const answerTownHallQuestionInput = z
  .object({
    townHallId: idSchema.describe('The town hall.'),
    questionId: idSchema.describe('The question.'),
    answeredBy: idSchema.describe('Who answers.'),
    answer: nonEmptyText(4000).describe('The answer.'),
    answeredAt: instantSchema.optional().describe('When; now when omitted.'),
  })
  .describe('An answer to a town-hall question.');
export const giveTownHallFeedbackInput = z
  .object({
    townHallId: idSchema.describe('The town hall.'),
    feedbackId: optionalId.describe('Optional id; generated when omitted.'),
    rating: z.number().int().min(1, 'is 1 to 5').max(5, 'is 1 to 5').describe('Rating, 1 to 5.'),
    comment: nonEmptyText(2000).nullish().describe('Comment.'),
    employeeId: idSchema.nullish().describe('Who gave it; omit for anonymous feedback.'),
  })
  .describe('Feedback on a town hall.');
export const assignTownHallFollowUpInput = z
  .object({ townHallId: idSchema.describe('The town hall.'), ...assignFollowUpInputFields })
  .describe('A follow-up action promised at a town hall, to assign.');
export const completeTownHallFollowUpInput = z
  .object({ townHallId: idSchema.describe('The town hall.'), ...completeFollowUpInputFields })
  .describe('A town-hall follow-up action done.');
export const cancelTownHallInput = z
  .object({ townHallId: idSchema.describe('The town hall.'), reason: nonEmptyText(500).describe('Why.') })
  .describe('A town hall to cancel (only before anyone attended).');

/**
 * A whole town hall in one call (bulk, for API clients and the history import): the town hall,
 * who came (per person) or how many came per org unit (head counts), and optionally its questions.
 */
export const recordTownHallInput = scheduleTownHallInput
  .extend({
    townHallId: optionalId.describe('Optional id; derived from the command id when omitted.'),
    scheduledAt: instantSchema.describe('When it takes (or took) place.'),
    attendance: z
      .array(
        z
          .object({
            employeeId: idSchema.describe('The employee.'),
            occurredAt: instantSchema.optional().describe("When; the town hall's time if omitted."),
          })
          .describe('Someone who came, with when (optional; the town hall time by default).'),
      )
      .max(100_000)
      .default([])
      .describe('Who came, by name.'),
    headCounts: z
      .array(
        z
          .object({
            orgUnitId: idSchema.describe('The org unit.'),
            headCount: recordTownHallHeadCountInput.shape.headCount.describe('How many came.'),
          })
          .describe('How many of one org unit came.'),
      )
      .max(1000)
      .default([])
      .describe('How many came, per org unit.'),
    questions: z
      .array(
        z
          .object({
            ...raiseQuestionInputFields,
            answer: z
              .object({
                answeredBy: idSchema.describe('Who answered.'),
                answer: nonEmptyText(4000).describe('The answer.'),
                answeredAt: instantSchema.optional().describe('When; when the question was raised if omitted.'),
              })
              .describe('The answer to a town-hall question recorded in bulk.')
              .nullish()
              .describe('Its answer, if answered.'),
          })
          .describe('A question raised at a town hall recorded in bulk, optionally with its answer.'),
      )
      .max(200)
      .default([])
      .describe('Questions raised, with their answers.'),
  })
  .describe('A whole town hall at once: the town hall, who came (by name or head counts per org unit), its questions.');
