import { z } from 'zod';
import { idSchema, instantSchema, localDateSchema, nonEmptyText } from '../primitives';

/** A question raised to leadership (café sessions, town halls): the same shape wherever it is asked. */
export const questionRaisedFields = {
  questionId: idSchema,
  topic: nonEmptyText(100),
  text: nonEmptyText(2000),
  anonymous: z.boolean(),
  /** Null when anonymous: the asker is never recorded, so no one can recover it later. */
  askedBy: idSchema.nullable(),
  raisedAt: z.iso.datetime({ offset: true }),
};

/** What a caller sends to raise a question: the id and moment may be left to the service. */
export const raiseQuestionInputFields = {
  questionId: idSchema.optional().describe('Optional id; generated when omitted (in a bulk record: derived from the command id).'),
  topic: nonEmptyText(100).describe('Topic, e.g. strategy, career, personal.'),
  text: nonEmptyText(2000).describe('The question.'),
  anonymous: z.boolean().default(false).describe('Raise anonymously: the asker is then never recorded.'),
  askedBy: idSchema.nullish().describe('Who asked (an attendee); ignored when anonymous.'),
  raisedAt: instantSchema.optional().describe('When; now when omitted (in a bulk record: the session’s or town hall’s time).'),
};

/** A follow-up action promised to the people of a gathering (café session, town hall): one shape. */
export const followUpAssignedFields = {
  followUpId: idSchema,
  /** The question it answers; null for an action that stands alone. */
  questionId: idSchema.nullable(),
  description: nonEmptyText(1000),
  ownerId: idSchema,
  dueOn: localDateSchema,
};

export const followUpCompletedFields = {
  followUpId: idSchema,
  completedOn: localDateSchema,
  note: nonEmptyText(1000).nullable(),
};

/** What a caller sends to assign a follow-up: the id may be left to the service. */
export const assignFollowUpInputFields = {
  followUpId: idSchema.optional().describe('Optional id; generated when omitted.'),
  questionId: idSchema.nullish().describe('The question it answers, if any.'),
  description: nonEmptyText(1000).describe('What is to be done.'),
  ownerId: idSchema.describe('Who owns it.'),
  dueOn: localDateSchema.describe('Due date.'),
};

export const completeFollowUpInputFields = {
  followUpId: idSchema.describe('The follow-up.'),
  completedOn: localDateSchema.describe('When it was done.'),
  note: nonEmptyText(1000).nullish().describe('Optional note.'),
};
