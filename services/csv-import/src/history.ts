import {
  idSchema,
  instantSchema,
  isDomainError,
  localDateSchema,
  nonEmptyText,
  TOWN_HALL_FORMATS,
  validationError,
  VIEWER_KINDS,
} from '@hub/events';
import { ConcurrencyConflictError, type CommandContext } from '@hub/event-store';
import { z } from 'zod';
import { parseCsv } from './csv';
import { decodeCsv, type CsvEncoding } from './decode';
import type { RowError } from './importCsv';

/*
 * History import: years of what already happened (café sessions with invitees and attendees, town
 * halls, branch visits and campaigns, video messages and views, contracts and customer visits,
 * PRIDE weeks, e-mail letters with their recipients and opens) from one file, CSV or JSON Lines, each record with a `type`. Records of one
 * aggregate are gathered and recorded in one command (one append per session with all its
 * events), so a story of thousands of operations loads in seconds, and every command id is derived
 * from the record's stable key (ids only, never personal data): a re-run records nothing twice.
 */

type Result = { repeated: boolean; position?: bigint | undefined; stepsRepeated?: number | undefined };
type Command = (input: unknown, context: CommandContext) => Promise<Result>;

/** The commands a history import calls: in-process services or their HTTP clients. */
export interface HistoryCommands {
  cafeSessions: { recordSession: Command };
  townHalls: { recordTownHall: Command };
  branchVisits: { launchCampaign: Command; recordVisit: Command };
  videoMessages: { publish: Command; recordView: Command };
  customerSmile: { recordContractHistory: Command };
  pride: { reportWeeks: Command };
  emailLetters: { send: Command; recordOpen: Command };
}

export const HISTORY_FORMATS = ['AUTO', 'CSV', 'JSONL'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/* Cells arrive as text (CSV) or as JSON values (JSON Lines): both are read by the same schemas. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[;|]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );
const int = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'must be a whole number' }).int('must be a whole number'),
);
const TRUE = new Set(['true', 'yes', 'y', '1', '예']);
const FALSE = new Set(['false', 'no', 'n', '0', '아니오']);
const bool = z.preprocess(
  (v) => (typeof v === 'string' ? (TRUE.has(v.toLowerCase()) ? true : FALSE.has(v.toLowerCase()) ? false : v) : v),
  z.boolean(),
);
const upper = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(values));
const at = instantSchema.optional();

/** Every record type and its fields; `occurredAt` is business time where the data has no date of its own. */
const RECORDS = {
  cafe_session: z.object({
    sessionId: idSchema,
    scheduledAt: instantSchema,
    venue: nonEmptyText(200),
    hostIds: list(idSchema),
    capacity: int.optional(),
    occurredAt: at,
  }),
  cafe_invitation: z.object({ sessionId: idSchema, employeeId: idSchema, occurredAt: at }),
  cafe_attendance: z.object({ sessionId: idSchema, employeeId: idSchema, occurredAt: at }),
  cafe_question: z.object({
    sessionId: idSchema,
    questionId: idSchema,
    topic: nonEmptyText(100),
    text: nonEmptyText(2000),
    anonymous: bool.optional(),
    askedBy: idSchema.optional(),
    raisedAt: at,
    answeredBy: idSchema.optional(),
    answer: nonEmptyText(4000).optional(),
    answerMode: upper(['LIVE', 'FOLLOWED_UP'] as const).optional(),
    answeredAt: at,
  }),
  town_hall: z.object({
    townHallId: idSchema,
    scheduledAt: instantSchema,
    format: upper(TOWN_HALL_FORMATS),
    theme: nonEmptyText(200),
    venue: nonEmptyText(200),
    presenterIds: list(idSchema),
    occurredAt: at,
  }),
  town_hall_attendance: z.object({ townHallId: idSchema, employeeId: idSchema, occurredAt: at }),
  town_hall_head_count: z.object({ townHallId: idSchema, orgUnitId: idSchema, headCount: int }),
  campaign: z.object({
    campaignId: idSchema,
    name: nonEmptyText(200),
    purpose: nonEmptyText(500),
    targetBranchIds: list(idSchema),
    deadline: localDateSchema,
    occurredAt: at,
  }),
  branch_visit: z.object({
    visitId: idSchema,
    branchId: idSchema,
    leaderIds: list(idSchema).optional(),
    visitedAt: instantSchema,
    purpose: nonEmptyText(500),
    campaignId: idSchema.optional(),
    fcIds: list(idSchema).optional(),
    gift: nonEmptyText(200).optional(),
  }),
  video: z.object({
    videoId: idSchema,
    authorId: idSchema,
    title: nonEmptyText(200),
    durationSeconds: int,
    audience: list(upper(VIEWER_KINDS)),
    publishedAt: instantSchema,
  }),
  video_view: z.object({
    videoId: idSchema,
    viewId: idSchema.optional(),
    viewerKind: upper(VIEWER_KINDS),
    viewerId: idSchema,
    secondsWatched: int,
    viewedAt: instantSchema,
  }),
  contract: z.object({ contractId: idSchema, customerId: idSchema, fcId: idSchema, product: nonEmptyText(200), signedOn: localDateSchema }),
  customer_visit: z.object({
    visitId: idSchema,
    contractId: idSchema,
    fcId: idSchema,
    leaderIds: list(idSchema).optional(),
    visitedAt: instantSchema,
    topics: list(nonEmptyText(200)),
    rating: int.optional(),
    comment: nonEmptyText(2000).optional(),
  }),
  pride_week: z.object({ fcId: idSchema, weekOf: localDateSchema, customerVisits: int, calls: int, contracts: int }),
  letter: z.object({
    letterId: idSchema,
    authorId: idSchema,
    subject: nonEmptyText(200),
    audience: list(upper(VIEWER_KINDS)),
    orgUnitIds: list(idSchema).optional(),
    branchIds: list(idSchema).optional(),
    sentAt: instantSchema,
  }),
  letter_recipient: z.object({ letterId: idSchema, readerKind: upper(VIEWER_KINDS), readerId: idSchema, delivered: bool.optional() }),
  letter_open: z.object({ letterId: idSchema, readerKind: upper(VIEWER_KINDS), readerId: idSchema, openedAt: instantSchema }),
} as const;

export type HistoryRecordType = keyof typeof RECORDS;
export const HISTORY_RECORD_TYPES = Object.keys(RECORDS) as HistoryRecordType[];
type Rec<T extends HistoryRecordType> = z.infer<(typeof RECORDS)[T]>;
type Parsed = { [T in HistoryRecordType]: { type: T; line: number; data: Rec<T> } }[HistoryRecordType];

export interface HistoryReport {
  format: 'CSV' | 'JSONL';
  /** Text encoding of a CSV file; JSON Lines are UTF-8. */
  encoding: Exclude<CsvEncoding, 'AUTO'>;
  /** Records in the file. */
  records: number;
  /** Records that recorded something new (in a dry run: that would). */
  imported: number;
  /** Records an earlier run had already imported (nothing recorded again). */
  unchanged: number;
  /** Records refused; nothing of them was recorded. */
  failed: number;
  /** Commands run: one per aggregate (a whole café session is one). */
  commands: number;
  dryRun: boolean;
  lastPosition: bigint | undefined;
  /** Refused records by line (the first 1,000). */
  errors: RowError[];
}

export interface HistoryProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface HistoryImportOptions {
  format?: HistoryFormat;
  encoding?: CsvEncoding;
  /** Check every record against the store as a real run would, record nothing. */
  dryRun?: boolean;
  actor?: string;
  /** Commands in flight at once, across different aggregates (records of one aggregate run in order). */
  concurrency?: number;
  onProgress?: (progress: HistoryProgress) => void;
  /** Time source for progress (tests). */
  clock?: () => number;
}

const MAX_ERRORS = 1000;

/** "cafe-session", "CafeSession", "cafe_session" all name the same record type. */
const typeName = (raw: unknown) =>
  typeof raw === 'string'
    ? raw
        .trim()
        .replace(/([a-z])([A-Z])/g, '$1_$2')
        .replace(/-/g, '_')
        .toLowerCase()
    : '';

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');

/** The file's records as plain objects with their line numbers; JSON Lines when it starts with "{". */
const readRecords = (bytes: Uint8Array, options: HistoryImportOptions) => {
  const { text, encoding } = decodeCsv(bytes, options.encoding ?? 'AUTO');
  const format = options.format && options.format !== 'AUTO' ? options.format : text.trimStart().startsWith('{') ? 'JSONL' : 'CSV';
  const records: { line: number; raw: Record<string, unknown> | string }[] = [];
  if (format === 'JSONL') {
    text.split(/\r?\n/).forEach((lineText, i) => {
      if (lineText.trim() === '') return;
      try {
        const value: unknown = JSON.parse(lineText);
        records.push({
          line: i + 1,
          raw: value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : 'is not a JSON object',
        });
      } catch {
        records.push({ line: i + 1, raw: 'is not valid JSON' });
      }
    });
  } else {
    const [header, ...rows] = parseCsv(text);
    if (!header) throw validationError('The file is empty: it needs a header line (with a "type" column) and rows');
    const columns = header.fields.map((c) => c.trim());
    if (!columns.includes('type'))
      throw validationError('The header of a history CSV must have a "type" column (cafe_session, cafe_attendance, …)');
    for (const row of rows) {
      if (row.fields.length !== columns.length) {
        records.push({ line: row.line, raw: `has ${row.fields.length} fields; the header has ${columns.length}` });
        continue;
      }
      // Empty cells are absent: one wide file holds every record type, each using its own columns.
      records.push({
        line: row.line,
        raw: Object.fromEntries(columns.flatMap((c, i) => (row.fields[i]?.trim() ? [[c, row.fields[i]!.trim()]] : []))),
      });
    }
  }
  return { format: format as 'CSV' | 'JSONL', encoding: format === 'JSONL' ? ('UTF8' as const) : encoding, records };
};

/** One command for one aggregate, with the records it covers. */
interface Job {
  /** Records of one stream run in order: jobs of the same lane never run at once. */
  lane: string;
  lines: number[];
  key: string;
  run: (context: CommandContext) => Promise<Result>;
  /** In a dry run, a job whose parent (campaign, video) the file itself defines is checked for shape only. */
  needsParentFromFile?: boolean;
}

const limit = async <T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
};

/**
 * Imports a history file. Records are checked first (a bad one is reported by line and skipped);
 * then campaigns, sessions, town halls, videos, letters with their recipients, contracts with their
 * visits and PRIDE weeks are recorded, then what depends on them (branch visits, views, opens). A session, town hall, contract or
 * FC's weeks is all or nothing: one refused record refuses its aggregate, reported on each line.
 */
export const importHistory = async (
  commands: HistoryCommands,
  bytes: Uint8Array,
  options: HistoryImportOptions = {},
): Promise<HistoryReport> => {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const { format, encoding, records } = readRecords(bytes, options);
  const dryRun = options.dryRun ?? false;
  const report: HistoryReport = {
    format,
    encoding,
    records: records.length,
    imported: 0,
    unchanged: 0,
    failed: 0,
    commands: 0,
    dryRun,
    lastPosition: undefined,
    errors: [],
  };
  const fail = (line: number, key: string | null, message: string) => {
    report.failed++;
    if (report.errors.length < MAX_ERRORS) report.errors.push({ line, key, message });
  };

  // 1. Every record checked on its own.
  const parsed: Parsed[] = [];
  for (const { line, raw } of records) {
    if (typeof raw === 'string') {
      fail(line, null, raw);
      continue;
    }
    const type = typeName(raw.type) as HistoryRecordType;
    const schema = RECORDS[type] as z.ZodType | undefined;
    if (!schema) {
      fail(line, null, `type ${JSON.stringify(raw.type ?? null)} is not one of ${HISTORY_RECORD_TYPES.join(', ')}`);
      continue;
    }
    const { type: _type, ...fields } = raw;
    const result = schema.safeParse(fields);
    if (!result.success) fail(line, null, `${type}: ${issues(result.error)}`);
    else parsed.push({ type, line, data: result.data } as Parsed);
  }

  // 2. Records gathered per aggregate; keys repeated in the file are refused.
  const of = <T extends HistoryRecordType>(type: T) => parsed.filter((p) => p.type === type) as Extract<Parsed, { type: T }>[];
  const unique = <R extends Parsed>(rows: R[], key: (d: R['data']) => string) => {
    const seen = new Map<string, number>();
    return rows.filter((p) => {
      const k = key(p.data);
      const first = seen.get(k);
      if (first !== undefined) {
        fail(p.line, k, `${p.type} ${k} already appears on line ${first}`);
        return false;
      }
      seen.set(k, p.line);
      return true;
    });
  };
  const byKey = <R extends Parsed>(rows: R[], key: (d: R['data']) => string) => {
    const groups = new Map<string, R[]>();
    for (const p of rows) groups.set(key(p.data), [...(groups.get(key(p.data)) ?? []), p]);
    return groups;
  };

  const first: Job[] = [];
  const second: Job[] = [];

  const sessions = unique(of('cafe_session'), (d) => d.sessionId);
  const invitations = byKey(of('cafe_invitation'), (d) => d.sessionId);
  const attendance = byKey(of('cafe_attendance'), (d) => d.sessionId);
  const questions = byKey(of('cafe_question'), (d) => d.sessionId);
  for (const s of sessions) {
    const id = s.data.sessionId;
    const inv = invitations.get(id) ?? [];
    const att = attendance.get(id) ?? [];
    const qs = questions.get(id) ?? [];
    [invitations, attendance, questions].forEach((m) => m.delete(id));
    const { occurredAt, ...session } = s.data;
    first.push({
      lane: `cafe:${id}`,
      key: id,
      lines: [s, ...inv, ...att, ...qs].map((r) => r.line),
      run: (ctx) =>
        commands.cafeSessions.recordSession(
          {
            ...session,
            invitations: inv.map((r) => ({ employeeId: r.data.employeeId, occurredAt: r.data.occurredAt })),
            attendance: att.map((r) => ({ employeeId: r.data.employeeId, occurredAt: r.data.occurredAt })),
            questions: qs.map(({ data: { answeredBy, answer, answerMode, answeredAt, sessionId: _s, ...q } }) => ({
              ...q,
              answer: answeredBy && answer ? { answeredBy, answer, mode: answerMode ?? 'LIVE', answeredAt } : null,
            })),
          },
          // History is explicit: a session that took place is recorded as scheduled when the file
          // says, or at its own time; one still ahead is simply scheduled.
          { ...ctx, ...historyTime(occurredAt, session.scheduledAt, clock) },
        ),
    });
  }
  for (const orphans of [invitations, attendance, questions]) {
    for (const [id, rows] of orphans)
      for (const r of rows) fail(r.line, id, `${r.type}: no cafe_session ${id} in this file (a session is imported whole)`);
  }

  const townHalls = unique(of('town_hall'), (d) => d.townHallId);
  const thAttendance = byKey(of('town_hall_attendance'), (d) => d.townHallId);
  const headCounts = byKey(of('town_hall_head_count'), (d) => d.townHallId);
  for (const t of townHalls) {
    const id = t.data.townHallId;
    const att = thAttendance.get(id) ?? [];
    const counts = headCounts.get(id) ?? [];
    thAttendance.delete(id);
    headCounts.delete(id);
    const { occurredAt, ...townHall } = t.data;
    first.push({
      lane: `town-hall:${id}`,
      key: id,
      lines: [t, ...att, ...counts].map((r) => r.line),
      run: (ctx) =>
        commands.townHalls.recordTownHall(
          {
            ...townHall,
            attendance: att.map((r) => ({ employeeId: r.data.employeeId, occurredAt: r.data.occurredAt })),
            headCounts: counts.map((r) => ({ orgUnitId: r.data.orgUnitId, headCount: r.data.headCount })),
          },
          { ...ctx, ...historyTime(occurredAt, townHall.scheduledAt, clock) },
        ),
    });
  }
  for (const orphans of [thAttendance, headCounts]) {
    for (const [id, rows] of orphans)
      for (const r of rows) fail(r.line, id, `${r.type}: no town_hall ${id} in this file (a town hall is imported whole)`);
  }

  const campaigns = unique(of('campaign'), (d) => d.campaignId);
  for (const c of campaigns) {
    const { occurredAt, ...campaign } = c.data;
    first.push({
      lane: `campaign:${campaign.campaignId}`,
      key: campaign.campaignId,
      lines: [c.line],
      run: (ctx) => commands.branchVisits.launchCampaign(campaign, { ...ctx, ...(occurredAt ? { occurredAt } : {}) }),
    });
  }
  const videos = unique(of('video'), (d) => d.videoId);
  for (const v of videos)
    first.push({
      lane: `video:${v.data.videoId}`,
      key: v.data.videoId,
      lines: [v.line],
      run: (ctx) => commands.videoMessages.publish(v.data, ctx),
    });
  // A contract and its visits are one aggregate (one stream): one append, each record idempotent on
  // its own (a step id), so a later file with more visits records only the new ones.
  const contracts = new Map(unique(of('contract'), (d) => d.contractId).map((c) => [c.data.contractId, c]));
  const contractVisits = byKey(
    unique(of('customer_visit'), (d) => d.visitId),
    (d) => d.contractId,
  );
  for (const contractId of new Set([...contracts.keys(), ...contractVisits.keys()])) {
    const contract = contracts.get(contractId);
    const visits = contractVisits.get(contractId) ?? [];
    first.push({
      lane: `contract:${contractId}`,
      key: contractId,
      lines: [...(contract ? [contract.line] : []), ...visits.map((v) => v.line)],
      run: (ctx) =>
        commands.customerSmile.recordContractHistory(
          {
            contractId,
            contract: contract ? { ...contract.data, stepId: `history:contract:${contractId}` } : null,
            visits: visits.map(({ data: { rating, comment, contractId: _c, ...visit } }) => ({
              ...visit,
              feedback: rating !== undefined || comment !== undefined ? { rating, comment } : null,
              stepId: `history:customer-visit:${visit.visitId}`,
            })),
          },
          withoutCommandId(ctx),
        ),
    });
  }
  // An FC's weeks are one aggregate too.
  for (const [fcId, weeks] of byKey(
    unique(of('pride_week'), (d) => `${d.fcId}:${d.weekOf}`),
    (d) => d.fcId,
  )) {
    first.push({
      lane: `fc-activity:${fcId}`,
      key: fcId,
      lines: weeks.map((w) => w.line),
      run: (ctx) =>
        commands.pride.reportWeeks(
          {
            fcId,
            weeks: weeks.map(({ data: { fcId: _f, ...week } }) => ({ ...week, stepId: `history:pride-week:${fcId}:${week.weekOf}` })),
          },
          withoutCommandId(ctx),
        ),
    });
  }

  // A letter and everyone it was sent to are one command: the recipients are part of the letter.
  const letters = unique(of('letter'), (d) => d.letterId);
  const recipients = byKey(
    unique(of('letter_recipient'), (d) => `${d.letterId}:${d.readerKind}:${d.readerId}`),
    (d) => d.letterId,
  );
  for (const l of letters) {
    const id = l.data.letterId;
    const to = recipients.get(id) ?? [];
    recipients.delete(id);
    first.push({
      lane: `letter:${id}`,
      key: id,
      lines: [l, ...to].map((r) => r.line),
      run: (ctx) =>
        commands.emailLetters.send(
          { ...l.data, recipients: to.map(({ data: { letterId: _l, ...r } }) => ({ ...r, delivered: r.delivered ?? true })) },
          ctx,
        ),
    });
  }
  for (const [id, rows] of recipients)
    for (const r of rows) fail(r.line, id, `letter_recipient: no letter ${id} in this file (a letter is imported with its recipients)`);

  const campaignIds = new Set(campaigns.map((c) => c.data.campaignId));
  const videoIds = new Set(videos.map((v) => v.data.videoId));
  for (const v of unique(of('branch_visit'), (d) => d.visitId)) {
    second.push({
      lane: `branch-visit:${v.data.visitId}`,
      key: v.data.visitId,
      lines: [v.line],
      needsParentFromFile: v.data.campaignId !== undefined && campaignIds.has(v.data.campaignId),
      run: (ctx) => commands.branchVisits.recordVisit(v.data, ctx),
    });
  }
  for (const v of unique(of('video_view'), (d) => d.viewId ?? `${d.videoId}:${d.viewerKind}:${d.viewerId}:${d.viewedAt}`)) {
    const viewId = v.data.viewId ?? `${v.data.videoId}-${v.data.viewerKind}-${v.data.viewerId}-${Date.parse(v.data.viewedAt)}`.slice(0, 64);
    second.push({
      lane: `video-views:${v.data.videoId}:${v.data.viewerKind}:${v.data.viewerId}`,
      key: viewId,
      lines: [v.line],
      needsParentFromFile: videoIds.has(v.data.videoId),
      run: (ctx) => commands.videoMessages.recordView({ ...v.data, viewId }, ctx),
    });
  }

  const letterIds = new Set(letters.map((l) => l.data.letterId));
  for (const o of unique(of('letter_open'), (d) => `${d.letterId}:${d.readerKind}:${d.readerId}`)) {
    second.push({
      lane: `letter-open:${o.data.letterId}:${o.data.readerKind}:${o.data.readerId}`,
      key: `${o.data.letterId}:${o.data.readerKind}:${o.data.readerId}`,
      lines: [o.line],
      needsParentFromFile: letterIds.has(o.data.letterId),
      run: (ctx) => commands.emailLetters.recordOpen(o.data, ctx),
    });
  }

  // 3. Recorded: aggregates in parallel, records of one stream in file order.
  const total = first.reduce((n, j) => n + j.lines.length, 0) + second.reduce((n, j) => n + j.lines.length, 0);
  let done = 0;
  let lastReport = 0;
  const progress = (force = false) => {
    const now = clock();
    if (force || now - lastReport >= 250) {
      lastReport = now;
      options.onProgress?.({ done, total, elapsedMs: now - started });
    }
  };
  const runPhase = async (jobs: Job[]) => {
    const lanes = new Map<string, Job[]>();
    for (const j of jobs) lanes.set(j.lane, [...(lanes.get(j.lane) ?? []), j]);
    await limit([...lanes.values()], options.concurrency ?? 8, async (lane) => {
      for (const job of lane) {
        const context: CommandContext = {
          actor: options.actor ?? 'history-import',
          commandId: `history:${job.lane}:${job.key}`,
          ...(dryRun ? { dryRun } : {}),
        };
        try {
          if (!(dryRun && job.needsParentFromFile)) {
            const result = await job.run(context);
            report.commands++;
            if (result.position !== undefined && (report.lastPosition === undefined || result.position > report.lastPosition))
              report.lastPosition = result.position;
            // Records of a batch with their own step ids count one by one (one line, one step).
            const repeated = result.repeated ? job.lines.length : Math.min(result.stepsRepeated ?? 0, job.lines.length);
            report.unchanged += repeated;
            report.imported += job.lines.length - repeated;
          } else report.imported += job.lines.length;
        } catch (e) {
          if (!isDomainError(e) && !(e instanceof ConcurrencyConflictError)) throw e;
          for (const line of job.lines) fail(line, job.key, e.message);
        }
        done += job.lines.length;
        progress();
      }
    });
  };
  await runPhase(first);
  await runPhase(second);
  progress(true);
  report.errors.sort((a, b) => a.line - b.line);
  return report;
};

/** Batches whose records carry their own step ids: no batch-wide id, so a grown batch is not taken for a repeat. */
const withoutCommandId = ({ commandId: _id, ...context }: CommandContext): CommandContext => context;

/**
 * Business time of scheduling in a history file: the record's occurredAt, else (for a session
 * that already took place) its own time; a session still ahead is scheduled now, as usual.
 */
const historyTime = (occurredAt: string | undefined, scheduledAt: string, clock: () => number): { occurredAt?: string } => {
  if (occurredAt) return { occurredAt };
  return Date.parse(scheduledAt) <= clock() ? { occurredAt: scheduledAt } : {};
};

/** "12.3 k/s, ETA 4 s": a progress line for a terminal. */
export const formatProgress = ({ done, total, elapsedMs }: HistoryProgress) => {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
  const width = 24;
  const filled = total > 0 ? Math.round((width * done) / total) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} records, ${rate.toFixed(0)}/s, ETA ${eta === null ? '?' : `${eta} s`}`;
};
