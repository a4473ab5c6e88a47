import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION } from '@hub/events';
import { createSqlEventStore } from '@hub/event-store-sql';
import { startKafkaBroker, type RunningBroker } from '@hub/kafka-broker';
import { createProjector } from '@hub/read-model';
import { createPgDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudEvent } from './cloudEvents';
import { createRelayMetricsServer } from './metricsServer';
import { createRelay } from './relay';
import { readTopics } from './testing';

const meta = { correlationId: 'c', causationId: 'c', actor: 'test', occurredAt: '2015-01-01T00:00:00.000Z', schemaVersion: SCHEMA_VERSION };
const branch = (i: number) => ({
  id: randomUUID(),
  type: 'BranchRegistered',
  data: { branchId: `B${i}`, name: `Branch ${i}`, region: 'Seoul', district: '서초구', seoul: true },
  metadata: meta,
});

/*
 * The broker goes away and comes back (this test runs its own broker so it can take it down): the
 * relay reports it (health 503, lag growing, the error), keeps running, and catches up after.
 */
describe('the relay when the broker is away', () => {
  let broker: RunningBroker;
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    broker = await startKafkaBroker();
  }, 240_000);
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await broker?.stop();
  }, 60_000);

  it('keeps running, says so in its health, and catches up exactly once when the broker returns', async () => {
    const database = await createTestDatabase('outage');
    const sql = createPgDriver(database.url);
    const store = await createSqlEventStore(sql, { pollIntervalMs: 20 });
    const projector = createProjector({ store, db: sql, log: () => undefined });
    await projector.start();
    const logs: string[] = [];
    const relay = createRelay({
      store,
      view: sql,
      brokers: [broker.brokers],
      relayId: `outage-${randomUUID().slice(0, 6)}`,
      batchSize: 10,
      log: (l) => logs.push(l),
    });
    const health = createRelayMetricsServer(relay.metrics);
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', () => r()));
    const healthUrl = `http://127.0.0.1:${(health.address() as { port: number }).port}`;
    cleanups.push(database.drop, sql.close, store.close, projector.stop, relay.stop, () => new Promise((r) => health.close(r)));

    for (let i = 0; i < 20; i++) await store.append(`branch-B${i}`, [branch(i)]);
    relay.start();
    await expect.poll(() => relay.metrics().eventsPublished, { timeout: 60_000 }).toBe(20);
    const healthy = await fetch(`${healthUrl}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: 'ok', lastError: null });

    await broker.halt();
    for (let i = 20; i < 50; i++) await store.append(`branch-B${i}`, [branch(i)]);
    await expect.poll(() => relay.metrics().brokerConnected, { timeout: 60_000 }).toBe(false);
    const down = await fetch(`${healthUrl}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'broker-unavailable', lastError: expect.stringMatching(/Kafka|retry/) });
    await expect.poll(() => relay.metrics().lag, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(logs.some((l) => /will retry/.test(l))).toBe(true);
    const downMetrics = await (await fetch(`${healthUrl}/metrics`)).text();
    expect(downMetrics).toMatch(/^hub_relay_broker_connected 0$/m);
    expect(Number(/^hub_relay_errors_total (\d+)$/m.exec(downMetrics)?.[1])).toBeGreaterThan(0);

    await broker.resume();
    await expect.poll(() => relay.metrics().eventsPublished, { timeout: 120_000, interval: 500 }).toBe(50);
    const messages = await readTopics([broker.brokers], ['hub.directory.v1'], { until: (m) => m.length >= 50 });
    const ids = messages.map((m) => (JSON.parse(m.value) as CloudEvent<{ branchId: string }>).data.branchId);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    // Recovered: healthy again, and the error is history (counted, logged) rather than current.
    await expect.poll(() => relay.metrics().lag, { timeout: 30_000 }).toBe(0);
    const back = await fetch(`${healthUrl}/health`);
    expect(back.status).toBe(200);
    const backBody = (await back.json()) as { status: string; lastError: string | null; lastErrorAt: string | null; errors: number };
    expect(backBody).toMatchObject({ status: 'ok', lastError: null, lastErrorAt: null });
    expect(backBody.errors).toBeGreaterThan(0);
    expect(logs.some((l) => /recovered from/.test(l))).toBe(true);
  }, 400_000);
});
