import type { CadencePeriod } from '@hub/read-model';
import { builder } from '../builder';

export const CadencePeriodRef = builder.objectRef<CadencePeriod>('CadencePeriod');
CadencePeriodRef.implement({
  description: 'One period of a cadence: how many were held against the target.',
  fields: (t) => ({
    start: t.expose('start', { type: 'Date', description: 'First day (KST).' }),
    end: t.expose('end', { type: 'Date', description: 'First day after it.' }),
    held: t.exposeInt('held', { description: 'Held (not cancelled, with attendance recorded).' }),
    target: t.exposeInt('target', { description: 'How many the cadence asks for.' }),
    met: t.exposeBoolean('met', { description: 'held ≥ target.' }),
  }),
});
