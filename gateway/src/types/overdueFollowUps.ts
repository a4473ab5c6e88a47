import { type FollowUpRow } from '@hub/read-model';
import { builder } from '../builder';
import { CustomerFollowUpRef } from './customerFollowUp';

export const OverdueRef = builder.objectRef<{ total: number; rows: FollowUpRow[] }>('OverdueFollowUps');

OverdueRef.implement({
  description: 'The Customer Smile backlog: customers whose follow-up is overdue.',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Overdue follow-ups in all.' }),
    followUps: t.field({ type: [CustomerFollowUpRef], description: 'The first of them, longest overdue first.', resolve: (o) => o.rows }),
  }),
});
