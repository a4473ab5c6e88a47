import { describe, expect, it } from 'vitest';
import { periodFromSearch, presetPeriod } from './period';

describe('period presets', () => {
  it('this month, quarter, year to date and last 12 months end after the reference month', () => {
    expect(presetPeriod('month', '2015-06')).toEqual({ from: '2015-06-01', to: '2015-07-01' });
    expect(presetPeriod('quarter', '2015-05')).toEqual({ from: '2015-04-01', to: '2015-07-01' });
    expect(presetPeriod('ytd', '2015-06')).toEqual({ from: '2015-01-01', to: '2015-07-01' });
    expect(presetPeriod('last12', '2015-06')).toEqual({ from: '2014-07-01', to: '2015-07-01' });
  });

  it('crosses year ends', () => {
    expect(presetPeriod('month', '2014-12')).toEqual({ from: '2014-12-01', to: '2015-01-01' });
    expect(presetPeriod('quarter', '2014-11')).toEqual({ from: '2014-10-01', to: '2015-01-01' });
    expect(presetPeriod('last12', '2015-01')).toEqual({ from: '2014-02-01', to: '2015-02-01' });
  });

  it('custom takes inclusive days and refuses an end before the start or a day that does not exist', () => {
    expect(presetPeriod('custom', '2015-06', { from: '2015-02-10', to: '2015-02-28' })).toEqual({ from: '2015-02-10', to: '2015-03-01' });
    expect(presetPeriod('custom', '2015-06', { from: '2015-03-01', to: '2015-02-28' })).toBeNull();
    expect(presetPeriod('custom', '2015-06', { from: '2015-02-30', to: '2015-03-01' })).toBeNull();
    expect(presetPeriod('custom', '2015-06', { from: null, to: '2015-03-01' })).toBeNull();
  });

  it('defaults to the last 12 months up to the latest month with touches, and keeps what the URL says', () => {
    expect(periodFromSearch(new URLSearchParams(''), '2015-06')).toEqual({
      preset: 'last12',
      reference: '2015-06',
      period: { from: '2014-07-01', to: '2015-07-01' },
    });
    expect(periodFromSearch(new URLSearchParams('preset=quarter&ref=2014-12'), '2015-06').period).toEqual({
      from: '2014-10-01',
      to: '2015-01-01',
    });
    // Nonsense in a hand-edited link falls back to the defaults.
    expect(periodFromSearch(new URLSearchParams('preset=forever&ref=2015-13'), '2015-06')).toMatchObject({
      preset: 'last12',
      reference: '2015-06',
    });
  });
});
