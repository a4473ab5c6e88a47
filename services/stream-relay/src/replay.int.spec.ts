import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION } from '@hub/events';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createProjector, type Projector } from '@hub/read-model';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudEvent } from './cloudEvents';
import { createRelay, type Relay } from './relay';
import { replay, replayTopic } from './replay';
import { offsetsForHubPosition, offsetsForTime } from './startFrom';
import { readTopics, type Consumed } from './testing';
import { CHECKPOINT_TOPIC, TOUCHES_TOPIC } from './topics';

const meta = {
  correlationId: 'corr',
  causationId: 'cmd',
  actor: 'test',
  occurredAt: '2015-03-12T06:00:00.000Z',
  schemaVersion: SCHEMA_VERSION,
};
const event = (type: string, data: unknown) => ({ id: randomUUID(), type, data, metadata: meta });
const ce = (m: Consumed) => JSON.parse(m.value) as CloudEvent;

describe('replay and start offsets on a real Kafka broker', () => {
  let broker: TestBroker;
  let db: SqlDriver;
  let dropDb: () => Promise<void>;
  let store: EventStore;
  let projector: Projector;
  let relay: Relay;
  let live: Consumed[];
  const relayId = `replay-test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    broker = await acquireTestBroker();
    const database = await createTestDatabase('replay');
    dropDb = database.drop;
    db = createPgDriver(database.url);
    store = await createSqlEventStore(db, { pollIntervalMs: 20 });
    projector = createProjector({ store, db, log: () => undefined });
    await projector.start();
    await store.append('employee-CEO', [
      event('EmployeeRegistered', {
        employeeId: 'CEO',
        name: '정문국',
        grade: 'EXECUTIVE',
        orgUnitId: 'HQ',
        region: 'Seoul',
        title: 'CEO',
        hiredOn: null,
      }),
    ]);
    // 12 sessions, each with two attendees: 12 × 4 events and 24 touches, over many small transactions.
    for (let s = 0; s < 12; s++) {
      await store.append(`cafeSession-S${s}`, [
        event('CafeSessionScheduled', {
          sessionId: `S${s}`,
          scheduledAt: '2015-03-12T06:00:00.000Z',
          venue: 'Café',
          hostIds: ['CEO'],
          capacity: 10,
        }),
        event('EmployeeInvitedToCafeSession', { sessionId: `S${s}`, employeeId: `E${s}` }),
        event('CafeSessionAttendanceRecorded', { sessionId: `S${s}`, employeeId: `E${s}`, walkIn: false }),
        event('CafeSessionAttendanceRecorded', { sessionId: `S${s}`, employeeId: `X${s}`, walkIn: true }),
      ]);
    }
    relay = createRelay({ store, view: db, brokers: [broker.brokers], relayId, batchSize: 7, log: () => undefined });
    relay.start();
    const deadline = Date.now() + 120_000;
    while (relay.metrics().position === null || relay.metrics().lag > 0) {
      if (Date.now() > deadline) throw new Error(`relay did not catch up: ${JSON.stringify(relay.metrics())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    live = await readTopics([broker.brokers], ['hub.cafe-sessions.v1', TOUCHES_TOPIC], { until: (m) => m.length >= 48 + 24 });
  }, 300_000);
  afterAll(async () => {
    await relay?.stop();
    await projector?.stop();
    await store?.close();
    await db?.close();
    await dropDb?.();
    await broker?.release();
  }, 60_000);

  it('republishes a range of positions exactly once to its own topics, resumes after a crash, and leaves the live relay’s checkpoint alone', async () => {
    const all = await store.readAll();
    const from = all[10]!.position;
    const to = all[40]!.position;
    const inRange = all.filter((e) => e.position >= from && e.position <= to && e.streamName.startsWith('cafeSession-'));
    const admin = new Kafka({ brokers: [broker.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const checkpoint = async () => (await admin.fetchOffsets({ groupId: relayId, topics: [CHECKPOINT_TOPIC] }))[0]!.partitions[0]!.offset;
    const liveCheckpoint = await checkpoint();

    // A first run that dies after two transactions (its store goes away), then the same replay again.
    let reads = 0;
    const failing: EventStore = {
      ...store,
      readAll: async (options) => {
        if (++reads > 2) throw new Error('store went away');
        return store.readAll(options);
      },
    };
    const request = { name: 'lost-touches', from: from.toString(), to: to.toString(), topics: ['hub.cafe-sessions.v1', TOUCHES_TOPIC] };
    await expect(
      replay({ store: failing, view: db, brokers: [broker.brokers], request, batchSize: 5, log: () => undefined }),
    ).rejects.toThrow('store went away');
    const resumed = await replay({ store, view: db, brokers: [broker.brokers], request, batchSize: 5, log: () => undefined });
    expect(resumed.topics).toEqual([replayTopic('lost-touches', 'hub.cafe-sessions.v1'), replayTopic('lost-touches', TOUCHES_TOPIC)]);
    expect(resumed.position).toBe(to);
    // Run once more: a finished replay publishes nothing.
    expect((await replay({ store, view: db, brokers: [broker.brokers], request, log: () => undefined })).messages).toBe(0);

    const replayed = await readTopics([broker.brokers], resumed.topics, { quietMs: 3_000 });
    const events = replayed.filter((m) => m.topic === 'replay.lost-touches.hub.cafe-sessions.v1').map(ce);
    expect(events.map((e) => e.id).sort()).toEqual(inRange.map((e) => e.id).sort());
    const touches = replayed.filter((m) => m.topic === 'replay.lost-touches.hub.touches.v1').map(ce);
    const liveTouches = live
      .filter((m) => m.topic === TOUCHES_TOPIC)
      .map(ce)
      .filter((t) => BigInt(t.hubposition) >= from && BigInt(t.hubposition) <= to);
    expect(liveTouches.length).toBeGreaterThan(5);
    expect(touches.map((t) => t.id).sort()).toEqual(liveTouches.map((t) => t.id).sort());
    // The same messages as the live topics, key for key.
    for (const m of replayed) expect(m.key).toBe(ce(m).subject);
    expect(await checkpoint()).toBe(liveCheckpoint);
    await admin.disconnect();
  }, 240_000);

  it('refuses a bad replay request with a clear message', async () => {
    const run = (request: { name: string; from: string; to: string; topics?: string[] }) =>
      replay({ store, view: db, brokers: [broker.brokers], request, log: () => undefined });
    await expect(run({ name: 'Bad Name', from: '1', to: '2' })).rejects.toThrow(/name: a replay name is 1–48 lowercase/);
    await expect(run({ name: 'x', from: '9', to: '2' })).rejects.toThrow(/from: from must not be after to/);
    await expect(run({ name: 'x', from: '-1', to: '2' })).rejects.toThrow(/from: a position is a whole number/);
    await expect(run({ name: 'x', from: '1', to: '2', topics: ['hub.relay-checkpoint.v1'] })).rejects.toThrow(
      /not a topic a replay can republish/,
    );
  });

  it('finds where to start a consumer: by hubposition (binary search per partition) and by time', async () => {
    const topic = TOUCHES_TOPIC;
    const mine = live.filter((m) => m.topic === topic);
    const positions = [...new Set(mine.map((m) => BigInt(ce(m).hubposition)))].sort((a, b) => (a < b ? -1 : 1));
    for (const target of [positions[0]!, positions[Math.floor(positions.length / 2)]!, positions.at(-1)!, positions.at(-1)! + 1n]) {
      const offsets = await offsetsForHubPosition([broker.brokers], topic, target);
      for (const { partition, offset } of offsets) {
        const here = mine.filter((m) => m.partition === partition).sort((a, b) => Number(a.offset) - Number(b.offset));
        const before = here.filter((m) => BigInt(ce(m).hubposition) < target).at(-1);
        const first = here.find((m) => BigInt(ce(m).hubposition) >= target);
        // After every message before the target, and at or before the first one at it (markers may sit between).
        if (before) expect(BigInt(offset)).toBeGreaterThan(BigInt(before.offset));
        if (first) expect(BigInt(offset)).toBeLessThanOrEqual(BigInt(first.offset));
        else expect(BigInt(offset)).toBeGreaterThan(BigInt(here.at(-1)?.offset ?? '-1'));
      }
    }
    const admin = new Kafka({ brokers: [broker.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const ends = (await admin.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition);
    await admin.disconnect();
    const future = await offsetsForTime([broker.brokers], topic, new Date(Date.now() + 3_600_000));
    expect(future).toEqual(ends.map((p) => ({ partition: p.partition, offset: p.high })));
    const past = await offsetsForTime([broker.brokers], topic, new Date('2000-01-01T00:00:00Z'));
    expect(past.map((p) => p.offset)).toEqual(ends.map(() => '0'));
    await expect(offsetsForTime([broker.brokers], topic, new Date('nope'))).rejects.toThrow('not a valid time');
  }, 120_000);
});
