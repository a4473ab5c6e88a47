import { z } from 'zod';
import { idSchema, instantSchema, nonEmptyText } from '../primitives';

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
