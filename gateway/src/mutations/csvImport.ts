import {
  CSV_ENCODINGS,
  HISTORY_FORMATS,
  HISTORY_RECORD_TYPES,
  IMPORT_KINDS,
  importCsv,
  importHistory,
  type HistoryReport,
  type ImportReport,
  type RowError,
} from '@hub/csv-import';
import { forbiddenByRule, validationError } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { ImportProgress } from '../importProgress';
import { ViewLaggingError } from '../viewLag';

/* CSV import through GraphQL: the file travels base64-encoded, so CP949 bytes arrive intact. */

const MAX_BYTES = 20 * 1024 * 1024;

const ImportKindEnum = builder.enumType('CsvImportKind', {
  description:
    'What a CSV file holds. Columns (header line, English names): ORG_UNITS orgUnitId,name,kind[,parentId]; EMPLOYEES employeeId,name,grade,orgUnitId,region[,title,hiredOn]; BRANCHES branchId,name,region,district,seoul[,prideSince]; FCS fcId,name,branchId,hiredOn; CUSTOMERS customerId,branchId,registeredOn,name,phone,address; CONTRACTS contractId,customerId,fcId,product,signedOn.',
  values: {
    ORG_UNITS: { description: 'Org units, parents before children.' },
    EMPLOYEES: { description: 'Employees; grade as a code (STAFF) or in Korean (사원).' },
    BRANCHES: { description: 'Branches; seoul as true/false (or Y/N, 예/아니오); prideSince enrols it in PRIDE.' },
    FCS: { description: 'FCs (설계사).' },
    CUSTOMERS: { description: 'Customers; name, phone and address go to the protected store, never into events.' },
    CONTRACTS: { description: 'Signed contracts; each makes three follow-ups due.' },
  } satisfies Record<(typeof IMPORT_KINDS)[number], { description: string }>,
});

const EncodingEnum = builder.enumType('CsvEncoding', {
  description: 'The text encoding of a CSV file.',
  values: {
    AUTO: { description: 'UTF-8 (with or without BOM) when valid, else CP949.' },
    UTF8: { description: 'UTF-8, with or without a byte-order mark.' },
    CP949: { description: 'CP949, as Korean Excel saves (a superset of EUC-KR).' },
    EUC_KR: { description: 'EUC-KR.' },
  } satisfies Record<(typeof CSV_ENCODINGS)[number], { description: string }>,
});

const RowErrorRef = builder.objectRef<RowError>('CsvRowError');
RowErrorRef.implement({
  description: 'A refused row: nothing of it was recorded.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Line in the file where the row starts (the header is line 1).' }),
    key: t.exposeString('key', { nullable: true, description: 'The row’s id, when it has one.' }),
    message: t.exposeString('message', { description: 'Why it was refused.' }),
  }),
});

const ReportRef = builder.objectRef<ImportReport>('CsvImportReport');
ReportRef.implement({
  description: 'What an import did, row by row.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ImportKindEnum, description: 'What the file held.' }),
    encoding: t.expose('encoding', { type: EncodingEnum, description: 'The encoding it was read in.' }),
    rows: t.exposeInt('rows', { description: 'Data rows in the file.' }),
    imported: t.exposeInt('imported', { description: 'Rows that recorded something new.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Rows an earlier run had already imported.' }),
    failed: t.exposeInt('failed', { description: 'Rows refused.' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Only checked; nothing recorded.' }),
    errors: t.field({ type: [RowErrorRef], description: 'The refused rows and why (the first 1,000).', resolve: (r) => r.errors }),
  }),
});

const ImportCsvInput = builder.inputType('ImportCsvInput', {
  description: 'A CSV file to import.',
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, required: true, description: 'What it holds.' }),
    contentBase64: t.string({ required: true, description: 'The file’s bytes, base64-encoded (at most 20 MB).' }),
    encoding: t.field({ type: EncodingEnum, required: false, description: 'Its encoding (default AUTO).' }),
    dryRun: t.boolean({ required: false, description: 'Check every row without recording anything.' }),
    importId: t.id({
      required: false,
      description: 'An id the client chose, to follow the rows done with the csvImportProgress subscription while the file is processed.',
    }),
  }),
});

const ImportProgressRef = builder.objectRef<ImportProgress>('CsvImportProgress');
ImportProgressRef.implement({
  description: 'How far a CSV import has got.',
  fields: (t) => ({
    id: t.exposeID('importId', { description: 'The id the client gave the import.' }),
    done: t.exposeInt('done', { description: 'Rows processed so far.' }),
    total: t.exposeInt('total', { description: 'Data rows in the file (0 until it is read).' }),
    finished: t.exposeBoolean('finished', { description: 'The import is over (its report is the mutation’s answer).' }),
  }),
});

builder.subscriptionFields((t) => ({
  csvImportProgress: t.field({
    authScopes: ACCESS.admin,
    type: ImportProgressRef,
    description:
      'Rows done of a CSV import started with this importId by the same caller, until it finishes (over SSE). Counts against the live-subscription limits.',
    args: { importId: t.arg.id({ required: true, description: 'The importId given to importCsv.' }) },
    subscribe: (_, { importId }, ctx) => {
      const id = String(importId);
      if (ctx.importProgress.ownedByOther(id, ctx.actor)) throw forbiddenByRule(`Import ${id} was started by someone else`);
      return ctx.importProgress.follow(id, ctx.actor, ctx.live.hold(ctx.liveClient), ctx.live.onClose);
    },
    resolve: (progress) => progress,
  }),
}));

builder.mutationFields((t) => ({
  importCsv: t.field({
    authScopes: ACCESS.admin,
    type: ReportRef,
    description:
      'Import a CSV file: a wrong header refuses the whole file; each bad row is reported by line and skipped; re-running a file records nothing twice.',
    args: { input: t.arg({ type: ImportCsvInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64.replace(/\s/g, ''))) throw validationError('contentBase64 is not base64');
      const bytes = Buffer.from(input.contentBase64, 'base64');
      if (bytes.length > MAX_BYTES) throw validationError(`The file is larger than ${MAX_BYTES / 1024 / 1024} MB`);
      const importId = input.importId == null ? undefined : String(input.importId);
      if (importId && ctx.importProgress.ownedByOther(importId, ctx.actor))
        throw validationError(`importId ${importId} is in use by another import`);
      const progress = importId ? ctx.importProgress.start(importId, ctx.actor) : undefined;
      let report: Awaited<ReturnType<typeof importCsv>>;
      try {
        // Reported every few rows: often enough for a bar, rarely enough to cost nothing.
        report = await importCsv(ctx.commands, input.kind, bytes, {
          encoding: input.encoding ?? 'AUTO',
          dryRun: input.dryRun ?? false,
          actor: ctx.actor,
          onProgress: progress?.update,
          progressEvery: 20,
        });
      } finally {
        progress?.finish();
      }
      // The report does not read the view: when the view lags, the report still says what was recorded.
      await ctx.waitForView(report.lastPosition).catch((e: unknown) => {
        if (!(e instanceof ViewLaggingError)) throw e;
      });
      return report;
    },
  }),
}));

/* History import: years of what already happened, in one file (CSV or JSON Lines). */

const HistoryFormatEnum = builder.enumType('HistoryFileFormat', {
  description: 'How a history file is written.',
  values: {
    AUTO: { description: 'JSON Lines when the file starts with "{", else CSV.' },
    CSV: {
      description:
        'CSV with a header line and a "type" column; each row uses the columns of its type, the rest left empty; lists separated by ";".',
    },
    JSONL: { description: 'JSON Lines: one JSON object per line, each with a "type" field.' },
  } satisfies Record<(typeof HISTORY_FORMATS)[number], { description: string }>,
});

const HistoryReportRef = builder.objectRef<HistoryReport>('HistoryImportReport');
HistoryReportRef.implement({
  description: 'What a history import did, record by record.',
  fields: (t) => ({
    format: t.exposeString('format', { description: 'CSV or JSONL.' }),
    encoding: t.expose('encoding', { type: EncodingEnum, description: 'The encoding it was read in.' }),
    records: t.exposeInt('records', { description: 'Records in the file.' }),
    imported: t.exposeInt('imported', { description: 'Records that recorded something new (in a dry run: that would).' }),
    unchanged: t.exposeInt('unchanged', { description: 'Records an earlier run had already imported.' }),
    failed: t.exposeInt('failed', { description: 'Records refused; nothing of them was recorded.' }),
    commands: t.exposeInt('commands', { description: 'Commands run: one per aggregate (a whole café session is one).' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Only checked; nothing recorded.' }),
    errors: t.field({
      type: [RowErrorRef],
      description: 'The refused records by line, and why (the first 1,000).',
      resolve: (r) => r.errors,
    }),
  }),
});

const ImportHistoryInput = builder.inputType('ImportHistoryInput', {
  description: `A history file: café sessions with invitees and attendees, town halls, campaigns and branch visits, video messages and views, contracts and customer visits, PRIDE weeks. Record types: ${HISTORY_RECORD_TYPES.join(', ')}.`,
  fields: (t) => ({
    contentBase64: t.string({ required: true, description: 'The file’s bytes, base64-encoded (at most 20 MB).' }),
    format: t.field({ type: HistoryFormatEnum, required: false, description: 'CSV or JSON Lines (default AUTO).' }),
    encoding: t.field({ type: EncodingEnum, required: false, description: 'Text encoding of a CSV (default AUTO); JSON Lines are UTF-8.' }),
    dryRun: t.boolean({ required: false, description: 'Check every record against the store without recording anything.' }),
  }),
});

builder.mutationFields((t) => ({
  importHistory: t.field({
    authScopes: ACCESS.admin,
    type: HistoryReportRef,
    description:
      'Import history (what already happened, at its own dates): one command per aggregate, a whole session in one append. A bad record is reported by line and skipped; a session or town hall is all or nothing; re-running a file records nothing twice.',
    args: { input: t.arg({ type: ImportHistoryInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64.replace(/\s/g, ''))) throw validationError('contentBase64 is not base64');
      const bytes = Buffer.from(input.contentBase64, 'base64');
      if (bytes.length > MAX_BYTES) throw validationError(`The file is larger than ${MAX_BYTES / 1024 / 1024} MB`);
      const report = await importHistory(ctx.commands, bytes, {
        format: input.format ?? 'AUTO',
        encoding: input.encoding ?? 'AUTO',
        dryRun: input.dryRun ?? false,
        actor: ctx.actor,
      });
      await ctx.waitForView(report.lastPosition).catch((e: unknown) => {
        if (!(e instanceof ViewLaggingError)) throw e;
      });
      return report;
    },
  }),
}));
