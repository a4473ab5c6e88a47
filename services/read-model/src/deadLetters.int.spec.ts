import { randomUUID } from 'node:crypto';
import { createDirectoryService } from '@hub/directory';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewHealth } from './health';
import { defineProjection } from './projection';
import { ALL_PROJECTIONS, createProjector, type Projector } from './projector';
import { deadLetters } from './queries/deadLetters';
import { employeesByIds } from './queries/employees';

const ctx = { actor: 'test' };
const meta = { correlationId: 'c', causationId: 'c', actor: 'test', occurredAt: '2015-01-01T00:00:00.000Z', schemaVersion: 1 };

/** A projection with a bug that only one employee triggers, after the directory has written its row. */
const buggy = defineProjection({
  name: 'buggy',
  shape: 1,
  ddl: '',
  handles: ['EmployeeRegistered'],
  async apply(_tx, { event }) {
    if (event.data.employeeId === 'E-BUG') throw new TypeError("Cannot read properties of undefined (reading 'grade')");
  },
});

/** The real driver, counting the transactions and savepoints the projector asks for: a decorator, not a stand-in. */
const counted = (db: SqlDriver) => {
  const counts = { transactions: 0, savepoints: 0 };
  const driver: SqlDriver = {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (fn) => {
      counts.transactions++;
      return db.transaction((tx) =>
        fn({
          query: (sql, params) => tx.query(sql, params),
          exec: (sql) => {
            if (sql.startsWith('SAVEPOINT')) counts.savepoints++;
            return tx.exec(sql);
          },
        }),
      );
    },
  };
  return { driver, counts };
};

const deadLetterRows = (db: SqlDriver) =>
  db.query(
    'SELECT position::text AS position, projection, event_id, event_type, stream_name, reason FROM hub_view.dead_letters ORDER BY position, projection',
  );

describe.each(SQL_ENGINES)('poison events on $name', (engine) => {
  let db: SqlDriver;
  let store: EventStore;
  let projector: Projector;
  let counts: { transactions: number; savepoints: number };
  let dispose: () => Promise<void>;
  const poison: { position: bigint; why: RegExp }[] = [];

  beforeAll(async () => {
    const created = await engine.create();
    db = created.db;
    store = await createSqlEventStore(db, { pollIntervalMs: 50 });
    const c = counted(db);
    counts = c.counts;
    projector = createProjector({ store, db: c.driver, projections: [...ALL_PROJECTIONS, buggy], log: () => undefined });
    dispose = async () => {
      await projector.stop();
      await store.close();
      await created.dispose();
    };
    // Written before the projector starts, so good and poison events arrive in one batch.
    const directory = createDirectoryService(store);
    await directory.defineOrgUnit({ orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION' }, ctx);
    await directory.registerEmployee({ employeeId: 'E1', name: '직원 1', grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul' }, ctx);
    const bug = await directory.registerEmployee(
      { employeeId: 'E-BUG', name: '직원 버그', grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul' },
      ctx,
    );
    poison.push({ position: bug.position!, why: /TypeError: Cannot read properties of undefined/ });
    // An event from a newer version of the hub, and one whose data is corrupt: neither parses.
    const future = await store.append('employee-X', [
      { id: randomUUID(), type: 'EmployeeTeleported', data: { employeeId: 'X' }, metadata: meta },
    ]);
    poison.push({ position: future.position, why: /not a known hub event/ });
    const corrupt = await store.append('employee-Y', [
      { id: randomUUID(), type: 'EmployeeRegistered', data: { employeeId: 'Y' }, metadata: meta },
    ]);
    poison.push({ position: corrupt.position, why: /not a known hub event: .*name/ });
    await directory.registerEmployee({ employeeId: 'E2', name: '직원 2', grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul' }, ctx);
  });
  afterAll(() => dispose());

  it('parks each poison event with its reason and the projection that failed, moves the checkpoint past it and applies the rest', async () => {
    await projector.start();
    expect(await projector.checkpoint()).toBe(await store.headPosition());
    // The buggy projection's failure on E-BUG costs the directory nothing: each projection is a unit.
    const [e1, bug, e2] = await employeesByIds(db, ['E1', 'E-BUG', 'E2']);
    expect([e1?.employeeId, bug?.employeeId, e2?.employeeId]).toEqual(['E1', 'E-BUG', 'E2']);
    const parked = await deadLetterRows(db);
    expect(parked.map((r) => r.position)).toEqual(poison.map((p) => String(p.position)));
    parked.forEach((r, i) => expect(r.reason).toMatch(poison[i]!.why));
    expect(parked.map((r) => [r.projection, r.event_type, r.stream_name])).toEqual([
      ['buggy', 'EmployeeRegistered', 'employee-E-BUG'],
      ['*', 'EmployeeTeleported', 'employee-X'], // no projection can take what does not parse
      ['*', 'EmployeeRegistered', 'employee-Y'],
    ]);
    expect(projector.stats).toEqual({ applied: 3, parked: 3 });
  });

  it('goes on following the store: later events reach the view', async () => {
    const { position } = await createDirectoryService(store).registerEmployee(
      { employeeId: 'E3', name: '직원 3', grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul' },
      ctx,
    );
    await projector.waitFor(position, 10_000);
    expect((await employeesByIds(db, ['E3']))[0]?.employeeId).toBe('E3');
  });

  it('keeps the fast path batch-at-a-time: a clean batch takes one transaction and no savepoint', async () => {
    const before = { ...counts };
    const directory = createDirectoryService(store);
    await projector.stop();
    let last: bigint | undefined;
    for (let i = 0; i < 20; i++)
      last = (
        await directory.registerEmployee({ employeeId: `F${i}`, name: `직원 F${i}`, grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul' }, ctx)
      ).position;
    await projector.start();
    await projector.waitFor(last);
    expect(counts.savepoints - before.savepoints).toBe(0);
    expect(counts.transactions - before.transactions).toBe(2); // the migration, and the one batch
  });

  it('lists dead letters for an admin, newest first, page by page, and counts them on /health', async () => {
    const first = await deadLetters(db, { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.hasNextPage).toBe(true);
    expect(first.nodes.map((n) => n.node.position)).toEqual([String(poison[2]!.position), String(poison[1]!.position)]);
    const rest = await deadLetters(db, { first: 2, after: first.nodes[1]!.cursor });
    expect(rest.nodes.map((n) => n.node)).toEqual([
      expect.objectContaining({
        position: String(poison[0]!.position),
        type: 'EmployeeRegistered',
        stream: 'employee-E-BUG',
        projection: 'buggy',
      }),
    ]);
    expect(first.nodes.map((n) => n.node.projection)).toEqual([null, null]);
    expect(rest.hasNextPage).toBe(false);
    await expect(deadLetters(db, { first: 2, after: 'nonsense' })).rejects.toThrow(/Invalid cursor/);

    const health = await viewHealth(db, () => store.headPosition());
    expect(health).toEqual({
      status: 'ok',
      view: { position: String(await store.headPosition()), head: String(await store.headPosition()), lag: 0 },
      deadLetters: 3,
    });
  });

  it('rebuilding the failing projection alone clears its dead letters and parks them again, to the same rows', async () => {
    const before = await deadLetterRows(db);
    await db.exec(`DELETE FROM hub_view.dead_letters WHERE projection = '*'`); // to see that the replay parks those again too
    await projector.rebuild('buggy');
    expect(await deadLetterRows(db)).toEqual(before);
    expect((await employeesByIds(db, ['E-BUG']))[0]?.employeeId).toBe('E-BUG');
  });

  it('parks them again on a rebuild, to the same rows', async () => {
    const before = await deadLetterRows(db);
    const stats = await projector.rebuild();
    expect(stats.parked).toBe(3);
    expect(await deadLetterRows(db)).toEqual(before);
    expect(await projector.checkpoint()).toBe(await store.headPosition());
  });

  it('applies them on a rebuild once the projection is fixed', async () => {
    const fixed = createProjector({ store, db, log: () => undefined });
    await projector.stop();
    const stats = await fixed.rebuild();
    expect(stats.parked).toBe(2); // the two that do not parse stay parked
    expect((await employeesByIds(db, ['E-BUG']))[0]?.employeeId).toBe('E-BUG');
  });
});
