import type { EventStore } from '@hub/event-store';
import { touchesBySourcePositions, waitForCheckpoint } from '@hub/read-model';
import type { SqlExecutor } from '@hub/sql';
import { deadLetter, eventMessage, mapEvent, stateMessage, touchMessage, type OutgoingMessage } from './cloudEvents';
import { currentStateKindOf, foldEntity, type FoldedEntity } from './currentState';

const STREAM_READS_AT_ONCE = 4;

export interface KafkaMessageOut {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** One batch of the store mapped to its messages: what one transaction publishes. */
export interface Prepared {
  last: bigint;
  events: number;
  dead: number;
  touches: number;
  topicMessages: { topic: string; messages: KafkaMessageOut[] }[];
}

export interface PrepareOptions {
  store: EventStore;
  view: SqlExecutor;
  /** Exclusive: events after this position (undefined: from the start). */
  after: bigint | undefined;
  /** Inclusive: no event after this position (a replay's end). */
  upTo?: bigint;
  batchSize: number;
  publicUrl: string;
}

/**
 * The next batch after `after`, mapped to its messages — each event on its context's topic, the
 * touches derived from it, the current state of each directory entity it changed, dead letters;
 * undefined when there is none. Shared by the relay and replays, so both publish the same messages.
 */
export const prepareBatch = async ({ store, view, after, upTo, batchSize, publicUrl }: PrepareOptions): Promise<Prepared | undefined> => {
  const read = await store.readAll({ ...(after === undefined ? {} : { after }), limit: batchSize });
  const batch = upTo === undefined ? read : read.filter((e) => e.position <= upTo);
  if (batch.length === 0) return undefined;
  const last = batch[batch.length - 1]!.position;
  // Touches come from the view: wait until the projector has passed this batch.
  await waitForCheckpoint(view, last, 600_000);
  const touches = await touchesBySourcePositions(view, after ?? -1n, last);
  const bySource = new Map<string, typeof touches>();
  for (const t of touches) {
    const list = bySource.get(t.sourceEventId);
    if (list) list.push(t);
    else bySource.set(t.sourceEventId, [t]);
  }
  const byTopic = new Map<string, KafkaMessageOut[]>();
  const add = ({ topic, key, value, headers }: OutgoingMessage) => {
    const list = byTopic.get(topic);
    if (list) list.push({ key, value, headers });
    else byTopic.set(topic, [{ key, value, headers }]);
  };
  let dead = 0;
  // Directory entities changed in this batch: their state after their last event in it.
  const changed = new Map<string, bigint>();
  for (const recorded of batch) {
    const mapped = mapEvent(recorded);
    if ('reason' in mapped) {
      dead++;
      add(deadLetter(recorded, mapped.reason));
      continue;
    }
    add(eventMessage(recorded, mapped.event, publicUrl));
    for (const touch of bySource.get(recorded.id) ?? []) add(touchMessage(touch, recorded, publicUrl));
    if (currentStateKindOf(mapped.event)) changed.set(recorded.streamName, recorded.position);
  }
  // Folded from the entity's own stream up to that event (not from a cache), so a batch retried
  // after a failure publishes exactly the state it would have the first time. A few streams at a
  // time: an import registers hundreds of people in one batch.
  const entities = [...changed];
  const folded: (FoldedEntity | undefined)[] = [];
  let next = 0;
  const worker = async () => {
    while (next < entities.length) {
      const i = next++;
      const [stream, position] = entities[i]!;
      folded[i] = foldEntity(await store.readStream(stream), position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(STREAM_READS_AT_ONCE, entities.length) }, worker));
  for (const entity of folded) {
    const state = entity && stateMessage(entity, publicUrl);
    if (state) add(state);
  }
  return {
    last,
    events: batch.length,
    dead,
    touches: touches.length,
    topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
  };
};
