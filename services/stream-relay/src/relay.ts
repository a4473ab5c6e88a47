import type { EventStore } from '@hub/event-store';
import type { SqlExecutor } from '@hub/sql';
import { DEFAULT_PUBLIC_URL } from './cloudEvents';
import type { FoldedEntity } from './currentState';
import { createRelayMetrics, type RelayMetrics } from './metrics';
import { foldStoreUpTo, stateTopicMessages } from './rebuildCurrentState';
import { createKafkaSink } from './sink';
import { prepareBatch, type Prepared } from './source';

export type { RelayMetrics } from './metrics';

/*
 * The relay: follows the event store from its checkpoint (source.ts) and publishes every event, in
 * global order, to its context's topic, plus the touches derived from it — exactly once, each batch
 * one Kafka transaction with the checkpoint (sink.ts); its figures in metrics.ts. A restarted relay
 * fences its predecessor, then resumes from the committed checkpoint.
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const createRelay = ({
  store,
  view,
  brokers,
  relayId = 'hub-relay',
  partitions = 3,
  batchSize = 2000,
  pollIntervalMs = 200,
  publicUrl = DEFAULT_PUBLIC_URL,
  log = (l) => console.log(l),
}: RelayOptions) => {
  const sink = createKafkaSink({ brokers, relayId, partitions });
  const metrics = createRelayMetrics(store, log);
  let running = false;
  let loop: Promise<void> | undefined;

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
    await sink.publish(topicMessages, checkpoint);
    metrics.countPublished(topicMessages);
    log(`[relay] filled the empty current-state topics: ${count} states as of position ${checkpoint}`);
  };

  const disconnect = async () => {
    metrics.connected(false);
    await sink.disconnect();
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
          const { checkpoint, currentStateEmpty } = await sink.connect();
          metrics.connected(true);
          // What this process itself committed last is certain; the group's offset may lag it for a
          // moment after a reconnect (kafkaOps.readCheckpoint), so never resume from before it.
          after = checkpoint === undefined || (after !== undefined && after > checkpoint) ? after : checkpoint;
          if (after !== undefined && currentStateEmpty) await fillCurrentState(after);
          metrics.resumedAfter(after);
          log(`[relay] connected to ${brokers.join(',')}; resuming after position ${after ?? '(start)'}`);
          // Health must not report a lag before it knows the head.
          await metrics.refresh(true);
          ready = true;
        }
        const prepared = await (next ?? prepare(after));
        next = undefined;
        if (!prepared) {
          metrics.recovered();
          await metrics.refresh(true);
          await sleep(pollIntervalMs);
          continue;
        }
        next = prepare(prepared.last);
        next.catch(() => undefined); // its failure surfaces when awaited
        await sink.publish(prepared.topicMessages, prepared.last);
        metrics.committed(prepared);
        after = prepared.last;
        await metrics.refresh();
        backoff = 500;
      } catch (e) {
        metrics.failed(ready ? 'publishing failed, will retry the batch' : 'cannot reach Kafka, will retry', e);
        ready = false;
        next = undefined;
        await disconnect();
        // The store is still there: keep the lag in /health true while Kafka is away.
        await metrics.refresh(true).catch(() => undefined);
        if (!running) break;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  };

  return {
    metrics: (): RelayMetrics => metrics.snapshot(),
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
