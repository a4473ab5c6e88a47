import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CSV_ENCODINGS,
  formatProgress,
  HISTORY_FORMATS,
  IMPORT_KINDS,
  importCsv,
  importHistory,
  type CsvEncoding,
  type HistoryFormat,
  type HistoryReport,
  type ImportKind,
  type ImportReport,
} from '@hub/csv-import';
import { isDomainError } from '@hub/events';
import { CSRF_HEADER } from '@hub/gateway';
import { loadConfig } from '../config';
import { createHub } from '../hub';

/*
 * `npm run import -- <kind> <file.csv> [--encoding cp949] [--dry-run] [--gateway URL]`
 * `npm run import -- history <file.csv|file.jsonl> [--format csv|jsonl] [--encoding cp949] [--dry-run] [--gateway URL]`
 * Imports into the configured store directly (stop `npm start` first when on PGlite), or through a
 * running gateway with --gateway. Prints progress on stderr and the report; exits 1 if any row failed.
 */
const USAGE = `usage: npm run import -- <history|${IMPORT_KINDS.map((k) => k.toLowerCase().replace('_', '-')).join('|')}> <file.csv> [--encoding ${CSV_ENCODINGS.join('|').toLowerCase()}] [--dry-run] [--gateway http://localhost:4000 --token <ADMIN token, or HUB_TOKEN>]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    encoding: { type: 'string' },
    format: { type: 'string' },
    'dry-run': { type: 'boolean' },
    gateway: { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean' },
  },
});
const [kindArg, file] = positionals;
const kind = kindArg?.toUpperCase().replace('-', '_') as ImportKind | undefined;
const encoding = (values.encoding ?? 'auto')
  .toUpperCase()
  .replace('-', '_')
  .replace(/^UTF_8$/, 'UTF8') as CsvEncoding;
const history = kindArg?.toLowerCase() === 'history';
const format = (values.format ?? 'auto').toUpperCase() as HistoryFormat;
if (
  values.help ||
  !kind ||
  !file ||
  !(history || IMPORT_KINDS.includes(kind)) ||
  !CSV_ENCODINGS.includes(encoding) ||
  !HISTORY_FORMATS.includes(format)
) {
  console.error(USAGE);
  process.exit(2);
}

const printHistory = (report: HistoryReport) => {
  console.log(`history from ${file} (${report.format}, ${report.encoding})${report.dryRun ? ' — dry run, nothing recorded' : ''}`);
  console.log(
    `  records: ${report.records}, imported: ${report.imported}, already imported: ${report.unchanged}, refused: ${report.failed} (${report.commands} commands)`,
  );
  for (const e of report.errors) console.log(`  line ${e.line}${e.key ? ` (${e.key})` : ''}: ${e.message}`);
  if (report.failed > report.errors.length) console.log(`  … and ${report.failed - report.errors.length} more refused records`);
};

/** History: one command per aggregate, straight into the store or through a gateway. */
const runHistory = async (bytes: Buffer) => {
  if (values.gateway) {
    const response = await fetch(new URL('/graphql', values.gateway), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: 'csv-import-cli',
        authorization: `Bearer ${values.token ?? process.env.HUB_TOKEN ?? ''}`,
      },
      body: JSON.stringify({
        query: `mutation($i: ImportHistoryInput!) { importHistory(input: $i) { format encoding records imported unchanged failed commands dryRun errors { line key message } } }`,
        variables: { i: { contentBase64: bytes.toString('base64'), format, encoding, dryRun: values['dry-run'] ?? false } },
      }),
    });
    const body = (await response.json()) as { data?: { importHistory: HistoryReport }; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    printHistory(body.data!.importHistory);
    return body.data!.importHistory.failed;
  }
  const hub = await createHub(loadConfig());
  try {
    const started = Date.now();
    const report = await importHistory(hub.commands, bytes, {
      format,
      encoding,
      dryRun: values['dry-run'] ?? false,
      actor: 'history-import-cli',
      onProgress: (p) => process.stderr.write(`\r  ${formatProgress(p)}   ${p.done === p.total ? '\n' : ''}`),
    });
    printHistory(report);
    console.log(`  in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return report.failed;
  } finally {
    await hub.close();
  }
};

const print = (report: ImportReport) => {
  console.log(`${report.kind} from ${file} (${report.encoding})${report.dryRun ? ' — dry run, nothing recorded' : ''}`);
  console.log(`  rows: ${report.rows}, imported: ${report.imported}, already imported: ${report.unchanged}, refused: ${report.failed}`);
  for (const e of report.errors) console.log(`  line ${e.line}${e.key ? ` (${e.key})` : ''}: ${e.message}`);
  if (report.failed > report.errors.length) console.log(`  … and ${report.failed - report.errors.length} more refused rows`);
};

const bytes = readFileSync(file);
try {
  if (history) {
    process.exitCode = (await runHistory(bytes)) > 0 ? 1 : 0;
  } else if (values.gateway) {
    const response = await fetch(new URL('/graphql', values.gateway), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: 'csv-import-cli',
        authorization: `Bearer ${values.token ?? process.env.HUB_TOKEN ?? ''}`,
      },
      body: JSON.stringify({
        query: `mutation($i: ImportCsvInput!) { importCsv(input: $i) { kind encoding rows imported unchanged failed dryRun errors { line key message } } }`,
        variables: { i: { kind, contentBase64: bytes.toString('base64'), encoding, dryRun: values['dry-run'] ?? false } },
      }),
    });
    const body = (await response.json()) as { data?: { importCsv: ImportReport }; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    print(body.data!.importCsv);
    process.exitCode = body.data!.importCsv.failed > 0 ? 1 : 0;
  } else {
    const hub = await createHub(loadConfig());
    try {
      const started = Date.now();
      const report = await importCsv(hub.commands, kind, bytes, {
        encoding,
        dryRun: values['dry-run'] ?? false,
        actor: 'csv-import-cli',
        progressEvery: 200,
        onProgress: (done, total) =>
          process.stderr.write(
            `\r  ${done}/${total} rows (${Math.round((100 * done) / total)}%, ${((Date.now() - started) / 1000).toFixed(1)} s)${done === total ? '\n' : ''}`,
          ),
      });
      print(report);
      process.exitCode = report.failed > 0 ? 1 : 0;
    } finally {
      await hub.close();
    }
  }
} catch (e) {
  console.error(`import refused: ${isDomainError(e) || e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
