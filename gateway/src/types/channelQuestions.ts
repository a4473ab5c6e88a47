import type { QuestionFigures } from '@hub/read-model';
import { builder } from '../builder';
import { ChannelEnum } from './enums';
import { QuestionFiguresRef } from './questionFigures';

export const ChannelQuestionsRef = builder.objectRef<QuestionFigures & { channel: 'CAFE_SESSION' | 'TOWN_HALL' }>('ChannelQuestions');
ChannelQuestionsRef.implement({
  description: 'Question figures of one channel.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, description: 'The channel.' }),
    figures: t.field({ type: QuestionFiguresRef, description: 'Its figures.', resolve: (c) => c }),
  }),
});
