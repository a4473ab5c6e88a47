import type { QuestionFigures } from '@hub/read-model';
import { builder } from '../builder';

export const QuestionFiguresRef = builder.objectRef<QuestionFigures>('QuestionFigures');
QuestionFiguresRef.implement({
  description: 'Questions raised and how they were answered.',
  fields: (t) => ({
    raised: t.exposeInt('raised', { description: 'Questions raised.' }),
    answered: t.exposeInt('answered', { description: 'Of those, answered.' }),
    answeredRate: t.exposeFloat('answeredRate', { description: 'answered / raised (0 to 1).' }),
    averageHoursToAnswer: t.exposeFloat('averageHoursToAnswer', { nullable: true, description: 'Mean hours from question to answer.' }),
  }),
});
