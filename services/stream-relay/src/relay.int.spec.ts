import { randomUUID } from 'node:crypto';
import { hubEventSchema, SCHEMA_VERSION } from '@hub/events';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createProjector, type Projector } from '@hub/read-model';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudEvent } from './cloudEvents';
import { CURRENT_STATE_TOPICS } from './currentState';
import { rebuildCurrentState } from './rebuildCurrentState';
import { createRelay, type Relay } from './relay';
import { readTopics, type Consumed } from './testing';
import { CONTEXT_TOPICS, DEAD_LETTER_TOPIC, TOUCHES_TOPIC } from './topics';

const meta = {
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  actor: 'test',
  occurredAt: '2015-03-12T06:00:00.000Z',
  schemaVersion: SCHEMA_VERSION,
};
const event = (type: string, data: unknown) => ({ id: randomUUID(), type, data, metadata: meta });

describe('the stream relay on a real Kafka broker', () => {
  let broker: TestBroker;
  let db: SqlDriver;
  let dropDb: () => Promise<void>;
  let store: EventStore;
  let projector: Projector;
  let relay: Relay;
  const relayId = `relay-test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    broker = await acquireTestBroker();
    console.log(`[relay test] Kafka via ${broker.how} at ${broker.brokers}`);
    const database = await createTestDatabase('relay');
    dropDb = database.drop;
    db = createPgDriver(database.url);
    store = await createSqlEventStore(db, { pollIntervalMs: 20 });
    projector = createProjector({ store, db, log: () => undefined });
    await projector.start();
  }, 240_000);
  afterAll(async () => {
    await relay?.stop();
    await projector?.stop();
    await store?.close();
    await db?.close();
    await dropDb?.();
    await broker?.release();
  }, 60_000);

  it('publishes every event once as a CloudEvent keyed by its subject (the aggregate; touches: the person with their kind), and bad events to the dead-letter topic', async () => {
    await store.append('orgUnit-HQ', [event('OrgUnitDefined', { orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION', parentId: null })]);
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
    await store.append('employee-E1', [
      event('EmployeeRegistered', {
        employeeId: 'E1',
        name: '김사원',
        grade: 'STAFF',
        orgUnitId: 'HQ',
        region: 'Seoul',
        title: null,
        hiredOn: null,
      }),
    ]);
    await store.append('cafeSession-S1', [
      event('CafeSessionScheduled', {
        sessionId: 'S1',
        scheduledAt: '2015-03-12T06:00:00.000Z',
        venue: 'Café',
        hostIds: ['CEO'],
        capacity: 10,
      }),
      event('EmployeeInvitedToCafeSession', { sessionId: 'S1', employeeId: 'E1' }),
      event('CafeSessionAttendanceRecorded', { sessionId: 'S1', employeeId: 'E1', walkIn: false }),
    ]);
    await store.append('mystery-1', [event('SomethingNobodyDefined', { x: 1 })]);
    await store.append('employee-E2', [event('EmployeeRegistered', { employeeId: 'E2', name: '', grade: 'NOT_A_GRADE' })]);
    await store.append('customer-C1', [event('CustomerRegistered', { customerId: 'C1', branchId: 'B1', registeredOn: '2014-03-01' })]);

    relay = createRelay({ store, view: db, brokers: [broker.brokers], relayId, batchSize: 3, log: () => undefined });
    relay.start();
    const all = await readTopics([broker.brokers], [...Object.values(CONTEXT_TOPICS), TOUCHES_TOPIC, DEAD_LETTER_TOPIC], {
      until: (m) => m.length >= 11,
    });

    const events = await store.readAll();
    const valid = events.filter((e) => hubEventSchema.safeParse({ type: e.type, data: e.data }).success);
    const onChannels = all.filter((m) => Object.values(CONTEXT_TOPICS).includes(m.topic as never));
    expect(onChannels.map((m) => (JSON.parse(m.value) as CloudEvent).id).sort()).toEqual(valid.map((e) => e.id).sort());
    const attended = onChannels.find((m) => m.value.includes('CafeSessionAttendanceRecorded'))!;
    expect(attended.topic).toBe('hub.cafe-sessions.v1');
    expect(attended.key).toBe('cafeSession-S1');
    expect(attended.headers['content-type']).toMatch(/application\/cloudevents\+json/);
    const ce = JSON.parse(attended.value) as CloudEvent;
    expect(ce).toMatchObject({
      specversion: '1.0',
      source: 'urn:engagement-hub/cafe-sessions',
      type: 'hub.CafeSessionAttendanceRecorded.v1',
      subject: 'cafeSession-S1',
      time: '2015-03-12T06:00:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'http://127.0.0.1:4000/schemas/hub.CafeSessionAttendanceRecorded.v1.json',
      correlationid: 'corr-1',
      causationid: 'cmd-1',
      data: { sessionId: 'S1', employeeId: 'E1', walkIn: false },
    });
    // The record time travels beside the business time.
    const recorded = (await store.readAll()).find((e) => e.id === ce.id)!;
    expect(ce.recordedtime).toBe(new Date(recorded.recordedAt).toISOString());
    // Within a key, messages follow the store's order.
    const session = onChannels.filter((m) => m.key === 'cafeSession-S1').map((m) => (JSON.parse(m.value) as CloudEvent).type);
    expect(session).toEqual(['hub.CafeSessionScheduled.v1', 'hub.EmployeeInvitedToCafeSession.v1', 'hub.CafeSessionAttendanceRecorded.v1']);

    const touches = all.filter((m) => m.topic === TOUCHES_TOPIC);
    expect(touches).toHaveLength(1);
    expect(touches[0]!.key).toBe('employee-E1');
    // On every topic the key is the CloudEvent's subject.
    for (const m of [...onChannels, ...touches]) expect(m.key).toBe((JSON.parse(m.value) as CloudEvent).subject);
    expect(JSON.parse(touches[0]!.value)).toMatchObject({
      type: 'hub.Touch.v1',
      data: { personId: 'E1', personKind: 'EMPLOYEE', leaderId: 'CEO', channel: 'CAFE_SESSION' },
    });

    // Dead letters are CloudEvents of their own type, the reason an extension attribute.
    const dead = all.filter((m) => m.topic === DEAD_LETTER_TOPIC).map((m) => JSON.parse(m.value) as CloudEvent);
    expect(dead.map((d) => [d.type, d.deadletterreason?.split(':')[0]])).toEqual([
      ['hub.SomethingNobodyDefined.v1', 'unknown event type SomethingNobodyDefined'],
      ['hub.EmployeeRegistered.v1', 'fails its schema'],
    ]);
    expect(dead[0]).toMatchObject({ specversion: '1.0', source: 'urn:engagement-hub/dead-letter', subject: 'mystery-1', data: { x: 1 } });
    expect(dead[0]!.dataschema).toBeUndefined();
    for (const m of all) expect((JSON.parse(m.value) as CloudEvent).source).toMatch(/^urn:engagement-hub\/[a-z]+(-[a-z]+)*$/);
    await expect.poll(() => relay.metrics().lag, { timeout: 10_000 }).toBe(0);
    expect(relay.metrics()).toMatchObject({ deadLettered: 2, eventsPublished: valid.length, touchesPublished: 1, brokerConnected: true });
  }, 240_000);

  it('resumes from its committed checkpoint after a restart: nothing lost, nothing twice', async () => {
    await relay.stop();
    await store.append('employee-E3', [
      event('EmployeeRegistered', {
        employeeId: 'E3',
        name: '박대리',
        grade: 'ASSISTANT_MANAGER',
        orgUnitId: 'HQ',
        region: 'Busan',
        title: null,
        hiredOn: null,
      }),
    ]);
    relay = createRelay({ store, view: db, brokers: [broker.brokers], relayId, batchSize: 3, log: () => undefined });
    relay.start();
    await expect.poll(() => relay.metrics().lag, { timeout: 60_000 }).toBe(0);
    const all = await readTopics([broker.brokers], ['hub.directory.v1'], { until: (m) => m.length >= 4 });
    const ids = all.map((m) => (JSON.parse(m.value) as CloudEvent).subject);
    expect(ids.sort()).toEqual(['employee-CEO', 'employee-E1', 'employee-E3', 'orgUnit-HQ']);
  }, 240_000);

  /** The latest message per key: what a compacted topic holds for a reader once compaction has run. */
  const latest = (messages: Consumed[]) => {
    const byKey = new Map<string, CloudEvent>();
    for (const m of messages) byKey.set(m.key, JSON.parse(m.value) as CloudEvent);
    return Object.fromEntries([...byKey].sort(([a], [b]) => a.localeCompare(b)));
  };

  it('keeps each directory entity’s current state on a compacted topic, and a rebuild while the relay runs never lets an older state win', async () => {
    const kafka = new Kafka({ brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const configs = await admin.describeConfigs({
      resources: Object.values(CURRENT_STATE_TOPICS).map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['cleanup.policy'],
      })),
      includeSynonyms: false,
    });
    await admin.disconnect();
    expect(configs.resources.map((r) => r.configEntries[0]?.configValue)).toEqual(['compact', 'compact', 'compact', 'compact']);

    await store.append('employee-E1', [
      event('EmployeePromoted', { employeeId: 'E1', grade: 'ASSISTANT_MANAGER', effectiveOn: '2015-04-01' }),
      event('EmployeeLeft', { employeeId: 'E1', leftOn: '2015-06-30' }),
    ]);
    await store.append('branch-B1', [event('BranchEnrolledInPride', { branchId: 'B1', since: '2015-01-05' })]);
    await store.append('branch-B1', [
      event('BranchRegistered', { branchId: 'B1', name: '반포', region: 'Seoul', district: '서초구', seoul: true }),
    ]);
    await expect.poll(() => relay.metrics().lag, { timeout: 60_000 }).toBe(0);
    const topics = Object.values(CURRENT_STATE_TOPICS);
    const live = latest(await readTopics([broker.brokers], topics, { until: (m) => m.some((x) => x.key === 'branch-B1') }));
    expect(Object.keys(live)).toEqual(['branch-B1', 'employee-CEO', 'employee-E1', 'employee-E3', 'orgUnit-HQ']);
    expect(live['employee-E1']).toMatchObject({
      type: 'hub.EmployeeState.v1',
      source: 'urn:engagement-hub/current-employees',
      subject: 'employee-E1',
      dataschema: 'http://127.0.0.1:4000/schemas/hub.EmployeeState.v1.json',
      data: {
        employeeId: 'E1',
        name: '김사원',
        grade: 'ASSISTANT_MANAGER',
        orgUnitId: 'HQ',
        region: 'Seoul',
        title: null,
        hiredOn: null,
        leftOn: '2015-06-30',
      },
    });
    // Enrolled before it was registered: the state appears with its registration, PRIDE date included.
    expect(live['branch-B1']!.data).toEqual({
      branchId: 'B1',
      name: '반포',
      region: 'Seoul',
      district: '서초구',
      seoul: true,
      prideSince: '2015-01-05',
    });
    const left = (await store.readStream('employee-E1')).at(-1)!;
    expect(live['employee-E1']).toMatchObject({ id: left.id, hubposition: left.position.toString() });

    // A rebuild while the relay runs and events keep coming: afterwards the newest state is the one on top.
    const writes = (async () => {
      for (let i = 0; i < 20; i++) {
        await store.append('employee-E3', [
          event('EmployeeTransferred', { employeeId: 'E3', orgUnitId: 'HQ', region: `Region ${i}`, effectiveOn: '2015-05-01' }),
        ]);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const rebuilt = await rebuildCurrentState({ store, brokers: [broker.brokers], relayId, log: () => undefined });
    await writes;
    expect(rebuilt.published).toBe(5);
    await expect.poll(() => relay.metrics().lag, { timeout: 60_000 }).toBe(0);
    const after = latest(await readTopics([broker.brokers], topics, { quietMs: 2_000 }));
    expect(after['employee-E3']!.data).toMatchObject({ region: 'Region 19' });
    expect({ ...after, 'employee-E3': undefined }).toEqual({ ...live, 'employee-E3': undefined });
    // Nothing was lost or doubled on the event topics by the fencing back and forth.
    const directory = await readTopics([broker.brokers], ['hub.directory.v1'], { quietMs: 2_000 });
    const ids = directory.map((m) => (JSON.parse(m.value) as CloudEvent).id);
    expect(new Set(ids).size).toBe(ids.length);
    const inStore = (await store.readAll()).filter(
      (e) => e.type !== 'SomethingNobodyDefined' && e.streamName !== 'employee-E2' && CONTEXT_OF_DIRECTORY(e.type),
    );
    expect(ids.sort()).toEqual(inStore.map((e) => e.id).sort());
  }, 240_000);

  it('fills current-state topics it finds empty (a hub that published before they existed) with every entity as of its checkpoint', async () => {
    await relay.stop();
    const before = latest(await readTopics([broker.brokers], Object.values(CURRENT_STATE_TOPICS), { quietMs: 2_000 }));
    const admin = new Kafka({ brokers: [broker.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(CURRENT_STATE_TOPICS) });
    await expect.poll(async () => (await admin.listTopics()).filter((t) => t.startsWith('hub.current-')), { timeout: 30_000 }).toEqual([]);
    await admin.disconnect();
    const lines: string[] = [];
    relay = createRelay({ store, view: db, brokers: [broker.brokers], relayId, batchSize: 3, log: (l) => lines.push(l) });
    relay.start();
    await expect
      .poll(() => lines.some((l) => l.includes('filled the empty current-state topics: 5 states')), { timeout: 60_000 })
      .toBe(true);
    const after = latest(await readTopics([broker.brokers], Object.values(CURRENT_STATE_TOPICS), { quietMs: 2_000 }));
    expect(after).toEqual(before);
  }, 240_000);
});

const CONTEXT_OF_DIRECTORY = (type: string) =>
  [
    'OrgUnitDefined',
    'EmployeeRegistered',
    'EmployeePromoted',
    'EmployeeTransferred',
    'EmployeeLeft',
    'BranchRegistered',
    'BranchEnrolledInPride',
    'FcRegistered',
    'FcTransferred',
    'FcLeft',
  ].includes(type);
