import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '@hub/events';
import { createSqlEventStore } from '@hub/event-store-sql';
import { acquireTestBroker } from '@hub/kafka-broker';
import { createProjector, touchesBySourcePositions } from '@hub/read-model';
import { createPgDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { Kafka, logLevel } from 'kafkajs';
import { eventMessage, mapEvent, touchMessage } from '../src/cloudEvents';
import { createRelay } from '../src/relay';

/*
 * `npm run bench` (the Kafka part): relay throughput — exactly once, reading the store, deriving
 * touches, one transaction per batch — against a raw kafkajs producer (idempotence and
 * transactions off) sending the very same messages in the same batches, in the same run, on the
 * same broker. Result: bench-results/relay.json at the repository root, with the ratio. Not a test.
 */

const N = Number(process.env.BENCH_RELAY_EVENTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_RELAY_ROUNDS ?? 3);
/** The relay's default batch (HUB_RELAY_BATCH_SIZE); the raw producer gets the same batches. */
const BATCH = Number(process.env.BENCH_RELAY_BATCH ?? 2000);
const meta = {
  correlationId: 'bench',
  causationId: 'bench',
  actor: 'bench',
  occurredAt: '2015-01-01T00:00:00.000Z',
  schemaVersion: SCHEMA_VERSION,
};

const broker = await acquireTestBroker((l) => console.error(l));
const database = await createTestDatabase('bench_relay');
const sql = createPgDriver(database.url);
const store = await createSqlEventStore(sql);
try {
  // The data: video views (each a touch) and weekly activity, appended before timing starts.
  await store.append('video-BENCH', [
    {
      id: randomUUID(),
      type: 'VideoMessagePublished',
      data: {
        videoId: 'BENCH',
        authorId: 'CEO',
        title: 'Bench',
        durationSeconds: 60,
        audience: ['EMPLOYEE'],
        publishedAt: '2015-01-01T00:00:00.000Z',
      },
      metadata: meta,
    },
  ]);
  for (let i = 0; i < N - 1; i += 100) {
    const events = Array.from({ length: Math.min(100, N - 1 - i) }, (_, k) => ({
      id: randomUUID(),
      type: 'VideoMessageViewed',
      data: {
        videoId: 'BENCH',
        viewId: `v${i + k}`,
        viewerKind: 'EMPLOYEE',
        viewerId: `E${(i + k) % 3000}`,
        secondsWatched: 30,
        viewedAt: '2015-01-02T00:00:00.000Z',
      },
      metadata: meta,
    }));
    await store.append(`videoViews-bench-${i}`, events);
  }
  const projector = createProjector({ store, db: sql, log: () => undefined });
  await projector.start(); // the view is built before timing: the relay waits for it otherwise
  await projector.stop();

  // The same messages, in the same batches, for the raw producer.
  const events = await store.readAll({ limit: N + 10 });
  const touches = await touchesBySourcePositions(sql, -1n, events[events.length - 1]!.position);
  const touchesOf = new Map(touches.map((t) => [t.sourceEventId, t]));
  const batches: { topic: string; messages: { key: string; value: string; headers: Record<string, string> }[] }[][] = [];
  for (let i = 0; i < events.length; i += BATCH) {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const recorded of events.slice(i, i + BATCH)) {
      const mapped = mapEvent(recorded);
      if ('reason' in mapped) continue;
      const out = [
        eventMessage(recorded, mapped.event),
        ...(touchesOf.has(recorded.id) ? [touchMessage(touchesOf.get(recorded.id)!, recorded)] : []),
      ];
      for (const m of out)
        byTopic.set(`bench-raw.${m.topic}`, [
          ...(byTopic.get(`bench-raw.${m.topic}`) ?? []),
          { key: m.key, value: m.value, headers: m.headers },
        ]);
    }
    batches.push([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
  const kafka = new Kafka({ clientId: 'bench', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: ['bench-raw.hub.videos.v1', 'bench-raw.hub.touches.v1'].map((topic) => ({ topic, numPartitions: 3 })),
    waitForLeaders: true,
  });
  await admin.disconnect();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const measured = events.length - Math.min(BATCH, events.length);
  const rounds: { raw: number; relay: number }[] = [];
  // Alternating rounds, medians reported: one run on a shared 2-core machine is noisy.
  for (let round = 0; round < ROUNDS; round++) {
    const raw = kafka.producer({ idempotent: false });
    await raw.connect();
    // Steady state for both: the clock starts after the first batch (connections and metadata warm).
    await raw.sendBatch({ topicMessages: batches[0]! });
    const rawStart = process.hrtime.bigint();
    for (const batch of batches.slice(1)) await raw.sendBatch({ topicMessages: batch });
    const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;
    await raw.disconnect();

    const relay = createRelay({
      store,
      view: sql,
      brokers: [broker.brokers],
      relayId: `bench-${randomUUID().slice(0, 6)}`,
      batchSize: BATCH,
      pollIntervalMs: 5,
      log: () => undefined,
    });
    relay.start();
    while (relay.metrics().eventsPublished === 0) await new Promise((r) => setTimeout(r, 1));
    const relayStart = process.hrtime.bigint();
    const first = relay.metrics().eventsPublished;
    while (relay.metrics().eventsPublished < events.length) await new Promise((r) => setTimeout(r, 1));
    const relaySeconds = Number(process.hrtime.bigint() - relayStart) / 1e9;
    await relay.stop();
    rounds.push({ raw: measured / rawSeconds, relay: (events.length - first) / relaySeconds });
  }
  const rawRate = median(rounds.map((r) => r.raw));
  const relayRate = median(rounds.map((r) => r.relay));

  const result = {
    when: new Date().toISOString(),
    broker: broker.how,
    events: events.length,
    touches: touches.length,
    batchSize: BATCH,
    rounds,
    raw: { eventsPerSecond: rawRate, note: 'plain kafkajs producer, same messages and batches, no idempotence, no transactions' },
    relay: {
      eventsPerSecond: relayRate,
      note: 'exactly once: reads the store and the view, one transaction per batch with its checkpoint',
    },
    ratio: median(rounds.map((r) => r.relay / r.raw)),
    measuredFrom: 'the end of the first batch (both); medians of alternating rounds',
    goal: 0.6,
  };
  const dir = join(import.meta.dirname, '../../../bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'relay.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `relay ${result.relay.eventsPerSecond.toFixed(0)} events/s vs raw producer ${result.raw.eventsPerSecond.toFixed(0)} events/s (medians of ${ROUNDS} rounds): ${(result.ratio * 100).toFixed(0)} % (goal 60 %) → bench-results/relay.json`,
  );
} finally {
  await store.close();
  await sql.close();
  await database.drop();
  await broker.release();
}
