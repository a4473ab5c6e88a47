import { viewMoment, type AsOf, type ViewMoment } from '@hub/read-model';

/**
 * Every query of the view takes two times (README, "Two times"): `asOf`, business time — what had
 * happened by then — and `knownAt`, record time — what the hub had been told by then, for audit.
 */
export const asOfArgOptions = {
  type: 'DateTime',
  required: false,
  description:
    'Business time: answer as things stood at this moment in the world — touches, sessions, visits and directory changes (hires, transfers, promotions, departures) that had taken effect by then. Default: now.',
} as const;

export const knownAtArgOptions = {
  type: 'DateTime',
  required: false,
  description:
    'Record time, for audit: leave out whatever the hub was told after this moment, even about earlier events. Default: now (everything recorded).',
} as const;

/** The moment a query's arguments name, for the read model. */
export const momentOf = (args: { asOf?: string | null; knownAt?: string | null }): AsOf => ({
  at: args.asOf ?? null,
  knownAt: args.knownAt ?? null,
});

/** The moment rows carry, so nested fields are looked up at it too (null: now). */
export const rowMoment = (args: { asOf?: string | null; knownAt?: string | null }): ViewMoment | null => viewMoment(momentOf(args));
