import {
  ANY,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { IdempotencyMismatchError, WrongExpectedRevisionError } from '@hub/event-store';
import type { EventMetadata, EventStore, ReadAllOptions, RecordedEvent, Subscription } from '@hub/event-store';
import { assertAppendable, catchUpSubscription, createChangeSignal } from '@hub/event-store/adapter';

/*
 * The EventStoreDB / KurrentDB adapter. Global position: the event's prepare position, which is
 * unique per event and increases along the transaction log; reading resumes from it and skips what
 * is not strictly after. Not exercised on machines without EVENTSTORE_URL or a Docker engine — the
 * conformance suite says so when it skips.
 */

const toRecorded = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const e = resolved.event;
  if (!e || !e.isJson || e.type.startsWith('$') || e.streamId.startsWith('$')) return undefined;
  const position = e.position?.prepare ?? -1n;
  return {
    id: e.id,
    streamName: e.streamId,
    streamRevision: e.revision,
    position,
    type: e.type,
    data: e.data,
    metadata: e.metadata as unknown as EventMetadata,
    recordedAt: new Date(e.created).toISOString(),
  };
};

export const createEsdbEventStore = (connectionString: string, options: { pollIntervalMs?: number } = {}): EventStore => {
  const client = EventStoreDBClient.connectionString(connectionString);
  const signal = createChangeSignal();
  const subscriptions = new Set<Subscription>();

  const readStream = async (streamName: string) => {
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of client.readStream(streamName, { direction: FORWARDS, fromRevision: START })) {
        const r = toRecorded(resolved);
        if (r) out.push(r);
      }
    } catch (e) {
      if (e instanceof StreamNotFoundError) return [];
      throw e;
    }
    return out;
  };

  const readAll = async ({ after, limit = 1000 }: ReadAllOptions = {}) => {
    const out: RecordedEvent[] = [];
    const fromPosition = after === undefined ? START : { commit: after, prepare: after };
    // System events are filtered out here, so ask for more than `limit` and stop once full.
    for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition, maxCount: BigInt(limit) * 4n })) {
      const r = toRecorded(resolved);
      if (!r || (after !== undefined && r.position <= after)) continue;
      out.push(r);
      if (out.length >= limit) break;
    }
    return out;
  };

  return {
    async append(streamName, events, { expectedRevision = 'any' } = {}) {
      assertAppendable(streamName, events);
      // The server is idempotent by event id only for a retried append at the same expected
      // revision; check first so a retry after success answers like the SQL adapter does.
      const existing = await readStream(streamName);
      const ids = new Set(events.map((e) => e.id.toLowerCase()));
      const repeated = existing.filter((e) => ids.has(e.id.toLowerCase()));
      if (repeated.length > 0) {
        if (repeated.length !== ids.size)
          throw new IdempotencyMismatchError(
            streamName,
            repeated.map((e) => e.id),
          );
        const last = repeated[repeated.length - 1]!;
        return { nextExpectedRevision: last.streamRevision, position: last.position };
      }
      try {
        const result = await client.appendToStream(
          streamName,
          events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data as never, metadata: e.metadata as never })),
          { expectedRevision: expectedRevision === 'any' ? ANY : expectedRevision === 'no_stream' ? NO_STREAM : expectedRevision },
        );
        signal.notify();
        const written = await readStream(streamName);
        const last = written.find((e) => e.streamRevision === result.nextExpectedRevision);
        return { nextExpectedRevision: result.nextExpectedRevision, position: last?.position ?? result.position?.prepare ?? -1n };
      } catch (e) {
        if (e instanceof WrongExpectedVersionError) {
          const actual = typeof e.actualVersion === 'bigint' ? e.actualVersion : undefined;
          throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);
        }
        throw e;
      }
    },
    readStream,
    readAll,
    async headPosition() {
      let head: bigint | undefined;
      for await (const resolved of client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 200 })) {
        const r = toRecorded(resolved);
        if (r) {
          head = r.position;
          break;
        }
      }
      return head;
    },
    subscribe(subscribeOptions) {
      const sub = catchUpSubscription(readAll, signal, { ...subscribeOptions, pollIntervalMs: options.pollIntervalMs ?? 200 }, () =>
        subscriptions.delete(sub),
      );
      subscriptions.add(sub);
      return sub;
    },

    async close() {
      await Promise.all([...subscriptions].map((s) => s.close()));
      await client.dispose();
    },
  };
};
