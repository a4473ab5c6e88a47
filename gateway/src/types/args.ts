import { instantSchema, koreanDayEnd, koreanDayStart, localDateSchema, parseOrThrow, validationError } from '@hub/events';
import { PeriodInput } from './periodInput';
import { SegmentInput } from './segmentInput';

/*
 * The arguments many queries share, defined once: `t.arg(periodArg('…'))`, `t.arg(segmentArg)`,
 * and `from: t.arg(fromArg), to: t.arg(toArg)` for an optional filter checked by `optionalPeriod`.
 */

/** A required period (PeriodInput), checked by `periodOf`. */
export const periodArg = (description: string) => ({ type: PeriodInput, required: true, description }) as const;

/** An optional segment (SegmentInput), turned into the read model's by `segmentOf`. */
export const segmentArg = { type: SegmentInput, required: false, description: 'Narrow the population.' } as const;

/** Optional start of a filter of instants (inclusive). */
export const fromArg = { type: 'DateTime', required: false, description: 'At or after this instant.' } as const;

/** Optional end of a filter of instants (exclusive). */
export const toArg = { type: 'DateTime', required: false, description: 'Before this instant.' } as const;

/** An optional ID argument as the view takes it: a string, or null when not given. */
export const idOrNull = (v: string | number | null | undefined) => (v == null ? null : String(v));

/** An optional [from, to) filter of instants, checked and normalised; from must come before to. */
export const optionalPeriod = (args: { from?: string | null; to?: string | null }) => {
  const from = args.from ? parseOrThrow(instantSchema, args.from, 'from') : null;
  const to = args.to ? parseOrThrow(instantSchema, args.to, 'to') : null;
  if (from && to && from >= to) throw validationError('from must be before to');
  return { from, to };
};

/** A required [from, to) of instants: the same check, both given. */
export const instantPeriod = (args: { from: string; to: string }) => optionalPeriod(args) as { from: string; to: string };

/**
 * A required period (PeriodInput), the one date convention: `from`/`to` are instants (DateTime,
 * `to` exclusive); `fromDay`/`toDay` are calendar days in Korea (Date, both inclusive), the way
 * people say "March 2015". Either pair, not both; `from` must come before `to`.
 */
export const periodOf = (p: { from?: string | null; to?: string | null; fromDay?: string | null; toDay?: string | null }) => {
  const instants = p.from != null || p.to != null;
  const days = p.fromDay != null || p.toDay != null;
  if (instants === days)
    throw validationError(
      'period: give either from and to (instants) or fromDay and toDay (calendar days in Korea), not both and not neither',
    );
  const from = instants
    ? parseOrThrow(instantSchema, p.from, 'period.from')
    : koreanDayStart(parseOrThrow(localDateSchema, p.fromDay, 'period.fromDay'));
  const to = instants
    ? parseOrThrow(instantSchema, p.to, 'period.to')
    : koreanDayEnd(parseOrThrow(localDateSchema, p.toDay, 'period.toDay'));
  if (from >= to)
    throw validationError(instants ? 'period.from must be before period.to' : 'period.fromDay must not be after period.toDay');
  return { from, to };
};

/** A calendar day argument (`on`), checked. */
export const dayArg = (on: string) => parseOrThrow(localDateSchema, on, 'on');
