import { describe, expect, it } from 'vitest';
import { customerAggregateGuard, MIN_GROUP_SIZE } from './access';

describe('customer aggregates for roles that see customers only in aggregate', () => {
  it('hides a segment of fewer than five customers, or one where fewer than five were reached', () => {
    const viewer = customerAggregateGuard('VIEWER');
    expect(() => viewer.assertLargeEnough(4)).toThrow(/Fewer than 5/);
    expect(() => viewer.assertLargeEnough(100, 1)).toThrow(/Fewer than 5/);
    expect(() => viewer.assertLargeEnough(100, 0)).not.toThrow();
    expect(() => viewer.assertLargeEnough(100, MIN_GROUP_SIZE)).not.toThrow();
    expect(viewer.keepLargeGroups([{ n: 4 }, { n: 5 }], (r) => r.n)).toEqual([{ n: 5 }]);
  });

  it('shows everything to the roles that see customers one by one', () => {
    for (const role of ['LEADERSHIP', 'SALES', 'PRIVACY_OFFICER'] as const) {
      const guard = customerAggregateGuard(role);
      expect(() => guard.assertLargeEnough(1, 1)).not.toThrow();
      expect(guard.keepLargeGroups([{ n: 1 }], (r) => r.n)).toEqual([{ n: 1 }]);
    }
  });
});
