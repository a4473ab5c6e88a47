import type { QuestionRow } from '@hub/read-model';
import { builder } from '../builder';
import { employeeField } from './employee';
import { AnswerModeEnum } from './enums';
import { FollowUpRef } from './followUp';
import { GatheringRef } from './gathering';

/*
 * Questions to leadership and their follow-ups: one type wherever they were raised (café sessions,
 * town halls), as one projection keeps them (read-model projections/questions.ts).
 */
export const QuestionRef = builder.objectRef<QuestionRow>('Question');

QuestionRef.implement({
  description: 'A question raised to leadership in a café session or at a town hall; the asker of an anonymous one is never recorded.',
  fields: (t) => ({
    id: t.exposeID('questionId', { description: 'Question id (unique within its gathering).' }),
    gathering: t.expose('gathering', { type: GatheringRef, description: 'The café session or town hall it was raised in.' }),
    topic: t.exposeString('topic', { description: 'Topic, e.g. strategy, career, personal.' }),
    text: t.exposeString('text', { description: 'The question.' }),
    anonymous: t.exposeBoolean('anonymous', { description: 'Raised anonymously.' }),
    askedBy: t.field({
      ...employeeField('Who asked; null when anonymous.'),
      resolve: async (q, _, ctx) => (q.askedBy ? ((await ctx.loadersAt(q.asOf).employee.load(q.askedBy)) ?? null) : null),
    }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime', description: 'When it was raised.' }),
    answered: t.boolean({ description: 'Has an answer.', resolve: (q) => q.answer !== null }),
    answer: t.exposeString('answer', { nullable: true, description: 'The answer.' }),
    answerMode: t.expose('answerMode', {
      type: AnswerModeEnum,
      nullable: true,
      description: 'Live or followed up, where the gathering records it (café sessions).',
    }),
    answeredBy: t.field({
      ...employeeField('Who answered.'),
      resolve: async (q, _, ctx) => (q.answeredBy ? ((await ctx.loadersAt(q.asOf).employee.load(q.answeredBy)) ?? null) : null),
    }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true, description: 'When it was answered.' }),
    followUps: t.field({
      type: [FollowUpRef],
      description: 'Follow-up actions promised for this question, by due date.',
      resolve: async (q, _, ctx) =>
        (await ctx.loadersAt(q.asOf).questionFollowUps[q.gathering.channel].load(q.gathering.id)).filter(
          (f) => f.questionId === q.questionId,
        ),
    }),
  }),
});
