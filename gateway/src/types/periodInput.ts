import { builder } from '../builder';

/** The one period argument of the view's measures (checked by `periodOf` in ./args). */
export const PeriodInput = builder.inputType('PeriodInput', {
  description:
    'A period, in one of two forms: from/to as instants (DateTime; from inclusive, to exclusive), or fromDay/toDay as calendar days in Korea (Date; both inclusive, e.g. fromDay 2015-03-01, toDay 2015-03-31 for March 2015).',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false, description: 'Start, inclusive (an instant).' }),
    to: t.field({ type: 'DateTime', required: false, description: 'End, exclusive (an instant).' }),
    fromDay: t.field({ type: 'Date', required: false, description: 'First day, inclusive (calendar day in Korea).' }),
    toDay: t.field({ type: 'Date', required: false, description: 'Last day, inclusive (calendar day in Korea).' }),
  }),
});
