import { minusMonths, plusDays, plusMonths, quarterStart, validDay, validMonth, type Day, type Month } from './time';

export const PRESETS = ['month', 'quarter', 'ytd', 'last12', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** A period of whole Seoul days: `from` inclusive, `to` exclusive (as the API's periods are). */
export interface Period {
  from: Day;
  to: Day;
}

/**
 * The period a preset stands for. "This" month, quarter or year is the reference month's — the
 * latest month that has touches unless the user picked another — so the default shows data, not
 * an empty current month. Custom takes inclusive days, as people write them.
 */
export const presetPeriod = (preset: Preset, reference: Month, custom?: { from: Day | null; to: Day | null }): Period | null => {
  const next = `${plusMonths(reference, 1)}-01`;
  switch (preset) {
    case 'month':
      return { from: `${reference}-01`, to: next };
    case 'quarter': {
      const start = quarterStart(reference);
      return { from: `${start}-01`, to: `${plusMonths(start, 3)}-01` };
    }
    case 'ytd':
      return { from: `${reference.slice(0, 4)}-01-01`, to: next };
    case 'last12':
      return { from: `${minusMonths(reference, 11)}-01`, to: next };
    case 'custom': {
      const from = validDay(custom?.from);
      const to = validDay(custom?.to);
      if (!from || !to || to < from) return null;
      return { from, to: plusDays(to, 1) };
    }
  }
};

export const isPreset = (s: string | null): s is Preset => (PRESETS as readonly string[]).includes(s ?? '');

/** What the URL says about the period (`?preset=…&ref=YYYY-MM&from=…&to=…`), with defaults. */
export const periodFromSearch = (
  search: URLSearchParams,
  latestMonth: Month,
): { preset: Preset; reference: Month; period: Period | null } => {
  const preset = isPreset(search.get('preset')) ? (search.get('preset') as Preset) : 'last12';
  const reference = validMonth(search.get('ref')) ?? latestMonth;
  return { preset, reference, period: presetPeriod(preset, reference, { from: search.get('from'), to: search.get('to') }) };
};
