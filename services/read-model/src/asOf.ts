/**
 * The moment a query looks at the view from. `null`/undefined means now; the SQL compares
 * `recorded_at <= $asOf`, and 'infinity' is later than any recorded row.
 */
export type AsOf = string | null | undefined;
export const asOfParam = (asOf: AsOf): string => asOf ?? 'infinity';

/** Rows carry the moment they were read as of, so nested lookups stay at the same moment. */
export interface AsOfRow {
  asOf: string | null;
}
