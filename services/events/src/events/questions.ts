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
  questionId: idSchema.optional(),
  topic: nonEmptyText(100),
  text: nonEmptyText(2000),
  anonymous: z.boolean().default(false),
  askedBy: idSchema.nullish(),
  raisedAt: instantSchema.optional(),
};
