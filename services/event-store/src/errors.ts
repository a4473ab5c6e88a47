import type { ExpectedRevision } from './port';

const describeRevision = (r: ExpectedRevision | bigint | undefined) =>
  r === undefined ? 'no stream' : typeof r === 'bigint' ? `revision ${r}` : r.replace('_', ' ');

/** The stream was not where the writer expected it: someone else appended first. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | undefined,
  ) {
    super(`Stream ${streamName} was expected at ${describeRevision(expected)} but is at ${describeRevision(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some, but not all, of an append's event ids were already stored: it is not a retry of one append. */
export class IdempotencyMismatchError extends Error {
  constructor(
    readonly streamName: string,
    readonly eventIds: string[],
  ) {
    super(`Append to ${streamName} repeats event ids ${eventIds.join(', ')} that were stored differently`);
    this.name = 'IdempotencyMismatchError';
  }
}

export const isWrongExpectedRevision = (e: unknown): e is WrongExpectedRevisionError => e instanceof WrongExpectedRevisionError;
