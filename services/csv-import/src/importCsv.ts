import { createHash } from 'node:crypto';
import { isDomainError, validationError } from '@hub/events';
import { ConcurrencyConflictError, type CommandContext } from '@hub/event-store';
import { parseCsv } from './csv';
import { decodeCsv, type CsvEncoding } from './decode';
import { KINDS, type ImportCommands, type ImportKind } from './kinds';

export interface RowError {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  /** The row's id, when it has one. */
  key: string | null;
  message: string;
}

export interface ImportReport {
  kind: ImportKind;
  encoding: Exclude<CsvEncoding, 'AUTO'>;
  /** Data rows in the file. */
  rows: number;
  /** Rows that recorded something new (in a dry run: that would). */
  imported: number;
  /** Rows already imported by an earlier run (nothing recorded again). */
  unchanged: number;
  /** Rows refused; nothing of them was recorded. */
  failed: number;
  dryRun: boolean;
  /** Global position of the last event written, to wait for the view; undefined when none. */
  lastPosition: bigint | undefined;
  /** Every refused row with its reason (at most the first 1,000). */
  errors: RowError[];
}

export interface ImportOptions {
  encoding?: CsvEncoding;
  /** Validate every row, record nothing. */
  dryRun?: boolean;
  /** Called as rows are processed (every `progressEvery` rows and at the end). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  actor?: string;
}

const MAX_ERRORS = 1000;

/**
 * Imports a CSV file of one kind. The header must name every required column and nothing unknown
 * (else the whole file is refused); each row is checked, refused rows are reported by line and
 * skipped, good rows run their commands in file order. Re-running a file records nothing twice:
 * each row's command id is derived from its content, except personal data (a customer's row is
 * recognised by its id, branch and day).
 */
export const importCsv = async (
  commands: ImportCommands,
  kind: ImportKind,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> => {
  const definition = KINDS[kind];
  const { text, encoding } = decodeCsv(bytes, options.encoding ?? 'AUTO');
  const [header, ...records] = parseCsv(text);
  if (!header) throw validationError('The file is empty: it needs a header line and rows');
  const columns = header.fields.map((c) => c.trim());
  const allowed = new Set([...definition.required, ...definition.optional]);
  const unknown = columns.filter((c) => !allowed.has(c));
  const missing = definition.required.filter((c) => !columns.includes(c));
  const duplicated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (unknown.length || missing.length || duplicated.length) {
    throw validationError(
      [
        `The header of a ${kind} file must have the columns ${definition.required.join(', ')}${definition.optional.length ? ` (optionally ${definition.optional.join(', ')})` : ''}`,
        missing.length ? `missing: ${missing.join(', ')}` : '',
        unknown.length ? `unknown: ${unknown.join(', ')}` : '',
        duplicated.length ? `repeated: ${duplicated.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
      { missing, unknown, duplicated },
    );
  }

  const report: ImportReport = {
    kind,
    encoding,
    rows: records.length,
    imported: 0,
    unchanged: 0,
    failed: 0,
    dryRun: options.dryRun ?? false,
    lastPosition: undefined,
    errors: [],
  };
  const fail = (line: number, key: string | null, message: string) => {
    report.failed++;
    if (report.errors.length < MAX_ERRORS) report.errors.push({ line, key, message });
  };
  const seen = new Map<string, number>();
  /** Keys of the rows above that passed (in a dry run: would have been recorded). */
  const earlierKeys = new Set<string>();
  const every = options.progressEvery ?? 500;
  for (const [index, record] of records.entries()) {
    const row = Object.fromEntries(columns.map((c, i) => [c, record.fields[i]?.trim() || null]));
    const key = row[definition.key] ?? null;
    try {
      if (record.fields.length !== columns.length)
        throw validationError(`has ${record.fields.length} fields; the header has ${columns.length}`);
      if (key !== null && seen.has(key)) throw validationError(`${definition.key} ${key} already appears on line ${seen.get(key)}`);
      if (key !== null) seen.set(key, record.line);
      const input = definition.toInput(row);
      const parsed = definition.schema.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '));
      // A dry run asks the domain too (with nothing recorded), unless the row builds on an earlier one.
      if (!(report.dryRun && definition.buildsOnEarlierRow?.(input, earlierKeys))) {
        // The row's content tells a changed row from a re-run one, personal data left out.
        const personal = new Set(definition.personal ?? []);
        const recognisable = Object.fromEntries(Object.entries(input).filter(([column]) => !personal.has(column)));
        const digest = createHash('sha256').update(JSON.stringify(recognisable)).digest('base64url').slice(0, 22);
        const context = (suffix: string): CommandContext => ({
          actor: options.actor ?? 'csv-import',
          commandId: `csv:${kind}:${key}:${digest}${suffix}`,
          ...(report.dryRun ? { dryRun: true } : {}),
        });
        const results = await definition.run(commands, input, context);
        for (const r of results)
          if (r.position !== undefined && (report.lastPosition === undefined || r.position > report.lastPosition))
            report.lastPosition = r.position;
        if (results.some((r) => !r.repeated)) report.imported++;
        else report.unchanged++;
      } else report.imported++;
      if (key !== null) earlierKeys.add(key);
    } catch (e) {
      if (isDomainError(e)) fail(record.line, key, e.message);
      else if (e instanceof ConcurrencyConflictError) fail(record.line, key, e.message);
      else throw e;
    }
    if ((index + 1) % every === 0 || index + 1 === records.length) options.onProgress?.(index + 1, records.length);
  }
  return report;
};
