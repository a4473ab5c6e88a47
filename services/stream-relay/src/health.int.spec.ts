import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION } from '@hub/events';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createProjector } from '@hub/read-model';
import { createPgDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayMetricsServer } from './metricsServer';
import { createRelay, type Relay } from './relay';

const meta = { correlationId: 'c', causationId: 'c', actor: 'test', occurredAt: '2015-01-01T00:00:00.000Z', schemaVersion: SCHEMA_VERSION };
const branch = (i: number) => ({
  id: randomUUID(),
  type: 'BranchRegistered',
  data: { branchId: `B${i}`, name: `Branch ${i}`, region: 'Seoul', district: '서초구', seoul: true },
  metadata: meta,
});

interface HealthBody {
  status: string;
  head: string | null;
  headKnown: boolean;
  lag: number;
  lastError: string | null;
}

/** One sample line of the Prometheus text format 0.0.4: `name{label="value",...} number`. */
const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$/;

/** Parses the text format strictly: every sample belongs to a family announced by HELP and TYPE lines before it. */
const parsePrometheus = (text: string) => {
  const help = new Set<string>();
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (comment) {
      if (comment[1] === 'HELP') help.add(comment[2]!);
      else {
        expect(['counter', 'gauge']).toContain(comment[3]);
        types.set(comment[2]!, comment[3]!);
      }
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a Prometheus sample line: ${JSON.stringify(line)}`);
    const name = sample[1]!;
    expect(help.has(name) && types.has(name), `${name} has HELP and TYPE before its samples`).toBe(true);
    if (types.get(name) === 'counter') expect(name.endsWith('_total')).toBe(true);
    samples.set(`${name}${sample[2] ?? ''}`, Number(sample[3]));
  }
  return { samples, types };
};

describe('the relay’s /health and /metrics on a real broker', () => {
  let broker: TestBroker;
  let store: EventStore;
  let relay: Relay | undefined;
  let server: Server;
  let url: string;
  const cleanups: (() => Promise<unknown>)[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    broker = await acquireTestBroker();
    const database = await createTestDatabase('relay_health');
    const sql = createPgDriver(database.url);
    store = await createSqlEventStore(sql, { pollIntervalMs: 20 });
    const projector = createProjector({ store, db: sql, log: () => undefined });
    await projector.start();
    relay = createRelay({
      store,
      view: sql,
      brokers: [broker.brokers],
      relayId: `health-${randomUUID().slice(0, 6)}`,
      batchSize: 10,
      log: (l) => logs.push(l),
    });
    const current = relay;
    server = createRelayMetricsServer(() => current.metrics());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    cleanups.push(
      database.drop,
      sql.close,
      store.close,
      projector.stop,
      () => current.stop(),
      () => new Promise((r) => server.close(r)),
    );
  }, 240_000);
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await broker?.release();
  }, 60_000);

  it('says `starting` (503) until it knows the store’s head, and never ok with a lag it does not know', async () => {
    for (let i = 0; i < 20; i++) await store.append(`branch-B${i}`, [branch(i)]);
    const head = (await store.headPosition())!.toString();
    const before = await fetch(`${url}/health`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: 'starting', headKnown: false, head: null });

    relay!.start();
    // Watch /health as closely as we can from the moment it starts until it is ok and caught up.
    const seen: (HealthBody & { code: number })[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${url}/health`);
      const body = (await res.json()) as HealthBody;
      seen.push({ ...body, code: res.status });
      if ((body.status === 'ok' && body.lag === 0) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen.at(-1)).toMatchObject({ status: 'ok', code: 200, head, lag: 0 });
    expect(seen[0]).toMatchObject({ status: 'starting', code: 503 });
    // Every answer before the head was known said `starting`; every `ok` knew the real head.
    for (const s of seen) {
      if (!s.headKnown) expect(s).toMatchObject({ status: 'starting', code: 503 });
      if (s.status === 'ok') expect(s).toMatchObject({ headKnown: true, head, code: 200 });
    }
  }, 120_000);

  it('serves Prometheus text (HELP, TYPE, name{labels} value) whose counters move when events are published', async () => {
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const first = parsePrometheus(await res.text());
    expect(first.types.get('hub_relay_events_published_total')).toBe('counter');
    expect(first.types.get('hub_relay_lag_events')).toBe('gauge');
    expect(first.samples.get('hub_relay_events_published_total')).toBe(20);
    expect(first.samples.get('hub_relay_messages_published_total{topic="hub.directory.v1"}')).toBe(20);
    expect(first.samples.get('hub_relay_lag_events')).toBe(0);
    expect(first.samples.get('hub_relay_head_known')).toBe(1);
    // A fresh broker may refuse the first requests (its coordinator not yet elected): counted, retried.
    expect(first.samples.get('hub_relay_errors_total')).toBe(
      logs.filter((l) => /^\[relay\] (cannot reach Kafka|publishing failed)/.test(l)).length,
    );
    const transactions = first.samples.get('hub_relay_transactions_total')!;
    expect(transactions).toBeGreaterThanOrEqual(2); // 20 events in batches of 10

    for (let i = 20; i < 35; i++) await store.append(`branch-B${i}`, [branch(i)]);
    await expect.poll(() => relay!.metrics().eventsPublished, { timeout: 60_000 }).toBe(35);
    await expect
      .poll(async () => parsePrometheus(await (await fetch(`${url}/metrics`)).text()).samples.get('hub_relay_lag_events'), {
        timeout: 10_000,
      })
      .toBe(0);
    const after = parsePrometheus(await (await fetch(`${url}/metrics`)).text()).samples;
    expect(after.get('hub_relay_events_published_total')).toBe(35);
    expect(after.get('hub_relay_messages_published_total{topic="hub.directory.v1"}')).toBe(35);
    expect(after.get('hub_relay_transactions_total')).toBeGreaterThan(transactions);
    expect(after.get('hub_relay_head_position')).toBe(Number((await store.headPosition())!));
    expect(after.get('hub_relay_position')).toBe(after.get('hub_relay_head_position'));

    const json = await fetch(`${url}/metrics.json`);
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect(await json.json()).toMatchObject({ eventsPublished: 35, publishedByTopic: { 'hub.directory.v1': 35 }, lag: 0, headKnown: true });
  }, 120_000);
});
