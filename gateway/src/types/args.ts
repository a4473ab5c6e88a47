import { instantSchema, parseOrThrow, validationError } from '@hub/contracts';

/** An optional ID argument as the view takes it: a string, or null when not given. */
export const idOrNull = (v: string | number | null | undefined) => (v == null ? null : String(v));

/** An optional [from, to) filter of instants, checked and normalised; from must come before to. */
export const optionalPeriod = (args: { from?: string | null; to?: string | null }) => {
  const from = args.from ? parseOrThrow(instantSchema, args.from, 'from') : null;
  const to = args.to ? parseOrThrow(instantSchema, args.to, 'to') : null;
  if (from && to && from >= to) throw validationError('from must be before to');
  return { from, to };
};
