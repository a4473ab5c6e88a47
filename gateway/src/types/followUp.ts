import type { QuestionFollowUpRow } from '@hub/read-model';
import { builder } from '../builder';
import { employeeField } from './employee';
import { GatheringRef } from './gathering';

export const FollowUpRef = builder.objectRef<QuestionFollowUpRow>('FollowUp');

FollowUpRef.implement({
  description: 'A follow-up action promised at a gathering (for one of its questions, or alone), with an owner and a due date.',
  fields: (t) => ({
    id: t.exposeID('followUpId', { description: 'Follow-up id (unique within its gathering).' }),
    gathering: t.expose('gathering', { type: GatheringRef, description: 'The café session or town hall it came from.' }),
    questionId: t.exposeID('questionId', { nullable: true, description: 'The question it answers, if any.' }),
    description: t.exposeString('description', { description: 'What is to be done.' }),
    owner: t.field({
      ...employeeField('Who owns it.'),
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).employee.load(f.ownerId)) ?? null,
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'Due date.' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true, description: 'When it was done; null while open.' }),
    note: t.exposeString('note', { nullable: true, description: 'Completion note.' }),
  }),
});
