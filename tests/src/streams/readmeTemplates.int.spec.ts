import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createHub, seedDemoCompany, type Hub } from '@hub/platform';
import { asOfParam, employeesAsOfSql, READ_BACK } from '@hub/read-model';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { createRelay, type Relay } from '@hub/stream-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The README's kafkajs templates, in order: warehouse, HR, CRM. */
const templates = () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Consumers to copy.**'), readme.indexOf('**Throughput**'));
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
};

/*
 * The consumer templates in the README, run as they are printed (node, kafkajs, pg) against the demo
 * company on a real broker: a downstream team that copies one gets what the hub says.
 */
describe('the README’s consumer templates', () => {
  let broker: TestBroker;
  let hub: Hub;
  let relay: Relay;
  let target: SqlDriver;
  const cleanups: (() => Promise<unknown>)[] = [];
  const children: ChildProcess[] = [];
  const output: string[] = [];

  beforeAll(async () => {
    expect(templates()).toHaveLength(3);
    broker = await acquireTestBroker();
    const db = await createTestDatabase('readme_hub');
    cleanups.push(db.drop);
    hub = await createHub({ dataDir: '/nonexistent', DATABASE_URL: db.url, HUB_MASTER_KEY: randomBytes(32).toString('base64') });
    cleanups.push(() => hub.close());
    await seedDemoCompany(hub.commands);
    await hub.projector.start();
    relay = createRelay({ store: hub.store, view: hub.sql, brokers: [broker.brokers], relayId: 'readme-relay', log: () => undefined });
    relay.start();
    cleanups.push(() => relay.stop());
    const deadline = Date.now() + 600_000;
    while (relay.metrics().lag > 0 || relay.metrics().position === null) {
      if (Date.now() > deadline) throw new Error(`relay did not catch up: ${JSON.stringify(relay.metrics())}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const downstream = await createTestDatabase('readme_downstream');
    cleanups.push(downstream.drop);
    target = createPgDriver(downstream.url);
    cleanups.push(() => target.close());
    for (const code of templates()) {
      const child = spawn(process.execPath, ['--input-type=module', '--eval', code], {
        cwd: ROOT,
        env: { ...process.env, KAFKA_BROKERS: broker.brokers, DATABASE_URL: downstream.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
      child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
      children.push(child);
    }
  }, 900_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await broker?.release();
  }, 60_000);

  const count = async (sql: string) => Number((await target.query<{ n: string }>(sql).catch(() => [{ n: '-1' }]))[0]!.n);

  it('warehouse: one fact per touch the relay published', async () => {
    const touches = relay.metrics().touchesPublished;
    expect(touches).toBeGreaterThan(500);
    await expect.poll(() => count('SELECT count(*) AS n FROM touch_facts'), { timeout: 120_000, interval: 500 }).toBe(touches);
    const viewTouches = await hub.sql.query<{ n: string }>('SELECT count(*) AS n FROM hub_view.touches');
    expect(touches).toBe(Number(viewTouches[0]!.n));
  }, 180_000);

  it('HR: every employee as the view has them now, leavers with their date', async () => {
    const view = await hub.sql.query<{ employee_id: string; grade: string; org_unit_id: string; left_on: string | null }>(
      // Everything recorded, whenever it takes effect: what the HR template folds from the stream.
      `SELECT employee_id, grade, org_unit_id, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM (${employeesAsOfSql(1, READ_BACK)}) e ORDER BY employee_id`,
      [asOfParam(READ_BACK)],
    );
    expect(view.length).toBeGreaterThan(50);
    const rows = () =>
      target
        .query<{ employee_id: string; grade: string; org_unit_id: string; left_on: string | null }>(
          `SELECT employee_id, grade, org_unit_id, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM employees ORDER BY employee_id`,
        )
        .catch(() => []);
    await expect
      .poll(rows, { timeout: 120_000, interval: 500 })
      .toEqual([...view].sort((a, b) => (a.employee_id < b.employee_id ? -1 : 1)));
  }, 180_000);

  it('CRM: three follow-ups per contract by customer id, closed by the visits that satisfy them', async () => {
    const events = [];
    for (
      let batch = await hub.store.readAll({ limit: 5_000 });
      batch.length;
      batch = await hub.store.readAll({ after: batch.at(-1)!.position, limit: 5_000 })
    )
      events.push(...batch);
    const contracts = events.filter((e) => e.type === 'ContractSigned');
    const satisfied = new Set(
      events
        .filter((e) => e.type === 'CustomerVisited')
        .flatMap((e) => {
          const d = e.data as { contractId: string; satisfies: string | null };
          return d.satisfies ? [`${d.contractId}/${d.satisfies}`] : [];
        }),
    );
    expect(contracts.length).toBeGreaterThan(10);
    expect(satisfied.size).toBeGreaterThan(5);
    await expect.poll(() => count('SELECT count(*) AS n FROM follow_ups'), { timeout: 120_000, interval: 500 }).toBe(contracts.length * 3);
    await expect
      .poll(() => count('SELECT count(*) AS n FROM follow_ups WHERE visit_id IS NOT NULL'), { timeout: 60_000, interval: 500 })
      .toBe(satisfied.size);
    const banpo = await target.query<{ customer_id: string }>(`SELECT DISTINCT customer_id FROM follow_ups WHERE contract_id = 'CT-BANPO'`);
    expect(banpo).toEqual([{ customer_id: 'CU-BANPO' }]);
    // The templates ran without a complaint (kafkajs logs its INFO lines; anything else is one).
    expect(
      output
        .join('')
        .split('\n')
        .filter((line) => line.trim() && !line.includes('"level":"INFO"')),
    ).toEqual([]);
  }, 180_000);
});
