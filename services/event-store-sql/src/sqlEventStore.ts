import type { SqlDriver, SqlExecutor } from '@hub/sql';
import { IdempotencyMismatchError, WrongExpectedRevisionError } from '@hub/event-store';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  RecordedEvent,
  Subscription,
} from '@hub/event-store';
import { assertAppendable, catchUpSubscription, createChangeSignal } from '@hub/event-store/adapter';
import { EVENT_STORE_SCHEMA, MIGRATION_LOCK_KEY } from './schema';

interface EventRow extends Record<string, unknown> {
  position: string | number | bigint;
  event_id: string;
  stream_name: string;
  stream_revision: string | number | bigint;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date | string;
}

const toRecorded = (r: EventRow): RecordedEvent => ({
  id: r.event_id,
  streamName: r.stream_name,
  streamRevision: BigInt(r.stream_revision),
  position: BigInt(r.position),
  type: r.type,
  data: r.data,
  metadata: r.metadata,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

const COLUMNS = 'position, event_id, stream_name, stream_revision, type, data, metadata, recorded_at';

export const migrateEventStore = (db: SqlDriver) =>
  db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(EVENT_STORE_SCHEMA);
  });

const checkExpected = (streamName: string, expected: ExpectedRevision, actual: bigint | undefined) => {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === undefined : actual === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamName, expected, actual);
};

const streamHead = async (db: SqlExecutor, streamName: string): Promise<bigint | undefined> => {
  const [head] = await db.query<{ revision: string | null }>(
    'SELECT max(stream_revision)::text AS revision FROM hub_events.events WHERE stream_name = $1',
    [streamName],
  );
  return head?.revision == null ? undefined : BigInt(head.revision);
};

/** A repeated append (every id already stored, in this stream) succeeds without writing anything. */
const findRepeatedAppend = async (db: SqlExecutor, streamName: string, events: EventToAppend[]): Promise<AppendResult | undefined> => {
  const ids = events.map((e) => e.id);
  const existing = await db.query<{ event_id: string; stream_name: string; stream_revision: string; position: string }>(
    'SELECT event_id, stream_name, stream_revision, position FROM hub_events.events WHERE event_id = ANY($1::uuid[])',
    [ids],
  );
  if (existing.length === 0) return undefined;
  const sameStream = existing.every((r) => r.stream_name === streamName);
  if (existing.length !== ids.length || !sameStream) {
    throw new IdempotencyMismatchError(
      streamName,
      existing.map((r) => r.event_id),
    );
  }
  const last = existing.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b));
  return { nextExpectedRevision: BigInt(last.stream_revision), position: BigInt(last.position) };
};

/** An 'any' append that keeps losing the race to the next revision gives up after this many tries. */
const MAX_APPEND_ATTEMPTS = 100;

const isUniqueViolation = (e: unknown) => e instanceof Error && (e as { code?: unknown }).code === '23505';

/** One append, one statement: schema.ts's `hub_events.append` (the lock, the head, the expected revision, the insert). */
export const appendStatement = (streamName: string, events: EventToAppend[], expected: ExpectedRevision) => ({
  sql: `SELECT head::text, last_position::text AS position
        FROM hub_events.append($1, $2, $3::bigint, $4::uuid[], $5::text[], $6::text[]::jsonb[], $7::text[]::jsonb[])`,
  params: [
    streamName,
    typeof expected === 'bigint' ? 'exact' : expected,
    typeof expected === 'bigint' ? expected.toString() : null,
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.data)),
    events.map((e) => JSON.stringify(e.metadata)),
  ],
});

/**
 * The SQL adapter: PostgreSQL through either driver (pg or PGlite), same SQL.
 * Appends run side by side; readers never pass the read fence, so no position appears below one
 * already read — see README.md in this folder.
 */
export const createSqlEventStore = async (
  db: SqlDriver,
  options: { pollIntervalMs?: number; ownsDriver?: boolean } = {},
): Promise<EventStore> => {
  await migrateEventStore(db);
  const signal = createChangeSignal();
  const subscriptions = new Set<Subscription>();

  /** The highest position below which no append can still commit (schema.ts: read_fence). */
  const fence = async () => {
    const [row] = await db.query<{ head: string | null }>('SELECT hub_events.read_fence()::text AS head');
    return row?.head == null ? undefined : BigInt(row.head);
  };

  // Never past the fence: a position beyond it may still be overtaken by a smaller one committing.
  // The bound is applied here, not in SQL: with it there the planner scans the whole range before
  // LIMIT (a catch-up would read its backlog once per page); rows past it are few.
  const readAll = async ({ after, limit = 1000 }: ReadAllOptions = {}) => {
    const head = await fence();
    if (head === undefined || (after !== undefined && head <= after)) return [];
    const rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM hub_events.events WHERE position > $1 ORDER BY position LIMIT $2`, [
      (after ?? -1n).toString(),
      limit,
    ]);
    return rows.map(toRecorded).filter((e) => e.position <= head);
  };

  return {
    async append(streamName, events, { expectedRevision = 'any' } = {}) {
      assertAppendable(streamName, events);
      const { sql, params } = appendStatement(streamName, events, expectedRevision);
      // A unique violation means another append won the race (same revision) or this one is a
      // repeat (same ids): decide which after the fact, so the usual append pays for neither check.
      for (let attempt = 1; ; attempt++) {
        try {
          const [row] = await db.query<{ head: string | null; position: string | null }>(sql, params);
          const head = row?.head == null ? undefined : BigInt(row.head);
          if (row?.position == null) {
            const repeated = await findRepeatedAppend(db, streamName, events);
            if (repeated) return repeated;
            checkExpected(streamName, expectedRevision, head);
            throw new Error(`Append to ${streamName} wrote nothing although its expected revision held`);
          }
          signal.notify();
          return { nextExpectedRevision: (head ?? -1n) + BigInt(events.length), position: BigInt(row.position) };
        } catch (e) {
          if (!isUniqueViolation(e) || attempt === MAX_APPEND_ATTEMPTS) throw e;
          const repeated = await findRepeatedAppend(db, streamName, events);
          if (repeated) return repeated;
          // 'any' takes whatever revision is next: try again on top of the winner.
          if (expectedRevision !== 'any')
            throw new WrongExpectedRevisionError(streamName, expectedRevision, await streamHead(db, streamName));
        }
      }
    },

    async readStream(streamName) {
      const rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM hub_events.events WHERE stream_name = $1 ORDER BY stream_revision`, [
        streamName,
      ]);
      return rows.map(toRecorded);
    },

    readAll,

    headPosition: fence,

    subscribe(subscribeOptions) {
      const sub = catchUpSubscription(
        readAll,
        signal,
        { ...subscribeOptions, pollIntervalMs: options.pollIntervalMs ?? (db.kind === 'pglite' ? 1000 : 200) },
        () => subscriptions.delete(sub),
      );
      subscriptions.add(sub);
      return sub;
    },

    async close() {
      await Promise.all([...subscriptions].map((s) => s.close()));
      if (options.ownsDriver) await db.close();
    },
  };
};
