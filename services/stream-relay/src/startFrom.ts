import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import { z } from 'zod';

/*
 * Where a consumer starts: per partition, the offset of the first message at or after a hub
 * position, or recorded at or after a time. Use the result with `consumer.seek` once the consumer
 * runs (or commit it as the group's offset before starting it).
 *
 * By position: within a partition of an event topic or hub.touches.v1, `hubposition` never
 * decreases (one relay publishes batches in global order), so a binary search over the offsets
 * finds it in about log2(messages) reads. Not for the compacted current-state topics (a rebuild
 * republishes older positions; read those from the beginning).
 *
 * By time: Kafka's own time index (offsets for times) by the time the relay published a message,
 * which is never before the event was recorded. So every message with `recordedtime` ≥ the time is
 * at or after the offsets returned; a few recorded just before may follow — skip those by their
 * `recordedtime`. (`time`, when it happened in the world, follows no order and cannot be searched.)
 */

export interface PartitionOffset {
  partition: number;
  /** The first offset to read; the high watermark when nothing qualifies yet. */
  offset: string;
}

const hubPositionOf = z.object({ hubposition: z.string().regex(/^\d+$/) });

const partitionsOf = async (admin: Admin, topic: string) =>
  (await admin.fetchTopicOffsets(topic))
    .map((p) => ({ partition: p.partition, low: BigInt(p.low), high: BigInt(p.high) }))
    .sort((a, b) => a.partition - b.partition);

/** Offsets of the first messages recorded at or after `time` (see above: skip any with an earlier `recordedtime`). */
export const offsetsForTime = async (brokers: string[], topic: string, time: Date): Promise<PartitionOffset[]> => {
  if (Number.isNaN(time.getTime())) throw new Error('offsetsForTime: not a valid time');
  const admin = new Kafka({ clientId: 'hub-start-from', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    // The broker answers -1 for a partition with nothing at or after the time: start at its end.
    const ends = new Map((await partitionsOf(admin, topic)).map((p) => [p.partition, p.high.toString()]));
    const found = await admin.fetchTopicOffsetsByTimestamp(topic, time.getTime());
    return found
      .map((p) => ({ partition: p.partition, offset: p.offset === '-1' ? ends.get(p.partition)! : p.offset }))
      .sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
};

/** Offsets of the first messages whose `hubposition` is at or after `position` (pass P + 1 to resume after P). */
export const offsetsForHubPosition = async (
  brokers: string[],
  topic: string,
  position: bigint,
  options: { timeoutMs?: number } = {},
): Promise<PartitionOffset[]> => {
  const kafka = new Kafka({ clientId: 'hub-start-from', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const partitions = await partitionsOf(admin, topic).finally(() => admin.disconnect());
  const consumer: Consumer = kafka.consumer({
    groupId: `hub-start-from-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    readUncommitted: false,
    maxWaitTimeInMs: 200,
  });
  /*
   * One probe at a time: "the first committed message at or after offset o of partition p". A
   * fetch may come from an earlier seek; any batch that starts at or before what the probe has
   * already ruled out (`reach`) tells the truth about the log, which only grows. Batches of only
   * transaction markers or aborted messages never reach eachBatch: the END_BATCH_PROCESS event
   * reports them (batchSize 0), so a probe past the last committed message still gets its answer.
   */
  type Found = { offset: bigint; hubposition: bigint } | undefined;
  let probe: { partition: number; offset: bigint; reach: bigint; answer: (m: Found) => void; fail: (e: Error) => void } | undefined;
  const settle = (m: Found) => {
    const p = probe!;
    probe = undefined;
    p.answer(m);
  };
  /** A batch covering [first, last] of `partition` in which `visible` are the committed messages. */
  const learn = (
    partition: number,
    first: bigint,
    last: bigint,
    highWatermark: bigint,
    visible: { offset: string; value: Buffer | null }[],
  ) => {
    const p = probe;
    if (!p || partition !== p.partition || first > p.reach) return;
    const m = visible.find((x) => BigInt(x.offset) >= p.offset);
    if (m) {
      let json: unknown;
      try {
        json = JSON.parse(m.value?.toString() ?? 'null');
      } catch {
        json = undefined;
      }
      const parsed = hubPositionOf.safeParse(json);
      if (!parsed.success)
        return p.fail(new Error(`offsetsForHubPosition: offset ${m.offset} of ${topic}/${partition} carries no hubposition`));
      return settle({ offset: BigInt(m.offset), hubposition: BigInt(parsed.data.hubposition) });
    }
    if (last + 1n > p.reach) p.reach = last + 1n;
    if (p.reach >= highWatermark) settle(undefined);
  };
  await consumer.connect();
  try {
    await consumer.subscribe({ topic });
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      if (payload.batchSize === 0 && payload.firstOffset !== null)
        learn(payload.partition, BigInt(payload.firstOffset), BigInt(payload.lastOffset), BigInt(payload.highWatermark), []);
    });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const first = batch.firstOffset();
        if (first !== null) learn(batch.partition, BigInt(first), BigInt(batch.lastOffset()), BigInt(batch.highWatermark), batch.messages);
      },
    });
    const read = (partition: number, offset: bigint) =>
      new Promise<Found>((resolve, reject) => {
        const timer = setTimeout(() => {
          probe = undefined;
          reject(new Error(`offsetsForHubPosition: no answer for ${topic}/${partition} at offset ${offset}`));
        }, options.timeoutMs ?? 30_000);
        probe = {
          partition,
          offset,
          reach: offset,
          answer: (m) => (clearTimeout(timer), resolve(m)),
          fail: (e) => ((probe = undefined), clearTimeout(timer), reject(e)),
        };
        consumer.seek({ topic, partition, offset: offset.toString() });
      });
    const result: PartitionOffset[] = [];
    for (const { partition, low, high } of partitions) {
      // Lower bound: the least offset o in [low, high] whose first message at or after o has hubposition ≥ position (or none).
      let lo = low;
      let hi = high;
      while (lo < hi) {
        const mid = lo + (hi - lo) / 2n;
        const m = await read(partition, mid);
        if (!m || m.hubposition >= position) hi = mid;
        else lo = m.offset + 1n;
      }
      result.push({ partition, offset: lo.toString() });
    }
    return result;
  } finally {
    await consumer.disconnect();
  }
};
