import type { QuestionRow, RaisedQuestionRow } from '@hub/read-model';
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

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What every question type shows of a question as raised (`Question`, `OpenQuestion`). */
export const raisedQuestionFields = <Row extends RaisedQuestionRow>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Row>) => ({
  id: t.id({ description: 'Question id (unique within its gathering).', resolve: (q) => q.questionId }),
  gathering: t.field({ type: GatheringRef, description: 'The café session or town hall it was raised in.', resolve: (q) => q.gathering }),
  topic: t.string({ description: 'Topic, e.g. strategy, career, personal.', resolve: (q) => q.topic }),
  text: t.string({ description: 'The question.', resolve: (q) => q.text }),
  anonymous: t.boolean({ description: 'Raised anonymously.', resolve: (q) => q.anonymous }),
  askedBy: t.field({
    ...employeeField('Who asked; null when anonymous.'),
    resolve: async (q, _, ctx) => (q.askedBy ? ((await ctx.loadersAt(q.asOf).employee.load(q.askedBy)) ?? null) : null),
  }),
  raisedAt: t.field({ type: 'DateTime', description: 'When it was raised.', resolve: (q) => q.raisedAt }),
});

QuestionRef.implement({
  description: 'A question raised to leadership in a café session or at a town hall; the asker of an anonymous one is never recorded.',
  fields: (t) => ({
    ...raisedQuestionFields(t),
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
