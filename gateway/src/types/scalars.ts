import { instantSchema, localDateSchema, parseOrThrow } from '@hub/events';
import { builder } from '../builder';

builder.scalarType('DateTime', {
  description: 'An instant, ISO-8601 with an offset (e.g. 2015-03-12T15:00:00+09:00); always returned in UTC.',
  serialize: (value) => value,
  parseValue: (value) => parseOrThrow(instantSchema, value, 'DateTime'),
});

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue: (value) => parseOrThrow(localDateSchema, value, 'Date'),
});
