import { z } from 'zod';

export const idSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty', abort: true })
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may contain only letters, digits, ".", "_", ":" and "-"');

/**
 * The years a date or an instant may fall in: wide enough for any record of the company, narrow
 * enough that the database stores it and every date derived from it (a follow-up due two years on,
 * the Korean day of an instant). Year 0000 passed JavaScript's Date and then stopped the projector
 * (PostgreSQL has no year 0); found by the hostile-input fuzzer.
 */
export const YEARS = { first: 1900, last: 2999 } as const;
const YEARS_MESSAGE = `must fall in the years ${YEARS.first} to ${YEARS.last}`;
const withinYears = (iso: string) => /^\d{4}-/.test(iso) && Number(iso.slice(0, 4)) >= YEARS.first && Number(iso.slice(0, 4)) <= YEARS.last;

/** An instant with an explicit offset, e.g. 2015-03-12T15:00:00+09:00. */
export const instantSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 date-time with offset, e.g. 2015-03-12T15:00:00+09:00' })
  .transform((s) => new Date(s).toISOString())
  .refine(withinYears, { message: YEARS_MESSAGE });

/** A calendar date, e.g. 2015-03-31, checked to be a real day. */
export const localDateSchema = z.iso
  .date({ error: 'must be a calendar date YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'must be a real calendar date',
  })
  .refine(withinYears, { message: YEARS_MESSAGE });

export const nonEmptyText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The calendar day in Korea (UTC+9, no daylight saving) of an instant: the company's day. */
export const koreanDay = (instant: string | Date): string =>
  new Date(new Date(instant).getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/** The instant a calendar day in Korea begins (00:00 KST), as an ISO instant. */
export const koreanDayStart = (day: string): string => new Date(`${day}T00:00:00+09:00`).toISOString();

/** The instant the calendar day in Korea after `day` begins: the exclusive end of a period ending on `day`. */
export const koreanDayEnd = (day: string): string => new Date(Date.parse(`${day}T00:00:00+09:00`) + 86_400_000).toISOString();
