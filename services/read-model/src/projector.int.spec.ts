import { createCafeSessionService } from '@hub/cafe-sessions';
import { createDirectoryService } from '@hub/directory';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cafeSessionReachByOrgUnit, employeeReachByOrgUnit } from './coverage/reach';
import { createProjector, migrateReadModel, type Projector } from './projector';
import { defineProjection } from './projection';
import { directoryProjection } from './projections/directory';
import { listCafeSessions, participantsBySessionIds } from './queries/cafeSessions';
import { questionsOfGatherings } from './queries/questions';
import { touchesByPersonIds } from './queries/touches';
import { dumpView } from './testing';

const ctx = { actor: 'test' };

/** Every row of every view table, in a stable order: what "equal views" means. */
/** A small deterministic PRNG, so the data set is the same on every run and engine. */
const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const UNITS = ['FIN', 'MKT', 'OPS', 'SPL'];
const GRADES_CYCLE = ['STAFF', 'ASSISTANT_MANAGER', 'MANAGER', 'DEPUTY_GENERAL_MANAGER', 'GENERAL_MANAGER'] as const;

describe.each(SQL_ENGINES)('read model on $name', (engine) => {
  let db: SqlDriver;
  let store: EventStore;
  let projector: Projector;
  let dispose: () => Promise<void>;
  // What the test itself wrote, to check the view against without trusting the view.
  const attendedBy = new Map<string, { orgUnit: string; sessions: { at: string; sessionId: string }[] }>();
  const employees: { id: string; orgUnit: string; eligible: boolean }[] = [];

  beforeAll(async () => {
    const created = await engine.create();
    db = created.db;
    store = await createSqlEventStore(db, { pollIntervalMs: 50 });
    projector = createProjector({ store, db });
    await projector.start(); // live from the start: the view is built incrementally
    dispose = async () => {
      await projector.stop();
      await store.close();
      await created.dispose();
    };
    const directory = createDirectoryService(store);
    const cafe = createCafeSessionService({ store, directory, clock: () => new Date('2016-01-01T00:00:00Z') });
    await directory.defineOrgUnit({ orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION' }, ctx);
    await directory.defineOrgUnit({ orgUnitId: 'EXEC', name: 'Office of the CEO', kind: 'DEPARTMENT', parentId: 'HQ' }, ctx);
    for (const unit of UNITS)
      await directory.defineOrgUnit({ orgUnitId: unit, name: `Unit ${unit}`, kind: 'DEPARTMENT', parentId: 'HQ' }, ctx);
    await directory.registerEmployee(
      { employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'EXEC', region: 'Seoul', title: 'CEO' },
      ctx,
    );
    await directory.registerEmployee(
      { employeeId: 'CFO', name: '최재무', grade: 'EXECUTIVE', orgUnitId: 'EXEC', region: 'Seoul', title: 'CFO' },
      ctx,
    );
    for (let i = 0; i < 40; i++) {
      const grade = GRADES_CYCLE[i % GRADES_CYCLE.length]!;
      const orgUnit = UNITS[i % UNITS.length]!;
      employees.push({ id: `E${i}`, orgUnit, eligible: grade !== 'GENERAL_MANAGER' });
      await directory.registerEmployee({ employeeId: `E${i}`, name: `직원 ${i}`, grade, orgUnitId: orgUnit, region: 'Seoul' }, ctx);
    }
    const random = prng(42);
    const eligible = employees.filter((e) => e.eligible);
    for (let s = 0; s < 8; s++) {
      const sessionId = `S${s}`;
      const scheduledAt = new Date(Date.UTC(2015, s, 10, 6)).toISOString();
      const hostIds = s % 3 === 0 ? ['CEO', 'CFO'] : ['CEO'];
      await cafe.schedule({ sessionId, scheduledAt, venue: 'Café, Yeouido', hostIds }, { ...ctx, occurredAt: scheduledAt }); // history: it took place
      const guests = eligible.filter(() => random() < 0.25).slice(0, 10);
      for (const g of guests) await cafe.invite({ sessionId, employeeId: g.id }, ctx);
      for (const g of guests.filter(() => random() < 0.8)) {
        await cafe.recordAttendance({ sessionId, employeeId: g.id }, ctx);
        const entry = attendedBy.get(g.id) ?? { orgUnit: g.orgUnit, sessions: [] };
        entry.sessions.push({ at: scheduledAt, sessionId });
        attendedBy.set(g.id, entry);
        if (random() < 0.3) {
          const { questionId } = await cafe.raiseQuestion(
            { sessionId, topic: 'strategy', text: 'Why?', askedBy: g.id, anonymous: random() < 0.5 },
            ctx,
          );
          if (random() < 0.5)
            await cafe.answerQuestion({ sessionId, questionId, answeredBy: 'CEO', mode: 'LIVE', answer: 'Because.' }, ctx);
        }
      }
      if (s === 7) await cafe.cancel({ sessionId: 'S7', reason: 'never held' }, ctx).catch(() => undefined);
    }
    await projector.waitFor(await store.headPosition());
  });
  afterAll(() => dispose());

  it('projects sessions, participants and questions', async () => {
    const page = await listCafeSessions(db, {}, { first: 100 });
    expect(page.totalCount).toBe(8);
    expect(page.nodes.map((n) => n.node.sessionId)).toEqual(['S7', 'S6', 'S5', 'S4', 'S3', 'S2', 'S1', 'S0']);
    const [participants] = await participantsBySessionIds(db, ['S0']);
    const attendedS0 = [...attendedBy].filter(([, v]) => v.sessions.some((s) => s.sessionId === 'S0')).map(([id]) => id);
    expect(
      participants!
        .filter((p) => p.attended)
        .map((p) => p.employeeId)
        .sort(),
    ).toEqual(attendedS0.sort());
    const questions = (await questionsOfGatherings(db, 'CAFE_SESSION', ['S0', 'S1', 'S2'])).flat();
    for (const q of questions) if (q.anonymous) expect(q.askedBy).toBeNull();
  });

  it('records one touch per attendee per host, at the session time', async () => {
    const [person, info] = [...attendedBy].find(([, v]) => v.sessions.some((s) => s.sessionId === 'S0'))!;
    const [touches] = await touchesByPersonIds(db, [person]);
    const expected = info.sessions.flatMap((s) =>
      (Number(s.sessionId.slice(1)) % 3 === 0 ? ['CEO', 'CFO'] : ['CEO']).map((h) => `${s.at}|${h}`),
    );
    expect(touches!.map((t) => `${t.touchedAt}|${t.leaderId}`).sort()).toEqual(expected.sort());
    expect(touches!.every((t) => t.channel === 'CAFE_SESSION' && t.mode === 'FACE_TO_FACE')).toBe(true);
  });

  it('computes café reach by org unit from the touches, per period and host', async () => {
    const period = { from: '2015-01-01T00:00:00Z', to: '2015-04-01T00:00:00Z' };
    const rows = await cafeSessionReachByOrgUnit(db, period);
    for (const unit of UNITS) {
      const inUnit = employees.filter((e) => e.orgUnit === unit);
      const reached = inUnit.filter((e) => attendedBy.get(e.id)?.sessions.some((s) => s.at >= period.from && s.at < '2015-04-01')).length;
      expect(rows.find((r) => r.orgUnitId === unit)).toEqual({
        orgUnitId: unit,
        orgUnitName: `Unit ${unit}`,
        kind: 'DEPARTMENT',
        parentId: 'HQ',
        population: inUnit.length,
        eligiblePopulation: inUnit.filter((e) => e.eligible).length,
        reached,
        reachRate: reached / inUnit.length,
        eligibleReachRate: reached / inUnit.filter((e) => e.eligible).length,
      });
    }
    // Only sessions 0 and 3 (and 6) had the CFO as a co-host.
    const cfo = await cafeSessionReachByOrgUnit(db, { from: '2015-01-01T00:00:00Z', to: '2016-01-01T00:00:00Z' }, { hostId: 'CFO' });
    const metByCfo = [...attendedBy.values()].filter((v) => v.sessions.some((s) => ['S0', 'S3', 'S6'].includes(s.sessionId))).length;
    expect(cfo.filter((r) => r.kind === 'DEPARTMENT').reduce((n, r) => n + r.reached, 0)).toBe(metByCfo);
    // The division counts its whole subtree.
    const hq = rows.find((r) => r.orgUnitId === 'HQ')!;
    expect(hq.population).toBe(employees.length + 2);
    expect(hq.reached).toBe(rows.filter((r) => r.kind === 'DEPARTMENT').reduce((n, r) => n + r.reached, 0));
  });

  it('computes reach by org unit through any channel or one channel', async () => {
    const period = { from: '2015-01-01T00:00:00Z', to: '2015-04-01T00:00:00Z' };
    // Only café sessions were held: every channel together reaches whom the café did, video nobody.
    expect(await employeeReachByOrgUnit(db, period)).toEqual(await cafeSessionReachByOrgUnit(db, period));
    const video = await employeeReachByOrgUnit(db, period, { channel: 'VIDEO_MESSAGE' });
    expect(video.length).toBeGreaterThan(1);
    expect(video.every((r) => r.reached === 0)).toBe(true);
    const hq = await employeeReachByOrgUnit(db, period, { orgUnitId: 'HQ', leaderId: 'CFO' });
    expect(hq.map((r) => r.orgUnitId)).toEqual(['HQ']);
  });

  it('changes nothing when events are processed again', async () => {
    const before = await dumpView(db);
    await projector.stop();
    await db.query(`UPDATE hub_view.checkpoints SET position = -1`);
    await projector.start(); // replays everything over the existing rows
    expect(await dumpView(db)).toEqual(before);
  });

  it('rebuilds from zero to exactly the incrementally built view', async () => {
    const incremental = await dumpView(db);
    expect(incremental.touches!.length).toBeGreaterThan(0);
    const stats = await projector.rebuild();
    expect(stats.applied).toBeGreaterThan(100);
    expect(await dumpView(db)).toEqual(incremental);
    expect(await projector.checkpoint()).toBe(await store.headPosition());
    // The recreated tables are analysed: the planner knows how many rows they hold (-1: never analysed).
    const [touches] = await db.query<{ estimated: number; actual: number }>(
      `SELECT (SELECT reltuples FROM pg_class WHERE oid = 'hub_view.touches'::regclass)::int AS estimated, (SELECT count(*) FROM hub_view.touches)::int AS actual`,
    );
    expect(Number(touches!.estimated)).toBe(Number(touches!.actual));
  });

  it('writes rows and checkpoint together: a failing projection leaves no rows of its own, parks the event for itself, and the checkpoint moves past it', async () => {
    const other = await engine.create();
    try {
      const otherStore = await createSqlEventStore(other.db);
      const { position } = await createDirectoryService(otherStore).defineOrgUnit({ orgUnitId: 'U', name: 'U', kind: 'DIVISION' }, ctx);
      const failing = createProjector({
        store: otherStore,
        db: other.db,
        // The broken projection writes its row, then fails: that row goes; the directory's stays.
        projections: [
          directoryProjection,
          defineProjection({
            name: 'broken',
            shape: 1,
            ddl: 'CREATE TABLE IF NOT EXISTS hub_view.broken_rows (org_unit_id text)',
            handles: ['OrgUnitDefined'],
            apply: async (tx, { event }) => {
              await tx.query('INSERT INTO hub_view.broken_rows VALUES ($1)', [event.data.orgUnitId]);
              throw new Error('disk full');
            },
          }),
        ],
        log: () => undefined,
      });
      await migrateReadModel(other.db);
      await failing.start();
      expect(await other.db.query('SELECT * FROM hub_view.broken_rows')).toEqual([]);
      expect(await other.db.query('SELECT org_unit_id FROM hub_view.org_units')).toEqual([{ org_unit_id: 'U' }]);
      expect(await failing.checkpoint()).toBe(position);
      expect(await other.db.query('SELECT position::text AS position, projection, reason FROM hub_view.dead_letters')).toEqual([
        { position: String(position), projection: 'broken', reason: 'Error: disk full' },
      ]);
      await failing.stop();
      await otherStore.close();
    } finally {
      await other.dispose();
    }
  });
});
