import type { Kafka } from 'kafkajs';
import { CHECKPOINT_TOPIC, type TopicSettings } from './topics';

/** Creates the topics that are missing, with their settings (existing ones are left as they are). */
export const ensureTopics = async (kafka: Kafka, settings: TopicSettings[]): Promise<string[]> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = settings.filter((t) => !existing.has(t.topic));
    if (missing.length) await admin.createTopics({ topics: missing, waitForLeaders: true });
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
};

const STABLE_READS_APART_MS = 300;
const STABLE_READS_MAX = 10;

/**
 * The last position a relay (its consumer group `relayId`) committed with a transaction; undefined
 * before the first. Read until two reads agree: a transaction's offsets become the group's only
 * after its commit marker is handled, a little after the commit returned (and after a fenced or
 * halted predecessor's commit completes), and kafkajs cannot ask the broker for stable offsets
 * (OffsetFetch require_stable). A stale read would republish a committed batch: seen under load.
 */
export const readCheckpoint = async (kafka: Kafka, relayId: string): Promise<bigint | undefined> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const once = async () => {
      const [topic] = await admin.fetchOffsets({ groupId: relayId, topics: [CHECKPOINT_TOPIC] });
      return BigInt(topic?.partitions.find((p) => p.partition === 0)?.offset ?? '-1');
    };
    let offset = await once();
    for (let i = 0; i < STABLE_READS_MAX; i++) {
      await new Promise((r) => setTimeout(r, STABLE_READS_APART_MS));
      const again = await once();
      if (again === offset) break;
      offset = again;
    }
    return offset > 0n ? offset - 1n : undefined;
  } finally {
    await admin.disconnect();
  }
};

/** The checkpoint as the offset committed inside a transaction: the position after `last`. */
export const checkpointOffsets = (relayId: string, last: bigint) => ({
  consumerGroupId: relayId,
  topics: [{ topic: CHECKPOINT_TOPIC, partitions: [{ partition: 0, offset: (last + 1n).toString() }] }],
});
