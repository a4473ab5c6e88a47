import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION, type HubEvent } from '@hub/events';
import type { EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import type { SqlDriver, SqlExecutor } from '@hub/sql';
import type { Projection } from './projection';
import { createProjector, type Projector } from './projector';

/*
 * Support for projection specs: events appended as they are (no decider in between), a view built
 * by the projections given, and the view's rows read back in a stable order.
 */

/** An event of some stream, at a business moment. */
export interface HistoryEvent {
  stream: string;
  occurredAt: string;
  event: HubEvent;
}

export const appendHistory = async (store: EventStore, history: readonly HistoryEvent[]) => {
  for (const { stream, occurredAt, event } of history)
    await store.append(stream, [
      {
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { correlationId: 'spec', causationId: 'spec', actor: 'spec', occurredAt, schemaVersion: SCHEMA_VERSION },
      },
    ]);
};

/** Every row of a view table, ordered by every column (rows that share their first ones still come in one order). */
const allRowsOf = async (db: SqlExecutor, table: string) => {
  const [shape] = await db.query<{ columns: number }>(
    `SELECT count(*)::int AS columns FROM information_schema.columns WHERE table_schema = 'hub_view' AND table_name = $1`,
    [table],
  );
  const order = Array.from({ length: Number(shape!.columns) }, (_, i) => i + 1).join(', ');
  return db.query(`SELECT * FROM hub_view.${table} ORDER BY ${order}`);
};

/** Every row of the named view tables, in a stable order (by every column). */
export const rowsOf = async (db: SqlDriver, tables: readonly string[]) => {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await allRowsOf(db, table);
  return rows;
};

/**
 * Every row of every view table, in a stable order: what "equal views" means. The checkpoints are
 * left out (their time differs), and so is when a dead letter was parked (a rebuild parks it anew).
 */
export const dumpView = async (db: SqlExecutor) => {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'hub_view' AND table_name <> 'checkpoints' ORDER BY 1`,
  );
  const dump: Record<string, unknown[]> = {};
  for (const { table_name } of tables)
    dump[table_name] =
      table_name === 'dead_letters'
        ? await db.query(
            'SELECT position, projection, event_id, event_type, stream_name, reason FROM hub_view.dead_letters ORDER BY position, projection',
          )
        : await allRowsOf(db, table_name);
  return dump;
};

/** The touches of these channels, in a stable order. */
export const touchesOf = (db: SqlDriver, channels: readonly string[]) =>
  db.query(`SELECT * FROM hub_view.touches WHERE channel = ANY($1::text[]) ORDER BY touch_id`, [channels]);

/**
 * A view built from `history` by `projections` alone, caught up: `db` holds the rows, `projector`
 * follows the store on. Dispose it at the end.
 */
export const viewOf = async (
  engine: { create(): Promise<{ db: SqlDriver; dispose: () => Promise<void> }> },
  projections: Projection[],
  history: readonly HistoryEvent[],
): Promise<{ db: SqlDriver; store: EventStore; projector: Projector; dispose: () => Promise<void> }> => {
  const { db, dispose } = await engine.create();
  const store = await createSqlEventStore(db, { pollIntervalMs: 20 });
  await appendHistory(store, history);
  const projector = createProjector({ store, db, projections, log: () => undefined });
  await projector.start();
  return {
    db,
    store,
    projector,
    dispose: async () => {
      await projector.stop();
      await store.close();
      await dispose();
    },
  };
};

const at = (day: number, hour = 10) => `2015-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`;

/**
 * A small history across projections: the directory, a café session and a town hall with
 * attendance, and in both a question with the same id "Q1" (ids are unique only within a gathering),
 * answered; in the café session a follow-up, completed.
 */
export const twoGatheringsHistory: HistoryEvent[] = [
  {
    stream: 'org-unit-HQ',
    occurredAt: at(1),
    event: { type: 'OrgUnitDefined', data: { orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION', parentId: null } },
  },
  ...['CEO', 'E1', 'E2'].map((id): HistoryEvent => ({
    stream: `employee-${id}`,
    occurredAt: at(1),
    event: {
      type: 'EmployeeRegistered',
      data: {
        employeeId: id,
        name: id,
        grade: id === 'CEO' ? 'EXECUTIVE' : 'STAFF',
        orgUnitId: 'HQ',
        region: 'Seoul',
        title: id === 'CEO' ? 'CEO' : null,
        hiredOn: null,
      },
    },
  })),
  {
    stream: 'cafe-session-S1',
    occurredAt: at(2),
    event: {
      type: 'CafeSessionScheduled',
      data: { sessionId: 'S1', scheduledAt: at(5, 15), venue: 'Café', hostIds: ['CEO'], capacity: 10 },
    },
  },
  {
    stream: 'cafe-session-S1',
    occurredAt: at(5, 15),
    event: { type: 'CafeSessionAttendanceRecorded', data: { sessionId: 'S1', employeeId: 'E1', walkIn: true } },
  },
  {
    stream: 'cafe-session-S1',
    occurredAt: at(5, 15),
    event: {
      type: 'CafeSessionQuestionRaised',
      data: {
        sessionId: 'S1',
        questionId: 'Q1',
        topic: 'career',
        text: 'How do I grow?',
        anonymous: false,
        askedBy: 'E1',
        raisedAt: at(5, 15),
      },
    },
  },
  {
    stream: 'cafe-session-S1',
    occurredAt: at(5, 16),
    event: {
      type: 'CafeSessionQuestionAnswered',
      data: { sessionId: 'S1', questionId: 'Q1', answeredBy: 'CEO', mode: 'LIVE', answer: 'Ask.', answeredAt: at(5, 16) },
    },
  },
  {
    stream: 'cafe-session-S1',
    occurredAt: at(5, 16),
    event: {
      type: 'CafeSessionFollowUpAssigned',
      data: { sessionId: 'S1', followUpId: 'F1', questionId: 'Q1', description: 'Mentoring plan', ownerId: 'CEO', dueOn: '2015-03-20' },
    },
  },
  {
    stream: 'cafe-session-S1',
    occurredAt: at(18),
    event: { type: 'CafeSessionFollowUpCompleted', data: { sessionId: 'S1', followUpId: 'F1', completedOn: '2015-03-18', note: null } },
  },
  {
    stream: 'town-hall-T1',
    occurredAt: at(2),
    event: {
      type: 'TownHallScheduled',
      data: { townHallId: 'T1', scheduledAt: at(10, 18), format: 'CHIMAEK', theme: 'Results', venue: 'Hall', presenterIds: ['CEO'] },
    },
  },
  {
    stream: 'town-hall-T1',
    occurredAt: at(10, 18),
    event: { type: 'TownHallAttendanceRecorded', data: { townHallId: 'T1', employeeId: 'E2' } },
  },
  {
    stream: 'town-hall-T1',
    occurredAt: at(10, 19),
    event: {
      type: 'TownHallQuestionRaised',
      data: {
        townHallId: 'T1',
        questionId: 'Q1',
        topic: 'strategy',
        text: 'Next year?',
        anonymous: true,
        askedBy: null,
        raisedAt: at(10, 19),
      },
    },
  },
  {
    stream: 'town-hall-T1',
    occurredAt: at(11),
    event: {
      type: 'TownHallQuestionAnswered',
      data: { townHallId: 'T1', questionId: 'Q1', answeredBy: 'CEO', answer: 'Growth.', answeredAt: at(11) },
    },
  },
  {
    // The same follow-up id as the café session's: follow-ups are keyed by their gathering too.
    stream: 'town-hall-T1',
    occurredAt: at(11),
    event: {
      type: 'TownHallFollowUpAssigned',
      data: { townHallId: 'T1', followUpId: 'F1', questionId: 'Q1', description: 'Publish the plan', ownerId: 'E1', dueOn: '2015-03-25' },
    },
  },
];
