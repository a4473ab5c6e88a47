import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { acquireTestBroker, type TestBroker } from '@hub/kafka-broker';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { createRelay, rebuildCurrentState, type Relay } from '@hub/stream-relay';
import { createCurrentStateConsumer } from '@hub/touches-consumer';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

const ROOT = resolve(import.meta.dirname, '../../..');

/*
 * What an HR system sees: a consumer that has never read the hub's history loads the compacted
 * current-state topics into its own PostgreSQL tables — and they say what GraphQL says about every
 * employee, FC, branch and org unit, after promotions, transfers, leaving and PRIDE enrolment.
 */
describe('current state on the compacted topics, loaded by the consumer template', () => {
  let broker: TestBroker;
  let t: HubUnderTest;
  let relay: Relay;
  let hr: SqlDriver;
  let hrUrl: string;
  let dropHr: () => Promise<void>;
  const stops: (() => Promise<unknown>)[] = [];

  const m = (q: string) => t.ok(`mutation { ${q} }`);
  const relayId = `current-state-${Date.now()}`;
  const caughtUp = async () => {
    const deadline = Date.now() + 120_000;
    while (relay.metrics().position === null || relay.metrics().lag > 0) {
      if (Date.now() > deadline) throw new Error(`relay did not catch up: ${JSON.stringify(relay.metrics())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    broker = await acquireTestBroker();
    t = await startHub(HUB_ENGINES[1]);
    const db = await createTestDatabase('hr');
    dropHr = db.drop;
    hrUrl = db.url;
    hr = createPgDriver(db.url);
    await m(`defineOrgUnit(input: { orgUnitId: "HQ", name: "본사", kind: DIVISION }) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "IT", name: "IT", kind: DEPARTMENT, parentId: "HQ" }) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "FIN", name: "Finance", kind: DEPARTMENT, parentId: "HQ" }) { id }`);
    await m(
      `registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul", title: "CEO" }) { id }`,
    );
    await m(
      `registerEmployee(input: { employeeId: "E1", name: "김사원", grade: STAFF, orgUnitId: "IT", region: "Seoul", hiredOn: "2010-01-04" }) { id }`,
    );
    await m(
      `registerEmployee(input: { employeeId: "E2", name: "이대리", grade: ASSISTANT_MANAGER, orgUnitId: "IT", region: "Seoul", hiredOn: "2011-03-02" }) { id }`,
    );
    await m(`registerBranch(input: { branchId: "P", name: "반포", region: "Seoul", district: "서초구", seoul: true }) { id }`);
    await m(`registerBranch(input: { branchId: "N", name: "해운대", region: "Busan", district: "해운대구", seoul: false }) { id }`);
    await m(`registerFc(input: { fcId: "FC1", name: "박설계", branchId: "P", hiredOn: "2012-05-01" }) { id }`);
    await m(`registerFc(input: { fcId: "FC2", name: "최설계", branchId: "P", hiredOn: "2013-05-01" }) { id }`);
    // An employee and an FC with the same id: two subjects, two rows.
    await m(`registerFc(input: { fcId: "E1", name: "동명이인", branchId: "N", hiredOn: "2014-01-02" }) { id }`);

    relay = createRelay({ store: t.hub.store, view: t.hub.sql, brokers: [broker.brokers], relayId, log: () => undefined });
    relay.start();
    stops.push(() => relay.stop());
    await caughtUp();
  }, 300_000);
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await hr?.close();
    await dropHr?.();
    await t?.dispose();
    await broker?.release();
  }, 60_000);

  /** GraphQL's answer and the consumer's tables, in one shape. */
  const fromGraphql = async () => {
    const d = (await t.ok(`{
      employees(first: 100, filter: { includeLeft: true }) { edges { node { id name grade title orgUnit { id } region hiredOn leftOn } } }
      fcs(first: 100, filter: { includeLeft: true }) { edges { node { id name branch { id } hiredOn leftOn } } }
      branches(first: 100) { edges { node { id name region district seoul prideSince } } }
      orgUnits { id name kind parent { id } }
    }`)) as {
      employees: {
        edges: {
          node: {
            id: string;
            name: string;
            grade: string;
            title: string | null;
            orgUnit: { id: string } | null;
            region: string;
            hiredOn: string | null;
            leftOn: string | null;
          };
        }[];
      };
      fcs: { edges: { node: { id: string; name: string; branch: { id: string } | null; hiredOn: string; leftOn: string | null } }[] };
      branches: {
        edges: { node: { id: string; name: string; region: string; district: string; seoul: boolean; prideSince: string | null } }[];
      };
      orgUnits: { id: string; name: string; kind: string; parent: { id: string } | null }[];
    };
    const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));
    return {
      employees: byId(
        d.employees.edges.map(({ node: e }) => ({
          id: e.id,
          name: e.name,
          grade: e.grade,
          title: e.title,
          orgUnitId: e.orgUnit?.id ?? null,
          region: e.region,
          hiredOn: e.hiredOn,
          leftOn: e.leftOn,
        })),
      ),
      fcs: byId(
        d.fcs.edges.map(({ node: f }) => ({
          id: f.id,
          name: f.name,
          branchId: f.branch?.id ?? null,
          hiredOn: f.hiredOn,
          leftOn: f.leftOn,
        })),
      ),
      branches: byId(d.branches.edges.map(({ node: b }) => ({ ...b }))),
      orgUnits: byId(d.orgUnits.map((o) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parent?.id ?? null }))),
    };
  };
  const d = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;
  const fromTables = async () => ({
    employees: await hr.query(
      `SELECT employee_id AS id, name, grade, title, org_unit_id AS "orgUnitId", region, ${d('hired_on')} AS "hiredOn", ${d('left_on')} AS "leftOn" FROM hr.employees ORDER BY employee_id COLLATE "C"`,
    ),
    fcs: await hr.query(
      `SELECT fc_id AS id, name, branch_id AS "branchId", ${d('hired_on')} AS "hiredOn", ${d('left_on')} AS "leftOn" FROM hr.fcs ORDER BY fc_id COLLATE "C"`,
    ),
    branches: await hr.query(
      `SELECT branch_id AS id, name, region, district, seoul, ${d('pride_since')} AS "prideSince" FROM hr.branches ORDER BY branch_id COLLATE "C"`,
    ),
    orgUnits: await hr.query(
      `SELECT org_unit_id AS id, name, kind, parent_id AS "parentId" FROM hr.org_units ORDER BY org_unit_id COLLATE "C"`,
    ),
  });
  const rows = async () => Object.values(await fromTables()).reduce((n, r) => n + r.length, 0);
  const subjects = async () =>
    (await hr.query<{ subject: string }>(`SELECT subject FROM hr.employees UNION ALL SELECT subject FROM hr.fcs ORDER BY 1`)).map(
      (r) => r.subject,
    );

  it('a new consumer loads every entity once, as GraphQL answers it, and follows later changes', async () => {
    const consumer = createCurrentStateConsumer({
      brokers: [broker.brokers],
      databaseUrl: hrUrl,
      groupId: `hr-${Date.now()}`,
      log: () => undefined,
    });
    await consumer.start();
    stops.push(() => consumer.stop());
    await expect.poll(rows, { timeout: 60_000, interval: 300 }).toBe(3 + 3 + 2 + 3);
    expect(await subjects()).toEqual(['employee-CEO', 'employee-E1', 'employee-E2', 'fc-E1', 'fc-FC1', 'fc-FC2']);
    expect(await fromTables()).toEqual(await fromGraphql());

    await m(`promoteEmployee(input: { employeeId: "E1", grade: ASSISTANT_MANAGER, effectiveOn: "2015-04-01" }) { id }`);
    await m(`transferEmployee(input: { employeeId: "E2", orgUnitId: "FIN", region: "Busan", effectiveOn: "2015-04-01" }) { id }`);
    await m(`recordEmployeeLeft(input: { employeeId: "E2", leftOn: "2015-06-30" }) { id }`);
    await m(`transferFc(input: { fcId: "FC2", branchId: "N", effectiveOn: "2015-02-01" }) { id }`);
    await m(`recordFcLeft(input: { fcId: "FC1", leftOn: "2015-03-31" }) { id }`);
    await m(`enrollBranchInPride(input: { branchId: "P", since: "2014-07-01" }) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "OPS", name: "Operations", kind: TEAM, parentId: "IT" }) { id }`);
    await caughtUp();
    const expected = await fromGraphql();
    expect(expected.employees.find((e) => e.id === 'E2')).toMatchObject({ orgUnitId: 'FIN', region: 'Busan', leftOn: '2015-06-30' });
    expect(expected.branches.find((b) => b.id === 'P')).toMatchObject({ prideSince: '2014-07-01' });
    await expect.poll(fromTables, { timeout: 60_000, interval: 300 }).toEqual(expected);
    expect(consumer.stats.rejected).toBe(0);

    // What the hub does not send but a compacted topic may carry: a tombstone deletes the row; a
    // message that is not a state (or whose subject is not its key) is skipped, and the consumer goes on.
    const producer = new Kafka({ brokers: [broker.brokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: 'hub.current-employees.v1',
      messages: [
        { key: 'employee-E2', value: null },
        { key: 'employee-E1', value: 'not json' },
        {
          key: 'employee-E1',
          value: JSON.stringify({
            specversion: '1.0',
            type: 'hub.EmployeeState.v1',
            subject: 'employee-CEO',
            hubposition: '999999',
            data: {
              employeeId: 'CEO',
              name: 'Impostor',
              grade: 'STAFF',
              orgUnitId: 'HQ',
              region: 'Seoul',
              title: null,
              hiredOn: null,
              leftOn: null,
            },
          }),
        },
      ],
    });
    await producer.disconnect();
    await expect
      .poll(
        async () => (await hr.query<{ employee_id: string }>('SELECT employee_id FROM hr.employees ORDER BY 1')).map((r) => r.employee_id),
        { timeout: 30_000 },
      )
      .toEqual(['CEO', 'E1']);
    await expect.poll(() => consumer.stats.rejected, { timeout: 30_000 }).toBe(2);
    expect((await hr.query<{ name: string }>(`SELECT name FROM hr.employees WHERE employee_id = 'CEO'`))[0]!.name).toBe('정문국');
    await consumer.stop();
    stops.pop();
  }, 240_000);

  it('after a rebuild from the event store, a consumer starting from nothing still matches GraphQL', async () => {
    await hr.query('DROP SCHEMA hr CASCADE');
    const rebuilt = await rebuildCurrentState({ store: t.hub.store, brokers: [broker.brokers], relayId, log: () => undefined });
    expect(rebuilt.published).toBe(3 + 3 + 2 + 4);
    const consumer = createCurrentStateConsumer({
      brokers: [broker.brokers],
      databaseUrl: hrUrl,
      groupId: `hr-again-${Date.now()}`,
      log: () => undefined,
    });
    await consumer.start();
    stops.push(() => consumer.stop());
    const expected = await fromGraphql();
    await expect.poll(fromTables, { timeout: 60_000, interval: 300 }).toEqual(expected);
    // The rebuild's copies of states the topic already had changed nothing (same hubposition).
    await caughtUp();
    await m(`transferEmployee(input: { employeeId: "CEO", orgUnitId: "FIN", region: "Seoul", effectiveOn: "2015-05-01" }) { id }`);
    await caughtUp();
    await expect.poll(fromTables, { timeout: 60_000, interval: 300 }).toEqual(await fromGraphql());
  }, 240_000);

  it('does the same from the command line: npm run streams -- rebuild-current-state, start-offsets, replay; bad arguments refused before anything connects', async () => {
    const streams = (...args: string[]) =>
      new Promise<{ code: number | null; out: string }>((ok) => {
        const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'services/platform/src/bin/streams.ts'), ...args], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: t.config.DATABASE_URL, KAFKA_BROKERS: broker.brokers, HUB_RELAY_ID: relayId },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => ok({ code, out }));
      });
    const rebuilt = await streams('rebuild-current-state');
    expect(rebuilt.out).toMatch(/published 12 current states as of position \d+/);
    expect(rebuilt.code).toBe(0);
    const offsets = await streams('start-offsets', '--topic', 'hub.directory.v1', '--position', '0');
    expect(offsets.out.trim().split('\n')).toEqual([
      'hub.directory.v1\tpartition 0\toffset 0',
      'hub.directory.v1\tpartition 1\toffset 0',
      'hub.directory.v1\tpartition 2\toffset 0',
    ]);
    const [first, , third] = await t.hub.store.readAll({ limit: 3 });
    const replayed = await streams(
      'replay',
      '--name',
      'cli',
      '--from',
      first!.position.toString(),
      '--to',
      third!.position.toString(),
      '--topic',
      'hub.directory.v1',
    );
    expect(replayed.out).toMatch(/^3 messages on replay\.cli\.hub\.directory\.v1/m);
    const bad = await streams('replay', '--name', 'cli', '--from', '5', '--to', '2');
    expect([bad.code, bad.out.split('\n')[0]]).toEqual([2, '--from: from must not be after to']);
    const unknown = await streams('rebuild-everything');
    expect([unknown.code, unknown.out.split('\n')[0]]).toEqual([2, 'unknown command: rebuild-everything']);
  }, 180_000);
});
