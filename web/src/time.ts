import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, formatISO, parseISO, startOfQuarter, subMonths } from 'date-fns';

/** The console speaks Korea time: every date it shows or sends is a day in Asia/Seoul. */
export const SEOUL = 'Asia/Seoul';

/** A calendar day, YYYY-MM-DD; a month, YYYY-MM. */
export type Day = string;
export type Month = string;

const isDay = (s: string | null | undefined): s is Day => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(parseISO(s).getTime());
const isMonth = (s: string | null | undefined): s is Month => !!s && /^\d{4}-\d{2}$/.test(s) && isDay(`${s}-01`);
export const validDay = (s: string | null | undefined): Day | null => (isDay(s) ? s : null);
export const validMonth = (s: string | null | undefined): Month | null => (isMonth(s) ? s : null);

/** Today in Seoul. */
export const todayInSeoul = (now: Date = new Date()): Day => format(new TZDate(now, SEOUL), 'yyyy-MM-dd');

/** The Seoul day and month of an instant. */
export const seoulDay = (instant: string | Date): Day => format(new TZDate(new Date(instant), SEOUL), 'yyyy-MM-dd');
export const seoulMonth = (instant: string | Date): Month => format(new TZDate(new Date(instant), SEOUL), 'yyyy-MM');
export const seoulDateTime = (instant: string | Date): string => format(new TZDate(new Date(instant), SEOUL), 'yyyy-MM-dd HH:mm');

/** Midnight in Seoul at the start of `day`, as the API's DateTime (with its +09:00 offset). */
export const startOfSeoulDay = (day: Day): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatISO(new TZDate(y, m - 1, d, SEOUL));
};

/** Calendar arithmetic on plain days (no zone involved: a day is a day). */
export const plusDays = (day: Day, n: number): Day => format(addDays(parseISO(day), n), 'yyyy-MM-dd');
export const plusMonths = (month: Month, n: number): Month => format(addMonths(parseISO(`${month}-01`), n), 'yyyy-MM');
export const monthsBetween = (from: Day, toExclusive: Day): Month[] => {
  const out: Month[] = [];
  for (let m = from.slice(0, 7); `${m}-01` < toExclusive; m = plusMonths(m, 1)) out.push(m);
  return out;
};
export const quarterStart = (month: Month): Month => format(startOfQuarter(parseISO(`${month}-01`)), 'yyyy-MM');
export const minusMonths = (month: Month, n: number): Month => format(subMonths(parseISO(`${month}-01`), n), 'yyyy-MM');

/** As-of a day: the view as it stood at the end of that day in Seoul. */
export const asOfInstant = (day: Day | null): string | null => (day ? startOfSeoulDay(plusDays(day, 1)) : null);
