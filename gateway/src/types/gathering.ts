import type { Gathering, GatheringChannel } from '@hub/read-model';
import { builder } from '../builder';
import { ChannelEnum } from './enums';

/** Where a question was raised: a café session or a town hall (one type for both). */
export const GatheringRef = builder.objectRef<Gathering>('Gathering');

GatheringRef.implement({
  description: 'Where a question was raised: a café session or a town hall.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, description: 'CAFE_SESSION or TOWN_HALL.' }),
    id: t.exposeID('id', { description: 'The café session or town hall id.' }),
  }),
});

/** The kinds of gathering where questions are raised and follow-ups promised. */
export const GatheringChannelEnum = builder.enumType('GatheringChannel', {
  description: 'A kind of gathering with questions and follow-ups: café sessions or town halls.',
  values: {
    CAFE_SESSION: { description: 'Café sessions (톡톡타임).' },
    TOWN_HALL: { description: 'Town halls (타운홀 미팅).' },
  } satisfies Record<GatheringChannel, { description: string }>,
});
