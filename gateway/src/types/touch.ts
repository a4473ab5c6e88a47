import type { TouchRow } from '@hub/read-model';
import { builder } from '../builder';
import { ChannelEnum, PersonKindEnum, TouchModeEnum } from './enums';

import { EmployeeRef } from './employee';

export const TouchRef = builder.objectRef<TouchRow>('Touch');

TouchRef.implement({
  description: 'One person reached by one leader through one channel at one time, from one recorded event.',
  fields: (t) => ({
    id: t.exposeID('touchId', { description: 'Stable id: the source event and the leader.' }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'Through which channel.' }),
    mode: t.expose('mode', { type: TouchModeEnum, description: 'Face to face or broadcast.' }),
    touchedAt: t.expose('touchedAt', { type: 'DateTime', description: 'When it happened.' }),
    personId: t.exposeID('personId', { description: 'Who was reached.' }),
    leader: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The leader who reached them; null when it was the company (an FC’s own customer visit).',
      resolve: async (touch, _, ctx) => (touch.leaderId ? ((await ctx.loadersAt(touch.asOf).employee.load(touch.leaderId)) ?? null) : null),
    }),
    personKind: t.expose('personKind', { type: PersonKindEnum, description: 'Employee, FC or customer.' }),
    summary: t.exposeString('summary', {
      description: 'What it was, in one line: the café session’s venue, the town hall’s theme, the visit’s purpose, the video’s title.',
    }),
    sourceId: t.exposeID('sourceId', { description: 'The café session, town hall, branch visit, video or customer visit it came from.' }),
    sourceEventId: t.exposeID('sourceEventId', { description: 'The event this touch was derived from.' }),
  }),
});
