/** Row shapes the view hands out: camelCase, ISO strings for instants, YYYY-MM-DD for dates. */

export const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
export const isoOrNull = (v: unknown): string | null => (v == null ? null : iso(v));
/** A `date` column as YYYY-MM-DD whichever driver read it (pg gives local-midnight Dates). */
export const localDate = (v: unknown): string => {
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v as Date;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
export const localDateOrNull = (v: unknown): string | null => (v == null ? null : localDate(v));

/** Groups rows by a key, keeping every requested key (empty list when none) in request order. */
export const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
};

/** Opaque Relay cursors over a (timestamp, id) sort key. */
export const encodeCursor = (parts: string[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
export const decodeCursor = (cursor: string): string[] | undefined => {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parts) && parts.every((p) => typeof p === 'string') ? parts : undefined;
  } catch {
    return undefined;
  }
};
