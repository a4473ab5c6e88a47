import { deepStrictEqual, fail } from 'node:assert/strict';
import { stateAfter, type Decider } from '../decider';

/*
 * given(events) → when(command) → then(events) | thenThrows(refusal): a decider's unit spec,
 * written the same way in every context. Built on node:assert so the runtime needs no test
 * runner; vitest reports its AssertionError like its own.
 */

/** A refusal as a spec names it: its DomainError kind (`'CONFLICT'`), a message pattern, or both. */
export type ExpectedRefusal = string | RegExp | { kind?: string; message?: RegExp | string };

const KIND = /^[A-Z][A-Z_]+$/;

const describeRefusal = (expected: ExpectedRefusal) =>
  typeof expected === 'string' || expected instanceof RegExp
    ? String(expected)
    : JSON.stringify({ kind: expected.kind, message: String(expected.message) });

const matches = (error: unknown, expected: ExpectedRefusal): boolean => {
  const kind = typeof error === 'object' && error !== null && 'kind' in error ? error.kind : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const messageMatches = (m: RegExp | string) => (typeof m === 'string' ? message.includes(m) : m.test(message));
  // A bare upper-case word names a kind ('NOT_FOUND'); any other string is part of the message.
  if (typeof expected === 'string') return KIND.test(expected) ? kind === expected : messageMatches(expected);
  if (expected instanceof RegExp) return messageMatches(expected);
  return (expected.kind === undefined || kind === expected.kind) && (expected.message === undefined || messageMatches(expected.message));
};

export interface DeciderWhen<Event> {
  /** The command decides exactly these events, in this order. */
  then: (expected: readonly Event[]) => void;
  /** The command is refused, with each of these (kind and/or message). */
  thenThrows: (...expected: ExpectedRefusal[]) => void;
  /** The events decided, for a spec that looks at them another way. */
  events: () => Event[];
}

export const deciderSpec = <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
  given: (...history: Event[]) => ({
    when: (command: Command): DeciderWhen<Event> => {
      const decide = () => decider.decide(command, stateAfter(decider, history));
      return {
        events: decide,
        then: (expected) => deepStrictEqual(decide(), expected),
        thenThrows: (...expected) => {
          let decided: Event[];
          try {
            decided = decide();
          } catch (error) {
            for (const e of expected) {
              if (!matches(error, e))
                fail(
                  `Expected a refusal matching ${describeRefusal(e)}, got: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
                );
            }
            return;
          }
          fail(`Expected a refusal, but the command decided ${JSON.stringify(decided)}`);
        },
      };
    },
  }),
});
