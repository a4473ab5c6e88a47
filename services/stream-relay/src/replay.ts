import type { EventStore } from '@hub/event-store';
import type { SqlExecutor } from '@hub/sql';
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { prepareBatch } from './source';
import { DEFAULT_PUBLIC_URL } from './cloudEvents';
import { CURRENT_STATE_TOPICS } from './currentState';
import { checkpointOffsets, ensureTopics, readCheckpoint } from './kafkaOps';
import { CHECKPOINT_TOPIC, CONTEXT_TOPICS, DEAD_LETTER_TOPIC, topicSettings, TOUCHES_TOPIC } from './topics';

/*
 * Replay: republish the events at positions from..to (inclusive), with their touches and states,
 * to a named set of topics `replay.<name>.<topic>` — for a consumer that lost data, or a new one
 * that wants a slice of history without reading the live topics from the start.
 *
 * Exactly once, like the relay: each batch is one transaction with the replay's own checkpoint
 * (consumer group `replay-<name>`, transactional id `replay-<name>`). The live relay's checkpoint
 * (group HUB_RELAY_ID) is never touched. A replay that crashes resumes where it stopped when run
 * again with the same name and range; one that finished publishes nothing more.
 */

/** Topics a replay can republish (the relay's data topics). */
export const REPLAYABLE_TOPICS: readonly string[] = [
  ...Object.values(CONTEXT_TOPICS),
  TOUCHES_TOPIC,
  ...Object.values(CURRENT_STATE_TOPICS),
  DEAD_LETTER_TOPIC,
];

const position = z.union([z.bigint(), z.string().regex(/^\d{1,19}$/, 'a position is a whole number ≥ 0')]).transform((v) => BigInt(v));

export const replayRequestSchema = z
  .object({
    /** Names the topics (`replay.<name>.hub.touches.v1`) and the replay's checkpoint. */
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'a replay name is 1–48 lowercase letters, digits and "-", starting with a letter or digit'),
    /** First position republished (inclusive). */
    from: position,
    /** Last position republished (inclusive). */
    to: position,
    /** Which topics to republish; default: every event topic and the touches. */
    topics: z
      .array(
        z.string().refine((t) => REPLAYABLE_TOPICS.includes(t), {
          message: `not a topic a replay can republish (one of ${REPLAYABLE_TOPICS.join(', ')})`,
        }),
      )
      .min(1)
      .default([...Object.values(CONTEXT_TOPICS), TOUCHES_TOPIC]),
  })
  // zod runs this even when a field already failed: judge only two real positions.
  .refine((r) => typeof r.from !== 'bigint' || typeof r.to !== 'bigint' || r.from <= r.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type ReplayRequest = z.input<typeof replayRequestSchema>;

export const replayTopic = (name: string, topic: string) => `replay.${name}.${topic}`;

export interface ReplayOptions {
  store: EventStore;
  view: SqlExecutor;
  brokers: string[];
  request: ReplayRequest;
  partitions?: number;
  batchSize?: number;
  publicUrl?: string;
  /** How long a replay's delete-policy topics keep their messages (default 14 days: a replay is for catching up, not for ever). */
  retentionMs?: number;
  log?: (line: string) => void;
}

export interface ReplayResult {
  topics: string[];
  /** Messages published by this run (0 when a finished replay is run again). */
  messages: number;
  /** The last position the replay has published (this run or an earlier one). */
  position: bigint | undefined;
}

export const replay = async ({
  store,
  view,
  brokers,
  request,
  partitions = 3,
  batchSize = 2000,
  publicUrl = DEFAULT_PUBLIC_URL,
  retentionMs = 14 * 24 * 3600 * 1000,
  log = (l) => console.log(l),
}: ReplayOptions): Promise<ReplayResult> => {
  const parsed = replayRequestSchema.safeParse(request);
  if (!parsed.success)
    throw new Error(`bad replay request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`);
  const { name, from, to, topics } = parsed.data;
  const id = `replay-${name}`;
  const kafka = new Kafka({
    clientId: id,
    brokers,
    retry: { retries: 10, initialRetryTime: 10, maxRetryTime: 2_000 },
    logLevel: logLevel.NOTHING,
  });
  const wanted = new Set(topics);
  const settings = topicSettings(partitions)
    .filter((t) => wanted.has(t.topic))
    .map((t) => ({
      ...t,
      topic: replayTopic(name, t.topic),
      configEntries: t.configEntries.map((c) =>
        c.name === 'retention.ms' && !t.configEntries.some((x) => x.name === 'cleanup.policy' && x.value === 'compact')
          ? { ...c, value: String(retentionMs) }
          : c,
      ),
    }));
  await ensureTopics(kafka, [...settings, ...topicSettings(partitions).filter((t) => t.topic === CHECKPOINT_TOPIC)]);
  const producer = kafka.producer({ transactionalId: id, idempotent: true, maxInFlightRequests: 1, transactionTimeout: 60_000 });
  await producer.connect(); // fences an earlier run of this replay, whose open transaction is aborted
  let messages = 0;
  try {
    const done = await readCheckpoint(kafka, id);
    let after = done !== undefined && done >= from ? done : from === 0n ? undefined : from - 1n;
    if (done !== undefined && done >= from) log(`[replay ${name}] resuming after position ${done}`);
    for (;;) {
      const prepared = await prepareBatch({ store, view, after, upTo: to, batchSize, publicUrl });
      if (!prepared) break;
      const topicMessages = prepared.topicMessages
        .filter((t) => wanted.has(t.topic))
        .map((t) => ({ ...t, topic: replayTopic(name, t.topic) }));
      const transaction = await producer.transaction();
      try {
        if (topicMessages.length) await transaction.sendBatch({ topicMessages });
        await transaction.sendOffsets(checkpointOffsets(id, prepared.last));
        await transaction.commit();
      } catch (e) {
        await transaction.abort().catch(() => undefined);
        throw e;
      }
      messages += topicMessages.reduce((n, t) => n + t.messages.length, 0);
      after = prepared.last;
    }
    log(`[replay ${name}] positions ${from}..${to}: ${messages} messages on ${settings.map((s) => s.topic).join(', ')}`);
    return { topics: settings.map((s) => s.topic), messages, position: after };
  } finally {
    await producer.disconnect();
  }
};
