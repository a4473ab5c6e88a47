import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rateLimit';

describe('the rate limiter', () => {
  it('lets perMinute requests through at once, then one every 60/perMinute s, and says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 6 }, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(10);
    expect(limiter.take('b')).toBeUndefined(); // another caller has its own bucket
    now += 9_000;
    expect(limiter.take('a')).toBe(1);
    now += 1_000;
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(10);
  });
});
