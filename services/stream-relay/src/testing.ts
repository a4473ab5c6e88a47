import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

/** A message as a downstream consumer sees it. */
export interface Consumed {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Reads topics from the beginning as a `read_committed` consumer (what downstream systems do) until
 * `until` says enough or nothing new arrives for `quietMs`. For tests and the consumer example.
 */
export const readTopics = async (
  brokers: string[],
  topics: string[],
  options: { until?: (all: Consumed[]) => boolean; quietMs?: number; timeoutMs?: number } = {},
): Promise<Consumed[]> => {
  const kafka = new Kafka({ clientId: 'hub-test-reader', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `hub-test-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    readUncommitted: false,
  });
  const all: Consumed[] = [];
  let last = Date.now();
  const text = (v: Buffer | string | null | undefined) => (v == null ? '' : v.toString());
  // The relay creates the topics: wait for them rather than fail on a topic that is not there yet.
  const admin = kafka.admin();
  await admin.connect();
  const waitUntil = Date.now() + 60_000;
  for (;;) {
    const existing = new Set(await admin.listTopics());
    if (topics.every((t) => existing.has(t)) || Date.now() > waitUntil) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  await admin.disconnect();
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }: { topic: string; partition: number; message: KafkaMessage }) => {
      all.push({
        topic,
        partition,
        offset: message.offset,
        key: text(message.key),
        value: text(message.value),
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, text(Array.isArray(v) ? v[0] : v)])),
      });
      last = Date.now();
    },
  });
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const quiet = options.quietMs ?? 3_000;
  while (Date.now() < deadline && !(options.until?.(all) ?? false) && Date.now() - last < quiet + (all.length === 0 ? 10_000 : 0)) {
    await new Promise((r) => setTimeout(r, 200));
  }
  await consumer.disconnect();
  return all;
};
