import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { hubEventSchema } from '@hub/events';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createProjector, type Projector } from '@hub/read-model';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { CHECKPOINT_TOPIC, CONTEXT_TOPICS, readTopics, TOUCHES_TOPIC, type CloudEvent } from '@hub/stream-relay';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany } from '@hub/platform/generate';

const ROOT = resolve(import.meta.dirname, '../../..');

/*
 * The crash test: the relay runs as a child process and is killed with SIGKILL at ten random
 * moments while 50,000+ events of every channel are appended; each time it is started again. A
 * read_committed consumer then finds every event exactly once, in order per key.
 */
describe('the relay under SIGKILL', () => {
  let broker: TestBroker;
  let db: SqlDriver;
  let url: string;
  let dropDb: () => Promise<void>;
  let store: EventStore;
  let projector: Projector;
  let child: ChildProcess | undefined;
  const relayId = `crash-${randomUUID().slice(0, 8)}`;
  let output = '';

  const startRelay = () => {
    child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'services/platform/src/bin/relay.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        KAFKA_BROKERS: broker.brokers,
        HUB_RELAY_ID: relayId,
        HUB_RELAY_PORT: '0',
        HUB_HOST: '127.0.0.1',
        HUB_RELAY_BATCH_SIZE: '300',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
    child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  };
  const kill = async () => {
    const c = child!;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    broker = await acquireTestBroker();
    console.log(`[crash test] Kafka via ${broker.how} at ${broker.brokers}`);
    const database = await createTestDatabase('crash');
    url = database.url;
    dropDb = database.drop;
    db = createPgDriver(url);
    store = await createSqlEventStore(db, { pollIntervalMs: 20 });
    projector = createProjector({ store, db, log: () => undefined });
    await projector.start();
  }, 240_000);
  afterAll(async () => {
    if (child && child.exitCode === null) await kill();
    await projector?.stop();
    await store?.close();
    await db?.close();
    await dropDb?.();
    await broker?.release();
  }, 60_000);

  it('delivers 50,000+ events exactly once and in order per key across 10 kills', async () => {
    startRelay();
    let kills = 0;
    let generating = true;
    const killer = (async () => {
      while (kills < 10) {
        await new Promise((r) => setTimeout(r, 1_500 + Math.random() * (generating ? 4_000 : 2_500)));
        await kill();
        kills++;
        startRelay();
      }
    })();
    const generated = await generateCompany(store, {
      employees: 1500,
      branches: 60,
      fcsPerBranch: 15,
      cafeSessions: 150,
      townHalls: 20,
      videos: 10,
      viewsPerVideo: 250,
      customers: 1500,
      activityWeeks: 30,
    });
    generating = false;
    expect(generated.events).toBeGreaterThanOrEqual(50_000);
    await killer;
    expect(kills).toBe(10);

    // Wait until the (restarted) relay has committed the store's head as its checkpoint.
    const head = (await store.headPosition())!;
    const admin = new Kafka({ clientId: 'crash-check', brokers: [broker.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const deadline = Date.now() + 600_000;
    for (;;) {
      const [topic] = await admin.fetchOffsets({ groupId: relayId, topics: [CHECKPOINT_TOPIC] });
      if (BigInt(topic?.partitions[0]?.offset ?? '-1') === head + 1n) break;
      if (Date.now() > deadline) throw new Error(`relay did not catch up:\n${output}`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await admin.disconnect();

    const events = (await store.readAll({ limit: 1_000_000 })).filter(
      (e) => hubEventSchema.safeParse({ type: e.type, data: e.data }).success,
    );
    const touchCount = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_view.touches'))[0]!.n);
    const expected = events.length + touchCount;
    const messages = await readTopics([broker.brokers], [...Object.values(CONTEXT_TOPICS), TOUCHES_TOPIC], {
      until: (m) => m.length >= expected,
      quietMs: 10_000,
      timeoutMs: 600_000,
    });

    const seen = new Map<string, number>();
    const lastPositionByKey = new Map<string, bigint>();
    let outOfOrder = 0;
    for (const m of messages) {
      const ce = JSON.parse(m.value) as CloudEvent;
      seen.set(`${m.topic}:${ce.id}`, (seen.get(`${m.topic}:${ce.id}`) ?? 0) + 1);
      const position = BigInt(ce.hubposition);
      const key = `${m.topic}:${m.key}`;
      if ((lastPositionByKey.get(key) ?? -1n) > position) outOfOrder++;
      lastPositionByKey.set(key, position);
    }
    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    const channelIds = new Set(messages.filter((m) => m.topic !== TOUCHES_TOPIC).map((m) => (JSON.parse(m.value) as CloudEvent).id));
    const missing = events.filter((e) => !channelIds.has(e.id)).length;
    console.log(
      `[crash test] ${generated.events} events, ${touchCount} touches, ${kills} kills: ${messages.length} messages read, ${duplicates} duplicates, ${missing} missing, ${outOfOrder} out of order`,
    );
    expect(duplicates).toBe(0);
    expect(missing).toBe(0);
    expect(outOfOrder).toBe(0);
    expect(messages.length).toBe(expected);
  }, 1_200_000);
});
