import type { EventStore } from '@hub/event-store';
import type { SqlExecutor } from '@hub/sql';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { prepareBatch, type Prepared } from './batch';
import { DEFAULT_PUBLIC_URL } from './cloudEvents';
import type { FoldedEntity } from './currentState';
import { checkpointOffsets, ensureTopics, readCheckpoint } from './kafkaOps';
import { currentStateTopicsEmpty, foldStoreUpTo, stateTopicMessages } from './rebuildCurrentState';
import { topicSettings } from './topics';

/*
 * The relay: follows the event store from its checkpoint and publishes every event, in global
 * order, to its context's topic, plus the touches derived from it — exactly once.
 *
 * Exactly once: each batch is one Kafka transaction holding the batch's messages AND the relay's
 * checkpoint, committed as the offset of a consumer group (Kafka's own mechanism for
 * consume-transform-produce, KIP-98/447). Either all of it becomes visible to read_committed
 * consumers or none of it. A restarted relay first fences its predecessor (same transactional id,
 * whose open transaction the broker then aborts), then resumes from the committed checkpoint.
 */

export interface RelayOptions {
  store: EventStore;
  /** The view's database: touches are read from it once the projector has passed a batch. */
  view: SqlExecutor;
  brokers: string[];
  /** Names the transactional id and the checkpoint's group: one running relay per id. */
  relayId?: string;
  partitions?: number;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Base URL of the gateway serving the schemas: each message's `dataschema` points there (HUB_PUBLIC_URL). */
  publicUrl?: string;
  log?: (line: string) => void;
}

export interface RelayMetrics {
  /** Global position of the last event published (committed), or null before the first. */
  position: string | null;
  /** Newest position in the store (null while the store is empty or before it was first read). */
  head: string | null;
  /** True once the relay has read the store's head: until then lag is not known (health says `starting`). */
  headKnown: boolean;
  /** Events in the store not yet published. */
  lag: number;
  eventsPublished: number;
  touchesPublished: number;
  deadLettered: number;
  transactions: number;
  /** Events per second over the last minute. */
  throughput: number;
  brokerConnected: boolean;
  /** Failures so far (broker unreachable, a transaction that failed); never reset. */
  errors: number;
  /** The last failure while it is unresolved: cleared once the relay has recovered (see `recovered`). */
  lastError: string | null;
  lastErrorAt: string | null;
  /** Messages committed per topic (events, touches, dead letters). */
  publishedByTopic: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const createRelay = ({ store, view, brokers, relayId = 'hub-relay', partitions = 3, batchSize = 2000, pollIntervalMs = 200, publicUrl = DEFAULT_PUBLIC_URL, log = (l) => console.log(l) }: RelayOptions) => {
  const kafka = new Kafka({
    clientId: relayId,
    brokers,
    // A transaction begun right after a commit is refused (CONCURRENT_TRANSACTIONS) until the
    // broker has written the commit markers, a few ms: retry quickly, or each batch waits ~300 ms.
    retry: { retries: 10, initialRetryTime: 10, maxRetryTime: 2_000 },
    logLevel: logLevel.NOTHING,
  });
  const metrics: RelayMetrics = {
    position: null,
    head: null,
    headKnown: false,
    lag: 0,
    eventsPublished: 0,
    touchesPublished: 0,
    deadLettered: 0,
    transactions: 0,
    throughput: 0,
    brokerConnected: false,
    errors: 0,
    lastError: null,
    lastErrorAt: null,
    publishedByTopic: {},
  };
  const window: { at: number; events: number }[] = [];
  let producer: Producer | undefined;
  let running = false;
  let loop: Promise<void> | undefined;

  const fail = (what: string, e: unknown) => {
    metrics.errors++;
    metrics.lastError = `${what}: ${e instanceof Error ? e.message : String(e)}`;
    metrics.lastErrorAt = new Date().toISOString();
    log(`[relay] ${metrics.lastError}`);
  };

  /**
   * The relay works again after a failure: a transaction committed, or, connected, it found nothing
   * to publish. The error stays in the log and in `errors`, no longer in `lastError`.
   */
  const recovered = () => {
    if (metrics.lastError === null) return;
    log(`[relay] recovered from: ${metrics.lastError}`);
    metrics.lastError = null;
    metrics.lastErrorAt = null;
  };

  const connect = async () => {
    const p = kafka.producer({ transactionalId: relayId, idempotent: true, maxInFlightRequests: 1, transactionTimeout: 60_000 });
    await p.connect(); // fences an earlier relay with this id; the broker aborts its open transaction
    producer = p;
    metrics.brokerConnected = true;
  };

  const disconnect = async () => {
    const p = producer;
    producer = undefined;
    metrics.brokerConnected = false;
    await p?.disconnect().catch(() => undefined);
  };

  const prepare = (after: bigint | undefined) => prepareBatch({ store, view, after, batchSize, publicUrl });

  /**
   * A hub that had published before the current-state topics existed (or lost them) starts them
   * with every entity as of the checkpoint, in one transaction of its own producer — so nothing
   * older can land after it — before it publishes anything newer.
   */
  const fillCurrentState = async (checkpoint: bigint) => {
    const entities = new Map<string, FoldedEntity>();
    await foldStoreUpTo(store, entities, undefined, checkpoint);
    const { count, topicMessages } = stateTopicMessages(entities, publicUrl);
    if (count === 0) return;
    const transaction = await producer!.transaction();
    try {
      await transaction.sendBatch({ topicMessages });
      await transaction.sendOffsets(checkpointOffsets(relayId, checkpoint));
      await transaction.commit();
    } catch (e) {
      await transaction.abort().catch(() => undefined);
      throw e;
    }
    for (const { topic, messages } of topicMessages) metrics.publishedByTopic[topic] = (metrics.publishedByTopic[topic] ?? 0) + messages.length;
    log(`[relay] filled the empty current-state topics: ${count} states as of position ${checkpoint}`);
  };

  /** One batch, one transaction: its messages and the checkpoint, visible together or not at all. */
  const commit = async (prepared: Prepared) => {
    const transaction = await producer!.transaction();
    try {
      await transaction.sendBatch({ topicMessages: prepared.topicMessages });
      await transaction.sendOffsets(checkpointOffsets(relayId, prepared.last));
      await transaction.commit();
    } catch (e) {
      await transaction.abort().catch(() => undefined);
      throw e;
    }
    metrics.transactions++;
    metrics.eventsPublished += prepared.events - prepared.dead;
    metrics.deadLettered += prepared.dead;
    metrics.touchesPublished += prepared.touches;
    metrics.position = prepared.last.toString();
    for (const { topic, messages } of prepared.topicMessages) metrics.publishedByTopic[topic] = (metrics.publishedByTopic[topic] ?? 0) + messages.length;
    recovered();
    window.push({ at: Date.now(), events: prepared.events });
  };

  let refreshedAt = 0;
  const refreshMetrics = async (force = false) => {
    if (!force && Date.now() - refreshedAt < 1_000) return;
    refreshedAt = Date.now();
    const head = await store.headPosition();
    metrics.head = head?.toString() ?? null;
    metrics.headKnown = true;
    metrics.lag = head === undefined ? 0 : Number(head - BigInt(metrics.position ?? '-1'));
    const since = Date.now() - 60_000;
    while (window.length && window[0]!.at < since) window.shift();
    metrics.throughput = window.reduce((n, w) => n + w.events, 0) / 60;
  };

  const run = async () => {
    let backoff = 500;
    let after: bigint | undefined;
    let ready = false;
    // The next batch is read and mapped while the current transaction commits.
    let next: Promise<Prepared | undefined> | undefined;
    while (running) {
      try {
        if (!ready) {
          await ensureTopics(kafka, topicSettings(partitions));
          await connect();
          // What this process itself committed last is certain; the group's offset may lag it for a
          // moment after a reconnect (kafkaOps.readCheckpoint), so never resume from before it.
          const read = await readCheckpoint(kafka, relayId);
          after = read === undefined || (after !== undefined && after > read) ? after : read;
          if (after !== undefined && (await currentStateTopicsEmpty(kafka))) await fillCurrentState(after);
          metrics.position = after?.toString() ?? null;
          log(`[relay] connected to ${brokers.join(',')}; resuming after position ${after ?? '(start)'}`);
          // Health must not report a lag before it knows the head.
          await refreshMetrics(true);
          ready = true;
        }
        const prepared = await (next ?? prepare(after));
        next = undefined;
        if (!prepared) {
          recovered();
          await refreshMetrics(true);
          await sleep(pollIntervalMs);
          continue;
        }
        next = prepare(prepared.last);
        next.catch(() => undefined); // its failure surfaces when awaited
        await commit(prepared);
        after = prepared.last;
        await refreshMetrics();
        backoff = 500;
      } catch (e) {
        fail(ready ? 'publishing failed, will retry the batch' : 'cannot reach Kafka, will retry', e);
        ready = false;
        next = undefined;
        await disconnect();
        // The store is still there: keep the lag in /health true while Kafka is away.
        await refreshMetrics(true).catch(() => undefined);
        if (!running) break;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  };

  return {
    metrics: (): RelayMetrics => ({ ...metrics, publishedByTopic: { ...metrics.publishedByTopic } }),
    /** Starts relaying in the background; the loop retries with backoff while the broker is away. */
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      await loop;
      await disconnect();
    },
  };
};

export type Relay = ReturnType<typeof createRelay>;
