import { describe, expect, it } from 'vitest';
import { assertSchedulable, occurredAtInstant, occurredOnDay } from './businessTime';

describe('business time', () => {
  it('dates a fact by its own calendar day: the start of that day in Korea', () => {
    expect(occurredOnDay(undefined, '2014-02-01', 'hiredOn')).toBe('2014-01-31T15:00:00.000Z');
    expect(Date.parse(occurredOnDay(undefined, '2014-02-01', 'hiredOn'))).toBe(Date.parse('2014-01-31T15:00:00Z'));
  });

  it('accepts an explicit occurredAt on the same Korean day and refuses one on another day', () => {
    expect(occurredOnDay('2014-02-01T23:00:00+09:00', '2014-02-01', 'hiredOn')).toBe('2014-02-01T23:00:00+09:00');
    // 2014-01-31T20:00Z is still 1 February in Seoul (05:00); 2014-02-01T16:00Z is already the 2nd.
    expect(occurredOnDay('2014-01-31T20:00:00Z', '2014-02-01', 'hiredOn')).toBe('2014-01-31T20:00:00Z');
    expect(() => occurredOnDay('2014-02-01T16:00:00Z', '2014-02-01', 'hiredOn')).toThrow(
      expect.objectContaining({ kind: 'VALIDATION', message: expect.stringMatching(/contradicts hiredOn 2014-02-01/) }),
    );
  });

  it('dates a fact by its own instant, and refuses an occurredAt that is another instant', () => {
    expect(occurredAtInstant(undefined, '2014-12-20T02:00:00.000Z', 'visitedAt')).toBe('2014-12-20T02:00:00.000Z');
    expect(occurredAtInstant('2014-12-20T11:00:00+09:00', '2014-12-20T02:00:00.000Z', 'visitedAt')).toBe('2014-12-20T11:00:00+09:00');
    expect(() => occurredAtInstant('2014-12-21T11:00:00+09:00', '2014-12-20T02:00:00.000Z', 'visitedAt')).toThrow(/contradicts visitedAt/);
  });

  it('lets scheduling look ahead only, unless it records history no later than now', () => {
    const now = '2020-01-01T00:00:00.000Z';
    expect(() => assertSchedulable('2020-02-01T00:00:00.000Z', now, undefined, 'town hall')).not.toThrow();
    expect(() => assertSchedulable('2015-02-01T00:00:00.000Z', now, undefined, 'town hall')).toThrow(
      /scheduling is for the future; to record a town hall that already took place, give occurredAt/,
    );
    expect(() => assertSchedulable('2015-02-01T00:00:00.000Z', now, '2015-01-15T00:00:00.000Z', 'town hall')).not.toThrow();
    expect(() => assertSchedulable('2015-02-01T00:00:00.000Z', now, '2020-01-02T00:00:00.000Z', 'town hall')).toThrow(/in the future/);
  });
});
