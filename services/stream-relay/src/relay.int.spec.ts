import { randomUUID } from 'node:crypto';
import { hubEventSchema, SCHEMA_VERSION } from '@hub/contracts';
import { createSqlEventStore, type EventStore } from '@hub/event-store';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createProjector, type Projector } from '@hub/read-model';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudEvent } from './cloudEvents';
import { createRelay, type Relay } from './relay';
import { readTopics } from './testing';
import { CONTEXT_TOPICS, DEAD_LETTER_TOPIC, TOUCHES_TOPIC } from './topics';

const meta = { correlationId: 'corr-1', causationId: 'cmd-1', actor: 'test', occurredAt: '2015-03-12T06:00:00.000Z', schemaVersion: SCHEMA_VERSION };
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
    await store.append('org-unit-HQ', [event('OrgUnitDefined', { orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION', parentId: null })]);
    await store.append('employee-CEO', [event('EmployeeRegistered', { employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'HQ', region: 'Seoul', title: 'CEO', hiredOn: null })]);
    await store.append('employee-E1', [event('EmployeeRegistered', { employeeId: 'E1', name: '김사원', grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul', title: null, hiredOn: null })]);
    await store.append('cafe-session-S1', [
      event('CafeSessionScheduled', { sessionId: 'S1', scheduledAt: '2015-03-12T06:00:00.000Z', venue: 'Café', hostIds: ['CEO'], capacity: 10 }),
      event('EmployeeInvitedToCafeSession', { sessionId: 'S1', employeeId: 'E1' }),
      event('CafeSessionAttendanceRecorded', { sessionId: 'S1', employeeId: 'E1', walkIn: false }),
    ]);
    await store.append('mystery-1', [event('SomethingNobodyDefined', { x: 1 })]);
    await store.append('employee-E2', [event('EmployeeRegistered', { employeeId: 'E2', name: '', grade: 'NOT_A_GRADE' })]);
    await store.append('customer-C1', [event('CustomerRegistered', { customerId: 'C1', branchId: 'B1', registeredOn: '2014-03-01' })]);

    relay = createRelay({ store, view: db, brokers: [broker.brokers], relayId, batchSize: 3, log: () => undefined });
    relay.start();
    const all = await readTopics([broker.brokers], [...Object.values(CONTEXT_TOPICS), TOUCHES_TOPIC, DEAD_LETTER_TOPIC], { until: (m) => m.length >= 11 });

    const events = await store.readAll();
    const valid = events.filter((e) => hubEventSchema.safeParse({ type: e.type, data: e.data }).success);
    const onChannels = all.filter((m) => Object.values(CONTEXT_TOPICS).includes(m.topic as never));
    expect(onChannels.map((m) => (JSON.parse(m.value) as CloudEvent).id).sort()).toEqual(valid.map((e) => e.id).sort());
    const attended = onChannels.find((m) => m.value.includes('CafeSessionAttendanceRecorded'))!;
    expect(attended.topic).toBe('hub.cafe-sessions.v1');
    expect(attended.key).toBe('cafe-session-S1');
    expect(attended.headers['content-type']).toMatch(/application\/cloudevents\+json/);
    const ce = JSON.parse(attended.value) as CloudEvent;
    expect(ce).toMatchObject({
      specversion: '1.0',
      source: 'urn:engagement-hub/cafeSessions',
      type: 'hub.CafeSessionAttendanceRecorded.v1',
      subject: 'cafe-session-S1',
      time: '2015-03-12T06:00:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'urn:engagement-hub:schema:CafeSessionAttendanceRecorded:v1',
      correlationid: 'corr-1',
      causationid: 'cmd-1',
      data: { sessionId: 'S1', employeeId: 'E1', walkIn: false },
    });
    // Within a key, messages follow the store's order.
    const session = onChannels.filter((m) => m.key === 'cafe-session-S1').map((m) => (JSON.parse(m.value) as CloudEvent).type);
    expect(session).toEqual(['hub.CafeSessionScheduled.v1', 'hub.EmployeeInvitedToCafeSession.v1', 'hub.CafeSessionAttendanceRecorded.v1']);

    const touches = all.filter((m) => m.topic === TOUCHES_TOPIC);
    expect(touches).toHaveLength(1);
    expect(touches[0]!.key).toBe('employee-E1');
    // On every topic the key is the CloudEvent's subject.
    for (const m of [...onChannels, ...touches]) expect(m.key).toBe((JSON.parse(m.value) as CloudEvent).subject);
    expect(JSON.parse(touches[0]!.value)).toMatchObject({ type: 'hub.Touch.v1', data: { personId: 'E1', personKind: 'EMPLOYEE', leaderId: 'CEO', channel: 'CAFE_SESSION' } });

    const dead = all.filter((m) => m.topic === DEAD_LETTER_TOPIC).map((m) => JSON.parse(m.value) as { reason: string; type: string });
    expect(dead.map((d) => [d.type, d.reason.split(':')[0]])).toEqual([['SomethingNobodyDefined', 'unknown event type SomethingNobodyDefined'], ['EmployeeRegistered', 'fails its schema']]);
    await expect.poll(() => relay.metrics().lag, { timeout: 10_000 }).toBe(0);
    expect(relay.metrics()).toMatchObject({ deadLettered: 2, eventsPublished: valid.length, touchesPublished: 1, brokerConnected: true });
  }, 240_000);

  it('resumes from its committed checkpoint after a restart: nothing lost, nothing twice', async () => {
    await relay.stop();
    await store.append('employee-E3', [event('EmployeeRegistered', { employeeId: 'E3', name: '박대리', grade: 'ASSISTANT_MANAGER', orgUnitId: 'HQ', region: 'Busan', title: null, hiredOn: null })]);
    relay = createRelay({ store, view: db, brokers: [broker.brokers], relayId, batchSize: 3, log: () => undefined });
    relay.start();
    await expect.poll(() => relay.metrics().lag, { timeout: 60_000 }).toBe(0);
    const all = await readTopics([broker.brokers], ['hub.directory.v1'], { until: (m) => m.length >= 4 });
    const ids = all.map((m) => (JSON.parse(m.value) as CloudEvent).subject);
    expect(ids.sort()).toEqual(['employee-CEO', 'employee-E1', 'employee-E3', 'org-unit-HQ']);
  }, 240_000);
});
