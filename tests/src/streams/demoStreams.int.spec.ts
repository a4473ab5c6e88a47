import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { createServer } from '@hub/gateway';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createHub, seedDemoCompany, type Hub } from '@hub/platform';
import { createTestDatabase } from '@hub/sql/testing';
import {
  CONTEXT_TOPICS,
  CURRENT_STATE_TOPICS,
  createRelay,
  DEAD_LETTER_TOPIC,
  readTopics,
  streamDocuments,
  TOUCHES_TOPIC,
  type CloudEvent,
  type Consumed,
  type Relay,
} from '@hub/stream-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const KCAT = ['/usr/bin/kcat', '/usr/bin/kafkacat'].find((p) => existsSync(p));
if (!KCAT) console.warn('[streams] SKIPPED kcat check: kcat is not installed (apt-get install -y kcat)');

/*
 * The whole demo company through the relay on a real broker: no customer's personal data on any
 * topic, every message's `dataschema` answered by the gateway with the schema that validates it,
 * and the messages read back by kcat — a Kafka client nobody here wrote.
 */
describe('the demo company on Kafka', () => {
  let broker: TestBroker;
  let hub: Hub;
  let relay: Relay;
  let gateway: ReturnType<typeof createServer>;
  let publicUrl: string;
  let drop: () => Promise<void>;
  let messages: Consumed[];

  beforeAll(async () => {
    broker = await acquireTestBroker();
    const db = await createTestDatabase('streams');
    drop = db.drop;
    hub = await createHub({ dataDir: '/nonexistent', DATABASE_URL: db.url, HUB_MASTER_KEY: randomBytes(32).toString('base64') });
    await seedDemoCompany(hub.commands);
    await hub.projector.start();
    // The gateway on a real socket, serving the schemas the messages point at.
    gateway = createServer({ ...hub.gatewayDeps(), streamDocs: streamDocuments() });
    publicUrl = `http://127.0.0.1:${await gateway.listen(0)}`;
    relay = createRelay({
      store: hub.store,
      view: hub.sql,
      brokers: [broker.brokers],
      relayId: 'demo-relay',
      publicUrl,
      log: () => undefined,
    });
    relay.start();
    const deadline = Date.now() + 600_000;
    while (relay.metrics().lag > 0 || relay.metrics().position === null) {
      if (Date.now() > deadline) throw new Error(`relay did not catch up: ${JSON.stringify(relay.metrics())}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const expected = Object.values(relay.metrics().publishedByTopic).reduce((n, c) => n + c, 0);
    messages = await readTopics(
      [broker.brokers],
      [...Object.values(CONTEXT_TOPICS), TOUCHES_TOPIC, ...Object.values(CURRENT_STATE_TOPICS), DEAD_LETTER_TOPIC],
      {
        until: (m) => m.length >= expected,
        timeoutMs: 300_000,
      },
    );
  }, 900_000);
  afterAll(async () => {
    await relay?.stop();
    await gateway?.close();
    await hub?.close();
    await drop?.();
    await broker?.release();
  }, 60_000);

  it('publishes every event and touch of the demo, and no name, phone or address of any customer', async () => {
    const m = relay.metrics();
    const states = Object.values(CURRENT_STATE_TOPICS).reduce((n, t) => n + (m.publishedByTopic[t] ?? 0), 0);
    expect(states).toBeGreaterThan(100);
    expect(messages).toHaveLength(m.eventsPublished + m.touchesPublished + states);
    expect(m.deadLettered).toBe(0);
    const customerIds = (await hub.sql.query<{ customer_id: string }>('SELECT customer_id FROM hub_private.customer_personal_data')).map(
      (r) => r.customer_id,
    );
    const pii = (await hub.personalData.byIds(customerIds)).filter((p) => p !== undefined);
    expect(pii.length).toBeGreaterThan(80);
    const wire = messages.map((x) => `${x.key}\n${x.value}\n${JSON.stringify(x.headers)}`).join('\n');
    // A customer may share a name with an employee or FC, whose names the directory events carry
    // by design; any other appearance of a customer's name, and any phone or address, is a leak.
    const staffNames = new Set(
      (
        await hub.sql.query<{ name: string }>(
          'SELECT name FROM hub_view.employee_changes WHERE name IS NOT NULL UNION SELECT name FROM hub_view.fc_changes WHERE name IS NOT NULL',
        )
      ).map((r) => r.name),
    );
    const leaked = pii
      .flatMap((p) => [...(staffNames.has(p.name) ? [] : [p.name]), p.phone, p.address])
      .filter((value) => wire.includes(value));
    expect(leaked).toEqual([]);
    expect(pii.filter((p) => !staffNames.has(p.name)).length).toBeGreaterThan(20);
    // The customers are there, by id.
    expect(messages.some((x) => x.topic === 'hub.customer-smile.v1' && x.value.includes('"customerId":"CU-BANPO"'))).toBe(true);
  });

  it('answers every message’s dataschema URL with the JSON Schema that validates its data; /asyncapi.yaml lists every topic', async () => {
    const validators = new Map<string, z.ZodType>();
    const types = new Set<string>();
    for (const message of messages) {
      const event = JSON.parse(message.value) as CloudEvent;
      expect(event.source).toMatch(/^urn:engagement-hub\/[a-z]+(-[a-z]+)*$/);
      expect(Date.parse(event.recordedtime)).not.toBeNaN();
      let validator = validators.get(event.dataschema!);
      if (!validator) {
        const response = await fetch(event.dataschema!);
        expect(response.status, event.dataschema).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        validator = z.fromJSONSchema((await response.json()) as Parameters<typeof z.fromJSONSchema>[0]);
        validators.set(event.dataschema!, validator);
      }
      const checked = validator.safeParse(event.data);
      expect(checked.success, `${event.type} ${event.id}: ${checked.error?.message ?? ''}`).toBe(true);
      types.add(event.type);
    }
    // Events of every context, touches and all four kinds of current state were checked.
    expect(types.size).toBeGreaterThan(25);
    for (const t of ['hub.Touch.v1', 'hub.EmployeeState.v1', 'hub.FcState.v1', 'hub.BranchState.v1', 'hub.OrgUnitState.v1'])
      expect(types).toContain(t);
    // The check can fail: a schema refuses data that is not of its shape.
    const touch = validators.get(`${publicUrl}/schemas/hub.Touch.v1.json`)!;
    expect(touch.safeParse({ touchId: 'x', personKind: 'ROBOT' }).success).toBe(false);

    const doc = await fetch(`${publicUrl}/asyncapi.yaml`);
    expect(doc.status).toBe(200);
    const asyncapi = parse(await doc.text()) as { channels: Record<string, { address: string }> };
    expect(Object.values(asyncapi.channels).map((c) => c.address)).toEqual(
      expect.arrayContaining([...new Set(messages.map((x) => x.topic))]),
    );
    expect((await fetch(`${publicUrl}/schemas/hub.NoSuchThing.v1.json`)).status).toBe(404);
    expect((await fetch(`${publicUrl}/schemas/../package.json`)).status).toBe(404);
  });

  it.skipIf(!KCAT)('reads as CloudEvents with kcat, read_committed', async () => {
    const { stdout } = await promisify(execFile)(
      KCAT!,
      ['-b', broker.brokers, '-C', '-t', 'hub.customer-smile.v1', '-e', '-q', '-X', 'isolation.level=read_committed', '-f', '%k\t%s\n'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBe(messages.filter((x) => x.topic === 'hub.customer-smile.v1').length);
    const banpo = lines.map((l) => l.split('\t')).find(([, v]) => v!.includes('"visitId":"CT-BANPO-1y"'))!;
    expect(banpo[0]).toBe('contract-CT-BANPO');
    expect(JSON.parse(banpo[1]!)).toMatchObject({
      specversion: '1.0',
      type: 'hub.CustomerVisited.v1',
      source: 'urn:engagement-hub/customer-smile',
      subject: 'contract-CT-BANPO',
      datacontenttype: 'application/json',
      dataschema: `${publicUrl}/schemas/hub.CustomerVisited.v1.json`,
      time: '2015-03-12T06:00:00.000Z',
      data: { leaderIds: ['CEO'], satisfies: 'ONE_YEAR' },
    });
  });
});
