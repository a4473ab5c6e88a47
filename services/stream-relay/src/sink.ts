import { Kafka, logLevel, type Producer } from 'kafkajs';
import { checkpointOffsets, ensureTopics, readCheckpoint } from './kafkaOps';
import { currentStateTopicsEmpty } from './rebuildCurrentState';
import type { Prepared } from './source';
import { topicSettings } from './topics';

/*
 * The relay's sink: Kafka, written only in transactions that hold a batch's messages AND the
 * relay's checkpoint (committed as the offset of a consumer group, Kafka's own mechanism for
 * consume-transform-produce, KIP-98/447), so read_committed consumers see all of it or none.
 * Connecting with the relay's transactional id fences its predecessor (the broker aborts its open
 * transaction).
 */
export const createKafkaSink = ({ brokers, relayId, partitions }: { brokers: string[]; relayId: string; partitions: number }) => {
  const kafka = new Kafka({
    clientId: relayId,
    brokers,
    // A transaction begun right after a commit is refused (CONCURRENT_TRANSACTIONS) until the
    // broker has written the commit markers, a few ms: retry quickly, or each batch waits ~300 ms.
    retry: { retries: 10, initialRetryTime: 10, maxRetryTime: 2_000 },
    logLevel: logLevel.NOTHING,
  });
  let producer: Producer | undefined;

  return {
    /** Creates missing topics, connects (fencing any earlier relay with this id) and reads the committed checkpoint. */
    async connect(): Promise<{ checkpoint: bigint | undefined; currentStateEmpty: boolean }> {
      await ensureTopics(kafka, topicSettings(partitions));
      const p = kafka.producer({ transactionalId: relayId, idempotent: true, maxInFlightRequests: 1, transactionTimeout: 60_000 });
      await p.connect();
      producer = p;
      const checkpoint = await readCheckpoint(kafka, relayId);
      // Asked on every connect: a broker wiped under a running relay has a checkpoint only in the relay's memory.
      return { checkpoint, currentStateEmpty: await currentStateTopicsEmpty(kafka) };
    },
    async disconnect() {
      const p = producer;
      producer = undefined;
      await p?.disconnect().catch(() => undefined);
    },
    /** One transaction: these messages and the checkpoint `last`, visible together or not at all. */
    async publish(topicMessages: Prepared['topicMessages'], last: bigint) {
      if (!producer) throw new Error('not connected to Kafka');
      const transaction = await producer.transaction();
      try {
        await transaction.sendBatch({ topicMessages });
        await transaction.sendOffsets(checkpointOffsets(relayId, last));
        await transaction.commit();
      } catch (e) {
        await transaction.abort().catch(() => undefined);
        throw e;
      }
    },
  };
};

export type KafkaSink = ReturnType<typeof createKafkaSink>;
