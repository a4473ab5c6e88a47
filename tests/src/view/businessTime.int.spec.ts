import { randomUUID } from 'node:crypto';
import { GRADES, SCHEMA_VERSION, type HubEvent } from '@hub/events';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import {
  cafeSessionReachByOrgUnit,
  coverage,
  createProjector,
  employeesPage,
  fcsPage,
  listCafeSessions,
  listOrgUnits,
  touchesByPersonIds,
  type AsOf,
} from '@hub/read-model';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/*
 * "As of T" is business time (README, "Two times"): for random histories — people hired,
 * promoted, transferred and gone, café sessions held, each recorded in a random order unrelated to
 * when it happened — the view asked as of T answers exactly what a view built from only the events
 * that had occurred by T, recorded in the order they happened, answers. Run on both engines, with a
 * fixed seed in CI (FUZZ_SEED and FUZZ_RUNS to vary).
 */

interface Planned {
  /** Fixed at planning, so both views hold the same event ids (touch ids derive from them). */
  id: string;
  stream: string;
  occurredAt: string;
  event: HubEvent;
}

const DAY = 86_400_000;
const START = Date.parse('2014-01-01T00:00:00+09:00');
const SPAN_DAYS = 730;
const at = (day: number, hour = 0) => new Date(START + day * DAY + hour * 3_600_000).toISOString();
const dayOf = (day: number) => new Date(START + day * DAY + 9 * 3_600_000).toISOString().slice(0, 10);

const UNITS = [
  { orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION', parentId: null },
  { orgUnitId: 'D1', name: 'Sales', kind: 'DEPARTMENT', parentId: 'HQ' },
  { orgUnitId: 'D2', name: 'IT', kind: 'DEPARTMENT', parentId: 'HQ' },
  { orgUnitId: 'T1', name: 'Web', kind: 'TEAM', parentId: 'D2' },
] as const;
const grade = fc.constantFrom(...GRADES.map((g) => g.code).filter((g) => g !== 'EXECUTIVE'));
const unit = fc.constantFrom(...UNITS.map((u) => u.orgUnitId));

/** One employee's life: a hire, then changes on later days, leaving last if at all. */
const employeeLife = fc.record({
  hiredDay: fc.integer({ min: 0, max: SPAN_DAYS - 60 }),
  grade,
  unit,
  changes: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('promote' as const), after: fc.integer({ min: 0, max: 400 }), grade }),
      fc.record({ kind: fc.constant('transfer' as const), after: fc.integer({ min: 0, max: 400 }), unit }),
    ),
    { maxLength: 3 },
  ),
  leavesAfter: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
});

const session = fc.record({
  scheduledDay: fc.integer({ min: 0, max: SPAN_DAYS - 40 }),
  heldAfter: fc.integer({ min: 1, max: 30 }),
  attendees: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 5 }),
  cancelled: fc.boolean(),
});

const historyArb = fc.record({
  employees: fc.array(employeeLife, { minLength: 2, maxLength: 8 }),
  fcs: fc.array(
    fc.record({ hiredDay: fc.integer({ min: 0, max: SPAN_DAYS }), movesAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }) }),
    { maxLength: 3 },
  ),
  sessions: fc.array(session, { maxLength: 4 }),
  /** Record order: a seed for interleaving the streams. */
  orderSeed: fc.integer(),
  tDay: fc.integer({ min: 0, max: SPAN_DAYS + 30 }),
});
type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

/** The events of a history, each stream in its own order (as the domain would accept them). */
const plan = (h: History): Omit<Planned, 'id'>[][] => {
  const streams: Omit<Planned, 'id'>[][] = [];
  for (const u of UNITS)
    streams.push([{ stream: `orgUnit-${u.orgUnitId}`, occurredAt: at(0), event: { type: 'OrgUnitDefined', data: { ...u } } }]);
  streams.push([
    {
      stream: 'employee-CEO',
      occurredAt: at(0),
      event: {
        type: 'EmployeeRegistered',
        data: { employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'HQ', region: 'Seoul', title: 'CEO', hiredOn: dayOf(0) },
      },
    },
  ]);
  h.employees.forEach((e, i) => {
    const id = `E${i}`;
    const stream = `employee-${id}`;
    const life: Omit<Planned, 'id'>[] = [
      {
        stream,
        occurredAt: at(e.hiredDay),
        event: {
          type: 'EmployeeRegistered',
          data: {
            employeeId: id,
            name: `직원${i}`,
            grade: e.grade,
            orgUnitId: e.unit,
            region: 'Seoul',
            title: null,
            hiredOn: dayOf(e.hiredDay),
          },
        },
      },
    ];
    let last = e.hiredDay;
    for (const c of e.changes) {
      const day = e.hiredDay + c.after;
      last = Math.max(last, day);
      life.push(
        c.kind === 'promote'
          ? {
              stream,
              occurredAt: at(day),
              event: { type: 'EmployeePromoted', data: { employeeId: id, grade: c.grade, effectiveOn: dayOf(day) } },
            }
          : {
              stream,
              occurredAt: at(day),
              event: { type: 'EmployeeTransferred', data: { employeeId: id, orgUnitId: c.unit, region: 'Busan', effectiveOn: dayOf(day) } },
            },
      );
    }
    if (e.leavesAfter !== null) {
      const day = last + e.leavesAfter;
      life.push({ stream, occurredAt: at(day), event: { type: 'EmployeeLeft', data: { employeeId: id, leftOn: dayOf(day) } } });
    }
    streams.push(life);
  });
  for (const [b, name] of [
    ['B1', '반포'],
    ['B2', '강남'],
  ] as const) {
    streams.push([
      {
        stream: `branch-${b}`,
        occurredAt: at(0),
        event: { type: 'BranchRegistered', data: { branchId: b, name, region: 'Seoul', district: '서초구', seoul: true } },
      },
    ]);
  }
  h.fcs.forEach((f, i) => {
    const stream = `fc-F${i}`;
    const life: Omit<Planned, 'id'>[] = [
      {
        stream,
        occurredAt: at(f.hiredDay),
        event: { type: 'FcRegistered', data: { fcId: `F${i}`, name: `설계사${i}`, branchId: 'B1', hiredOn: dayOf(f.hiredDay) } },
      },
    ];
    if (f.movesAfter !== null) {
      const day = f.hiredDay + f.movesAfter;
      life.push({
        stream,
        occurredAt: at(day),
        event: { type: 'FcTransferred', data: { fcId: `F${i}`, branchId: 'B2', effectiveOn: dayOf(day) } },
      });
    }
    streams.push(life);
  });
  h.sessions.forEach((s, i) => {
    const id = `S${i}`;
    const stream = `cafeSession-${id}`;
    const heldDay = s.scheduledDay + s.heldAfter;
    const events: Omit<Planned, 'id'>[] = [
      {
        stream,
        occurredAt: at(s.scheduledDay),
        event: {
          type: 'CafeSessionScheduled',
          data: { sessionId: id, scheduledAt: at(heldDay, 6), venue: 'Café Bene', hostIds: ['CEO'], capacity: 20 },
        },
      },
    ];
    if (s.cancelled)
      events.push({
        stream,
        occurredAt: at(heldDay - 1),
        event: { type: 'CafeSessionCancelled', data: { sessionId: id, reason: 'Typhoon' } },
      });
    else
      for (const a of s.attendees.filter((a) => a < h.employees.length)) {
        events.push({
          stream,
          occurredAt: at(heldDay, 6),
          event: { type: 'CafeSessionAttendanceRecorded', data: { sessionId: id, employeeId: `E${a}`, walkIn: false } },
        });
      }
    streams.push(events);
  });
  return streams;
};

/** Interleave the streams in a random record order, each stream's own order kept. */
const interleave = (streams: Omit<Planned, 'id'>[][], seed: number): Planned[] => {
  const queues = streams.map((s) => s.map((p) => ({ ...p, id: randomUUID() })));
  const out: Planned[] = [];
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    out.push(open[Math.floor(next() * open.length)]!.shift()!);
  }
  return out;
};

const append = async (store: EventStore, events: Planned[]) => {
  for (const p of events) {
    await store.append(p.stream, [
      {
        id: p.id,
        type: p.event.type,
        data: p.event.data,
        metadata: {
          correlationId: 'prop',
          causationId: 'prop',
          actor: 'property-test',
          occurredAt: p.occurredAt,
          schemaVersion: SCHEMA_VERSION,
        },
      },
    ]);
  }
};

/** Record-side facts differ between the two stores by construction: when and where each event was stored. */
const RECORD_SIDE = new Set(['asOf', 'recordedAt', 'sourcePosition']);

/** Everything a reader could ask, minus the record-side facts. */
const answers = async (db: SqlDriver, asOf: AsOf) => {
  const byName = { by: 'NAME', direction: 'ASC' } as const;
  const period = { from: '2014-01-01T00:00:00+09:00', to: '2016-03-01T00:00:00+09:00' };
  const everyone = ['CEO', ...Array.from({ length: 8 }, (_, i) => `E${i}`)];
  const value = {
    orgUnits: await listOrgUnits(db, asOf),
    employees: await employeesPage(db, { includeLeft: true }, byName, { first: 100 }, asOf),
    present: await employeesPage(db, {}, byName, { first: 100 }, asOf),
    team: await employeesPage(db, { orgUnitId: 'D2' }, byName, { first: 100 }, asOf),
    fcs: await fcsPage(db, { branchId: 'B2' }, byName, { first: 100 }, asOf),
    sessions: await listCafeSessions(db, {}, { first: 50 }, asOf),
    touches: await touchesByPersonIds(db, everyone, asOf),
    coverage: await coverage(db, 'EMPLOYEE', {}, period, {}, asOf),
    reach: await cafeSessionReachByOrgUnit(db, period, {}, asOf),
  };
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (RECORD_SIDE.has(k) ? undefined : v))) as unknown;
};

const viewOf = async (engine: (typeof SQL_ENGINES)[number], events: Planned[]) => {
  const { db, dispose } = await engine.create();
  const store = await createSqlEventStore(db, { pollIntervalMs: 20 });
  const projector = createProjector({ store, db });
  await append(store, events);
  await projector.start();
  return {
    db,
    close: async () => {
      await projector.stop();
      await store.close();
      await dispose();
    },
  };
};

const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const runs = Number(process.env.FUZZ_RUNS ?? 10);

describe.each(SQL_ENGINES)('business time ("as of") on $name', (engine) => {
  it('answers as of T exactly what a view of only the events that occurred by T answers', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (h) => {
        const recorded = interleave(plan(h), h.orderSeed);
        const t = at(h.tDay, 12);
        const whole = await viewOf(engine, recorded);
        // The reference: only what had occurred by T, recorded in the order it happened (a stable
        // sort keeps the record order of same-moment events), so its folds need no business time.
        const past = await viewOf(
          engine,
          recorded
            .filter((p) => p.occurredAt <= t)
            .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0)),
        );
        try {
          expect(await answers(whole.db, t)).toEqual(await answers(past.db, t));
        } finally {
          await whole.close();
          await past.close();
        }
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
  }, 600_000);
});
