import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION } from '@hub/events';
import { createSqlEventStore } from '@hub/event-store-sql';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createProjector } from '@hub/read-model';
import { createPgDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { createRelay, readTopics } from '@hub/stream-relay';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTouchesConsumer } from './consumer';

const meta = { correlationId: 'c', causationId: 'c', actor: 'test', occurredAt: '2015-01-01T00:00:00.000Z', schemaVersion: SCHEMA_VERSION };
const e = (type: string, data: unknown) => ({ id: randomUUID(), type, data, metadata: meta });

describe('the touches consumer template', () => {
  let broker: TestBroker;
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    broker = await acquireTestBroker();
  }, 240_000);
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await broker?.release();
  }, 60_000);

  it('keeps a per-person table from hub.touches.v1 keyed by subject, applying each touch once and skipping bad messages', async () => {
    const hubDb = await createTestDatabase('consumer_hub');
    const warehouse = await createTestDatabase('consumer_wh');
    const sql = createPgDriver(hubDb.url);
    const store = await createSqlEventStore(sql, { pollIntervalMs: 20 });
    const projector = createProjector({ store, db: sql, log: () => undefined });
    await projector.start();
    const relay = createRelay({
      store,
      view: sql,
      brokers: [broker.brokers],
      relayId: `consumer-test-${randomUUID().slice(0, 6)}`,
      log: () => undefined,
    });
    cleanups.push(hubDb.drop, warehouse.drop, sql.close, store.close, projector.stop, relay.stop);

    await store.append('video-V1', [
      e('VideoMessagePublished', {
        videoId: 'V1',
        authorId: 'CEO',
        title: 'Hello',
        durationSeconds: 60,
        audience: ['EMPLOYEE'],
        publishedAt: '2015-01-02T00:00:00.000Z',
      }),
    ]);
    // An employee E1 and an FC who happens to have the id E1 too: two people, two keys.
    for (const [i, [kind, viewer]] of [
      ['EMPLOYEE', 'E1'],
      ['EMPLOYEE', 'E2'],
      ['EMPLOYEE', 'E1'],
      ['FC', 'E1'],
    ].entries()) {
      await store.append(`videoViews-V1-${kind}-${viewer}-${i}`, [
        e('VideoMessageViewed', {
          videoId: 'V1',
          viewId: `v${i}`,
          viewerKind: kind,
          viewerId: viewer,
          secondsWatched: 30,
          viewedAt: `2015-01-0${3 + i}T00:00:00.000Z`,
        }),
      ]);
    }
    relay.start();
    // A message that is not a touch (a downstream mistake or a corrupt record) must not stop the consumer.
    const producer = new Kafka({ brokers: [broker.brokers], logLevel: logLevel.NOTHING }).producer();
    await new Promise((r) => setTimeout(r, 3_000));
    await producer.connect();
    await producer.send({ topic: 'hub.touches.v1', messages: [{ key: 'X', value: '{"not":"a touch"}' }] });
    await producer.disconnect();

    const consumer = createTouchesConsumer({
      brokers: [broker.brokers],
      databaseUrl: warehouse.url,
      groupId: `wh-${randomUUID().slice(0, 6)}`,
      log: () => undefined,
    });
    cleanups.push(consumer.stop);
    await consumer.start();
    await expect.poll(() => consumer.stats.applied + consumer.stats.rejected, { timeout: 60_000 }).toBe(5);
    const wh = createPgDriver(warehouse.url);
    cleanups.push(wh.close);
    const rows = await wh.query(
      'SELECT subject, person_kind, person_id, touches, channels, last_touched_at FROM warehouse.person_touches ORDER BY subject',
    );
    expect(rows).toEqual([
      {
        subject: 'employee-E1',
        person_kind: 'EMPLOYEE',
        person_id: 'E1',
        touches: 2,
        channels: ['VIDEO_MESSAGE'],
        last_touched_at: new Date('2015-01-05T00:00:00.000Z'),
      },
      {
        subject: 'employee-E2',
        person_kind: 'EMPLOYEE',
        person_id: 'E2',
        touches: 1,
        channels: ['VIDEO_MESSAGE'],
        last_touched_at: new Date('2015-01-04T00:00:00.000Z'),
      },
      {
        subject: 'fc-E1',
        person_kind: 'FC',
        person_id: 'E1',
        touches: 1,
        channels: ['VIDEO_MESSAGE'],
        last_touched_at: new Date('2015-01-06T00:00:00.000Z'),
      },
    ]);
    // The hub keys every touch by its subject: one person, one key, one partition, in order.
    const keyed = await readTopics([broker.brokers], ['hub.touches.v1'], { until: (m) => m.length >= 5 });
    const touches = keyed.filter((m) => m.key !== 'X');
    expect(touches.map((m) => m.key).sort()).toEqual(['employee-E1', 'employee-E1', 'employee-E2', 'fc-E1']);
    for (const m of touches) expect(m.key).toBe((JSON.parse(m.value) as { subject: string }).subject);
    expect(consumer.stats.rejected).toBe(1);
    // Redelivery (here: a second reader from the beginning into the same table) changes nothing.
    const again = createTouchesConsumer({
      brokers: [broker.brokers],
      databaseUrl: warehouse.url,
      groupId: `wh-again-${randomUUID().slice(0, 6)}`,
      log: () => undefined,
    });
    cleanups.push(again.stop);
    await again.start();
    await expect.poll(() => again.stats.duplicates, { timeout: 60_000 }).toBe(4);
    expect(again.stats.applied).toBe(0);
    expect(await wh.query('SELECT subject, touches FROM warehouse.person_touches ORDER BY subject')).toEqual([
      { subject: 'employee-E1', touches: 2 },
      { subject: 'employee-E2', touches: 1 },
      { subject: 'fc-E1', touches: 1 },
    ]);
  }, 300_000);
});
