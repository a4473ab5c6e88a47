import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION, type HubEvent } from '@hub/events';
import type { EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import type { SqlDriver } from '@hub/sql';
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

/** Every row of the named view tables, in a stable order (by every column). */
export const rowsOf = async (db: SqlDriver, tables: readonly string[]) => {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await db.query(`SELECT * FROM hub_view.${table} ORDER BY ${'1, 2, 3'}`);
  return rows;
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
