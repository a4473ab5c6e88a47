import { describe, expect, it } from 'vitest';
import type { Decider } from '../decider';
import { deciderSpec } from './deciderSpec';

// A counter that refuses to go past two: enough to show each way the helper passes and fails.
class Refusal extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}
type Added = { type: 'Added'; data: { n: number } };
const counter: Decider<{ type: 'Add'; n: number }, Added, number> = {
  initialState: () => 0,
  decide: ({ n }, total) => {
    if (total + n > 2) throw new Refusal('FORBIDDEN_BY_RULE', `${total} + ${n} is more than two`);
    return [{ type: 'Added', data: { n } }];
  },
  evolve: (total, e) => total + e.data.n,
};
const added = (n: number): Added => ({ type: 'Added', data: { n } });
const spec = deciderSpec(counter);

describe('deciderSpec: given → when → then', () => {
  it('passes when the command decides exactly the events expected, after the history', () => {
    spec
      .given()
      .when({ type: 'Add', n: 1 })
      .then([added(1)]);
    spec
      .given(added(1))
      .when({ type: 'Add', n: 1 })
      .then([added(1)]);
  });
  it('fails when the events differ', () => {
    expect(() =>
      spec
        .given()
        .when({ type: 'Add', n: 1 })
        .then([added(2)]),
    ).toThrow();
    expect(() => spec.given().when({ type: 'Add', n: 1 }).then([])).toThrow();
  });
  it('matches a refusal by kind, by message, or by both', () => {
    const refused = spec.given(added(2)).when({ type: 'Add', n: 1 });
    refused.thenThrows();
    refused.thenThrows('FORBIDDEN_BY_RULE');
    refused.thenThrows(/more than two/, 'FORBIDDEN_BY_RULE');
    refused.thenThrows({ kind: 'FORBIDDEN_BY_RULE', message: 'more than two' });
  });
  it('fails when the refusal is another one, or there is none', () => {
    const refused = spec.given(added(2)).when({ type: 'Add', n: 1 });
    expect(() => refused.thenThrows('CONFLICT')).toThrow(/Expected a refusal matching CONFLICT/);
    expect(() => refused.thenThrows(/less than/)).toThrow(/got: Error: 2 \+ 1 is more than two/);
    expect(() => spec.given().when({ type: 'Add', n: 1 }).thenThrows()).toThrow(/decided \[\{"type":"Added"/);
  });
});
