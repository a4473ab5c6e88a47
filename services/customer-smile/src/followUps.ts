import type { FollowUpDue, FollowUpKind } from '@hub/events';

/*
 * The three Customer Smile follow-ups a signed contract makes due, and how each one stands.
 * Windows (all dates are calendar days in Korea):
 *   THREE_MONTHS  from the signing day        to 3 months after it
 *   ONE_YEAR      from 1 month before the 1st anniversary to 1 month after it
 *   TWO_YEARS     from 1 month before the 2nd anniversary to 1 month after it
 */

/** `date` plus `months` calendar months; a day past the month's end falls back to its last day (Jan 31 + 1 month = Feb 28). */
export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

export const followUpsFor = (signedOn: string): FollowUpDue[] => [
  { kind: 'THREE_MONTHS', opensOn: signedOn, dueOn: addMonths(signedOn, 3) },
  { kind: 'ONE_YEAR', opensOn: addMonths(signedOn, 11), dueOn: addMonths(signedOn, 13) },
  { kind: 'TWO_YEARS', opensOn: addMonths(signedOn, 23), dueOn: addMonths(signedOn, 25) },
];

/**
 * Which follow-up a visit on `day` satisfies when the visit does not say: the unsatisfied one whose
 * window holds the day; otherwise the latest one already open (a late visit); otherwise none.
 */
export const matchingFollowUp = (followUps: FollowUpDue[], satisfied: ReadonlySet<FollowUpKind>, day: string): FollowUpKind | null => {
  const open = followUps.filter((f) => !satisfied.has(f.kind) && f.opensOn <= day);
  const inWindow = open.find((f) => day <= f.dueOn);
  return (inWindow ?? open[open.length - 1])?.kind ?? null;
};
