import { deadLetters, type DeadLetterRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { forwardPage, toConnection } from './connection';

const DeadLetterRef = builder.objectRef<DeadLetterRow>('DeadLetter');
DeadLetterRef.implement({
  description:
    'An event a projection of the view could not take (it failed on it, or the event does not parse): parked, so the projector goes on.',
  fields: (t) => ({
    position: t.exposeString('position', { description: 'Its place in the global order.' }),
    eventId: t.exposeID('eventId', { description: 'The event.' }),
    type: t.exposeString('type', { description: 'Its type.' }),
    stream: t.exposeString('stream', { description: 'Its stream.' }),
    projection: t.exposeString('projection', {
      nullable: true,
      description: 'The projection that could not take it (the others did); null when the event does not parse, so none could.',
    }),
    reason: t.exposeString('reason', { description: 'Why it was parked.' }),
    parkedAt: t.expose('parkedAt', { type: 'DateTime', description: 'When.' }),
  }),
});

builder.queryFields((t) => ({
  deadLetters: t.connection(
    {
      authScopes: ACCESS.admin,
      type: DeadLetterRef,
      description:
        'Events parked by the projector, newest first (ADMIN). A rebuild after a fix applies them. Forward pagination (first/after).',
      resolve: async (_, args, ctx) => {
        const page = forwardPage('deadLetters', args);
        return toConnection(await deadLetters(ctx.view, page), page.after);
      },
    },
    { name: 'DeadLetterConnection', description: 'A page of dead letters.' },
    { name: 'DeadLetterEdge', description: 'A dead letter in a page, with its cursor.' },
  ),
}));
