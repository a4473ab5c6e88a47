import type { EventStore } from '@hub/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { DEFAULT_PUBLIC_URL, stateMessage } from './cloudEvents';
import { CURRENT_STATE_TOPICS, foldInto, type FoldedEntity } from './currentState';
import { checkpointOffsets, ensureTopics, readCheckpoint } from './kafkaOps';
import { topicSettings } from './topics';

export interface RebuildOptions {
  store: EventStore;
  brokers: string[];
  /** The live relay's id: the rebuild publishes as that relay, at its checkpoint. */
  relayId?: string;
  partitions?: number;
  publicUrl?: string;
  log?: (line: string) => void;
}

export interface RebuildResult {
  /** The relay checkpoint the states were folded up to; undefined when the relay has published nothing yet. */
  position: bigint | undefined;
  /** State messages published (one per entity). */
  published: number;
}

/**
 * Republishes the current state of every directory entity, folded from the event store, to the
 * compacted topics — e.g. after the topics were added to a running hub, or lost.
 *
 * Why it publishes as the relay (same transactional id) and at the relay's checkpoint: the live
 * relay publishes newer states as events arrive, and an older state landing after a newer one would
 * become the "current" one. Connecting with the relay's id fences it (it can commit nothing more
 * with its old epoch); the states are then folded exactly up to its committed checkpoint and
 * published in one transaction that leaves the checkpoint where it was. The live relay sees one
 * failed transaction, reconnects (fencing the rebuild, which is done by then) and resumes after the
 * checkpoint, so every later state lands after the rebuild's. Should the relay fence the rebuild
 * first, the rebuild's transaction is aborted (invisible) and it tries again.
 */
/** Folds the store's events after `from` up to and including `upTo` into `entities`; returns the last position folded. */
export const foldStoreUpTo = async (
  store: EventStore,
  entities: Map<string, FoldedEntity>,
  from: bigint | undefined,
  upTo: bigint,
): Promise<bigint | undefined> => {
  let folded = from;
  for (;;) {
    const batch = await store.readAll({ ...(folded === undefined ? {} : { after: folded }), limit: 5_000 });
    const within = batch.filter((e) => e.position <= upTo);
    for (const recorded of within) foldInto(entities, recorded);
    if (within.length) folded = within[within.length - 1]!.position;
    if (within.length < batch.length || batch.length === 0) return folded;
  }
};

/** Every entity's state message, grouped by topic for one `sendBatch`. */
export const stateTopicMessages = (entities: Map<string, FoldedEntity>, publicUrl: string) => {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  let count = 0;
  for (const entity of entities.values()) {
    const m = stateMessage(entity, publicUrl);
    if (!m) continue;
    count++;
    const list = byTopic.get(m.topic);
    if (list) list.push({ key: m.key, value: m.value, headers: m.headers });
    else byTopic.set(m.topic, [{ key: m.key, value: m.value, headers: m.headers }]);
  }
  return { count, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) };
};

/** True while no current-state topic holds anything: a hub that had events before these topics existed. */
export const currentStateTopicsEmpty = async (kafka: Kafka): Promise<boolean> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of Object.values(CURRENT_STATE_TOPICS))
      if ((await admin.fetchTopicOffsets(topic)).some((p) => p.high !== '0')) return false;
    return true;
  } finally {
    await admin.disconnect();
  }
};

export const rebuildCurrentState = async ({
  store,
  brokers,
  relayId = 'hub-relay',
  partitions = 3,
  publicUrl = DEFAULT_PUBLIC_URL,
  log = (l) => console.log(l),
}: RebuildOptions): Promise<RebuildResult> => {
  const kafka = new Kafka({
    clientId: `${relayId}-rebuild`,
    brokers,
    retry: { retries: 10, initialRetryTime: 10, maxRetryTime: 2_000 },
    logLevel: logLevel.NOTHING,
  });
  await ensureTopics(kafka, topicSettings(partitions));
  const entities = new Map<string, FoldedEntity>();
  let folded: bigint | undefined;
  const foldUpTo = async (upTo: bigint) => {
    folded = await foldStoreUpTo(store, entities, folded, upTo);
  };
  // Most of the folding happens before fencing the relay, so it is stopped only for the last delta and one transaction.
  const early = await readCheckpoint(kafka, relayId);
  if (early === undefined) {
    log('[rebuild] the relay has published nothing yet: it will publish every state as it goes');
    return { position: undefined, published: 0 };
  }
  await foldUpTo(early);
  for (let attempt = 1; ; attempt++) {
    const producer = kafka.producer({ transactionalId: relayId, idempotent: true, maxInFlightRequests: 1, transactionTimeout: 60_000 });
    try {
      await producer.connect(); // fences the live relay
      const checkpoint = (await readCheckpoint(kafka, relayId))!;
      if (folded === undefined || checkpoint > folded) await foldUpTo(checkpoint);
      const { count, topicMessages } = stateTopicMessages(entities, publicUrl);
      const transaction = await producer.transaction();
      try {
        if (topicMessages.length) await transaction.sendBatch({ topicMessages });
        await transaction.sendOffsets(checkpointOffsets(relayId, checkpoint));
        await transaction.commit();
      } catch (e) {
        await transaction.abort().catch(() => undefined);
        throw e;
      }
      log(`[rebuild] published ${count} current states as of position ${checkpoint}`);
      return { position: checkpoint, published: count };
    } catch (e) {
      if (attempt >= 5)
        throw new Error(`rebuild of the current state failed ${attempt} times: ${e instanceof Error ? e.message : String(e)}`);
      log(`[rebuild] attempt ${attempt} failed, retrying: ${e instanceof Error ? e.message : String(e)}`);
      await new Promise((r) => setTimeout(r, 200 * attempt));
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }
};
