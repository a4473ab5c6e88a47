import { describe, expect, it } from 'vitest';
import { cadencePeriods } from './cadence';

describe('cadence periods (KST calendar)', () => {
  it('cuts a range into months, across a year end', () => {
    expect(cadencePeriods('2014-11-15', '2015-02-01', 1)).toEqual([
      { start: '2014-11-01', end: '2014-12-01' },
      { start: '2014-12-01', end: '2015-01-01' },
      { start: '2015-01-01', end: '2015-02-01' },
    ]);
  });
  it('cuts a range into two-month periods aligned to January', () => {
    expect(cadencePeriods('2014-04-10', '2014-09-01', 2)).toEqual([
      { start: '2014-03-01', end: '2014-05-01' },
      { start: '2014-05-01', end: '2014-07-01' },
      { start: '2014-07-01', end: '2014-09-01' },
    ]);
  });
  it('refuses an endless range', () => {
    expect(() => cadencePeriods('1900-01-01', '2100-01-01', 1)).toThrow(/too long/);
  });
});
