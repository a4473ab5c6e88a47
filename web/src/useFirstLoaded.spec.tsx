import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFirstLoaded } from './useFirstLoaded';

describe('useFirstLoaded', () => {
  it('keeps what first loaded while the value changes, and starts again for another key', () => {
    const { result, rerender } = renderHook(({ key, value }: { key: string; value: string[] | undefined }) => useFirstLoaded(key, value), {
      initialProps: { key: 'S1', value: undefined as string[] | undefined },
    });
    expect(result.current).toBeUndefined();
    rerender({ key: 'S1', value: ['Q1'] });
    expect(result.current).toEqual(['Q1']);
    // A question arrives live: the page's list grows, what it subscribed with does not.
    rerender({ key: 'S1', value: ['Q1', 'Q2'] });
    expect(result.current).toEqual(['Q1']);
    rerender({ key: 'S2', value: undefined });
    expect(result.current).toBeUndefined();
    rerender({ key: 'S2', value: [] });
    expect(result.current).toEqual([]);
  });
});
