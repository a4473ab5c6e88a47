import type { Gathering } from '@hub/read-model';
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
