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
import { APPEND_LOCK_KEY, EVENT_STORE_SCHEMA, MIGRATION_LOCK_KEY } from './schema';

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

/** A repeated append (every id already stored, in this stream) succeeds without writing anything. */
const findRepeatedAppend = async (tx: SqlExecutor, streamName: string, events: EventToAppend[]): Promise<AppendResult | undefined> => {
  const ids = events.map((e) => e.id);
  const existing = await tx.query<{ event_id: string; stream_name: string; stream_revision: string; position: string }>(
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

/**
 * The SQL adapter: PostgreSQL through either driver (pg or PGlite), same SQL.
 * Appends are serialised by a transaction-scoped advisory lock so that positions become visible
 * in the order they were assigned — see README.md in this folder.
 */
export const createSqlEventStore = async (
  db: SqlDriver,
  options: { pollIntervalMs?: number; ownsDriver?: boolean } = {},
): Promise<EventStore> => {
  await migrateEventStore(db);
  const signal = createChangeSignal();
  const subscriptions = new Set<Subscription>();

  const readAll = async ({ after, limit = 1000 }: ReadAllOptions = {}) => {
    const rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM hub_events.events WHERE position > $1 ORDER BY position LIMIT $2`, [
      (after ?? -1n).toString(),
      limit,
    ]);
    return rows.map(toRecorded);
  };

  return {
    async append(streamName, events, { expectedRevision = 'any' } = {}) {
      assertAppendable(streamName, events);
      const result = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
        const repeated = await findRepeatedAppend(tx, streamName, events);
        if (repeated) return repeated;
        const [head] = await tx.query<{ revision: string | null }>(
          'SELECT max(stream_revision)::text AS revision FROM hub_events.events WHERE stream_name = $1',
          [streamName],
        );
        const current = head?.revision == null ? undefined : BigInt(head.revision);
        checkExpected(streamName, expectedRevision, current);
        const first = current === undefined ? 0n : current + 1n;
        const params: unknown[] = [];
        const values = events.map((e, i) => {
          params.push(e.id, streamName, (first + BigInt(i)).toString(), e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
          const n = i * 6;
          return `($${n + 1}::uuid, $${n + 2}, $${n + 3}::bigint, $${n + 4}, $${n + 5}::jsonb, $${n + 6}::jsonb)`;
        });
        const inserted = await tx.query<{ position: string }>(
          `INSERT INTO hub_events.events (event_id, stream_name, stream_revision, type, data, metadata)
           VALUES ${values.join(', ')} RETURNING position::text AS position`,
          params,
        );
        const positions = inserted.map((r) => BigInt(r.position));
        return {
          nextExpectedRevision: first + BigInt(events.length - 1),
          position: positions.reduce((a, b) => (a > b ? a : b)),
        };
      });
      signal.notify();
      return result;
    },

    async readStream(streamName) {
      const rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM hub_events.events WHERE stream_name = $1 ORDER BY stream_revision`, [
        streamName,
      ]);
      return rows.map(toRecorded);
    },

    readAll,

    async headPosition() {
      const [row] = await db.query<{ head: string | null }>('SELECT max(position)::text AS head FROM hub_events.events');
      return row?.head == null ? undefined : BigInt(row.head);
    },

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
