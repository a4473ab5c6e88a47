import type { Coverage } from '@hub/read-model';
import { builder } from '../builder';
import { ChannelEnum } from './enums';

export const ChannelFigureRef = builder.objectRef<Coverage['byChannel'][number]>('ChannelFigure');
ChannelFigureRef.implement({
  description: 'Reach through one channel.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, description: 'The channel.' }),
    reached: t.exposeInt('reached', { description: 'Distinct people reached through it.' }),
    touches: t.exposeInt('touches', { description: 'Touches through it.' }),
  }),
});
