import {
  ANSWER_MODES,
  assignFollowUpInputFields,
  completeFollowUpInputFields,
  idSchema,
  instantSchema,
  nonEmptyText,
  raiseQuestionInputFields,
} from '@hub/events';
import { z } from 'zod';

/** What callers (GraphQL, HTTP, seeds) may send; parsed at the service edge before any decision. */

const optionalId = idSchema.optional();

export const scheduleCafeSessionInput = z
  .object({
    sessionId: optionalId.describe('Optional id; one is generated when omitted.'),
    scheduledAt: instantSchema.describe('When.'),
    venue: nonEmptyText(200).describe('Which café.'),
    hostIds: z
      .array(idSchema)
      .min(1, 'needs at least one host')
      .max(5)
      .refine((ids) => new Set(ids).size === ids.length, 'hosts must differ')
      .describe('Hosting leaders (usually the CEO).'),
    capacity: z.number().int().min(1).max(100).default(10).describe('Seats; 10 when omitted.'),
  })
  .describe('A café session to schedule.');

export const inviteEmployeeInput = z
  .object({ sessionId: idSchema.describe('The café session.'), employeeId: idSchema.describe('The employee.') })
  .describe('Who to invite to which session. Only grade 차장 or below may be invited.');
export const recordAttendanceInput = inviteEmployeeInput;

export const raiseQuestionInput = z
  .object({ sessionId: idSchema.describe('The café session.'), ...raiseQuestionInputFields })
  .describe('A question raised in a session.');

export const answerQuestionInput = z
  .object({
    sessionId: idSchema.describe('The café session.'),
    questionId: idSchema.describe('The question.'),
    answeredBy: idSchema.describe('Who answers.'),
    mode: z.enum(ANSWER_MODES).describe('Live or followed up.'),
    answer: nonEmptyText(4000).describe('The answer.'),
    answeredAt: instantSchema.optional().describe('When; now when omitted.'),
  })
  .describe('An answer to a question.');

export const assignFollowUpInput = z
  .object({ sessionId: idSchema.describe('The café session.'), ...assignFollowUpInputFields })
  .describe('A follow-up action to assign.');

export const completeFollowUpInput = z
  .object({ sessionId: idSchema.describe('The café session.'), ...completeFollowUpInputFields })
  .describe('A follow-up action done.');

export const cancelCafeSessionInput = z
  .object({ sessionId: idSchema.describe('The café session.'), reason: nonEmptyText(500).describe('Why.') })
  .describe('A session to cancel (only before anyone attended).');

/** An employee named in a bulk record, with when it happened (defaults: see recordCafeSession). */
const personAt = z
  .object({
    employeeId: idSchema.describe('The employee.'),
    occurredAt: instantSchema.optional().describe('When; see the bulk mutation for the default.'),
  })
  .describe('An employee in a bulk record, with when it happened (optional).');

/**
 * A whole café session in one call (bulk, for API clients and the history import): the session,
 * its invitations and attendance, and optionally its questions with their answers.
 */
export const recordCafeSessionInput = scheduleCafeSessionInput
  .extend({
    sessionId: optionalId.describe('Optional id; derived from the command id when omitted.'),
    scheduledAt: instantSchema.describe('When it takes (or took) place.'),
    invitations: z.array(personAt).max(100).default([]).describe('Who was invited; at the scheduling time unless given.'),
    attendance: z
      .array(personAt)
      .max(100)
      .default([])
      .describe("Who came; at the session's time unless given. Someone not invited is a walk-in."),
    questions: z
      .array(
        z
          .object({
            ...raiseQuestionInputFields,
            answer: z
              .object({
                answeredBy: idSchema.describe('Who answered.'),
                mode: z.enum(ANSWER_MODES).default('LIVE').describe('Live (default) or followed up.'),
                answer: nonEmptyText(4000).describe('The answer.'),
                answeredAt: instantSchema.optional().describe('When; when the question was raised if omitted.'),
              })
              .describe('The answer to a question recorded in bulk.')
              .nullish()
              .describe('Its answer, if answered.'),
          })
          .describe('A question raised in a session recorded in bulk, optionally with its answer.'),
      )
      .max(50)
      .default([])
      .describe('Questions raised, with their answers.'),
  })
  .describe('A whole café session at once: the session, its invitations, attendance and questions.');
export type RecordCafeSessionInput = z.input<typeof recordCafeSessionInput>;
