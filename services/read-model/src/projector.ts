import { hubEventSchema } from '@hub/contracts';
import type { EventStore, RecordedEvent, Subscription } from '@hub/event-store';
import type { SqlDriver, SqlExecutor } from '@hub/sql';
import type { Projection, ProjectedEvent } from './projection';
import { branchVisitProjection } from './projections/branchVisits';
import { cafeSessionProjection } from './projections/cafeSessions';
import { customerSmileProjection } from './projections/customerSmile';
import { directoryProjection } from './projections/directory';
import { prideProjection } from './projections/pride';
import { townHallProjection } from './projections/townHalls';
import { videoMessageProjection } from './projections/videoMessages';
import { READ_MODEL_DDL } from './schema';

export const ALL_PROJECTIONS: Projection[] = [directoryProjection, cafeSessionProjection, townHallProjection, branchVisitProjection, videoMessageProjection,
  customerSmileProjection, prideProjection];

const CHECKPOINT = 'hub_view';
const MIGRATION_LOCK_KEY = 7_346_010;

export const migrateReadModel = (db: SqlDriver) =>
  db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(READ_MODEL_DDL);
    // The row always exists, so a projector can lock it before its first batch.
    await tx.query(`INSERT INTO hub_view.checkpoints (name, position) VALUES ($1, -1) ON CONFLICT (name) DO NOTHING`, [CHECKPOINT]);
  });

/** Position of the last event in the view; -1 before the first. */
const readCheckpoint = async (tx: SqlExecutor, lock: boolean): Promise<bigint> => {
  const [row] = await tx.query<{ position: string }>(
    `SELECT position::text AS position FROM hub_view.checkpoints WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
    [CHECKPOINT],
  );
  return row ? BigInt(row.position) : -1n;
};

export interface ProjectorStats {
  applied: number;
  /** Events in the store the hub has no schema for (written by a newer version, or corrupt). */
  skipped: number;
}

/**
 * Builds the read model from the global event order. Each batch is applied in one transaction
 * together with the checkpoint, so a crash never leaves rows without their checkpoint or the
 * reverse, and an event at or before the checkpoint is never applied again.
 */
export const createProjector = ({
  store,
  db,
  projections = ALL_PROJECTIONS,
  log = (m: string) => console.warn(m),
}: {
  store: EventStore;
  db: SqlDriver;
  projections?: Projection[];
  log?: (message: string) => void;
}) => {
  const stats: ProjectorStats = { applied: 0, skipped: 0 };
  let subscription: Subscription | undefined;

  const applyBatch = async (events: RecordedEvent[]) => {
    await db.transaction(async (tx) => {
      const checkpoint = await readCheckpoint(tx, true);
      const fresh = events.filter((e) => e.position > checkpoint);
      for (const recorded of fresh) {
        const parsed = hubEventSchema.safeParse({ type: recorded.type, data: recorded.data });
        if (!parsed.success) {
          stats.skipped++;
          log(`[projector] skipped event ${recorded.id} (${recorded.type}) at ${recorded.position}: not a known hub event`);
          continue;
        }
        const { type: _type, data: _data, ...rest } = recorded;
        const projected: ProjectedEvent = { ...rest, event: parsed.data };
        for (const p of projections) await p.apply(tx, projected);
        stats.applied++;
      }
      const last = events[events.length - 1];
      if (last && last.position > checkpoint) {
        await tx.query(`UPDATE hub_view.checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [CHECKPOINT, last.position.toString()]);
      }
    });
  };

  const projector = {
    stats,
    async checkpoint() {
      return readCheckpoint(db, false);
    },

    /** Catch up from the checkpoint, then follow the store live. Resolves once caught up. */
    async start() {
      await migrateReadModel(db);
      const after = await readCheckpoint(db, false);
      subscription = store.subscribe({
        ...(after < 0n ? {} : { after }),
        handler: applyBatch,
        onError: (e) => log(`[projector] stopped: ${e instanceof Error ? e.message : String(e)}`),
      });
      await subscription.caughtUp;
    },

    /** Wait until the view includes everything up to `position` (read-your-writes for mutations). */
    async waitFor(position: bigint | undefined, timeoutMs = 30_000) {
      if (position === undefined) return;
      if (!subscription) throw new Error('Projector is not running');
      await subscription.waitFor(position, timeoutMs);
    },

    async stop() {
      await subscription?.close();
      subscription = undefined;
    },

    /** Drop the whole view and replay every event from position zero up to the current head. */
    async rebuild(): Promise<ProjectorStats> {
      const wasRunning = subscription !== undefined;
      await projector.stop();
      await db.exec('DROP SCHEMA IF EXISTS hub_view CASCADE');
      await migrateReadModel(db);
      stats.applied = 0;
      stats.skipped = 0;
      let after: bigint | undefined;
      for (;;) {
        const batch = await store.readAll({ ...(after === undefined ? {} : { after }), limit: 1000 });
        if (batch.length === 0) break;
        await applyBatch(batch);
        after = batch[batch.length - 1]!.position;
      }
      if (wasRunning) await projector.start();
      return { ...stats };
    },
  };
  return projector;
};

export type Projector = ReturnType<typeof createProjector>;

/**
 * For a process that reads the view but does not run the projector (a separate gateway): poll the
 * checkpoint until the view includes `position`.
 */
export const waitForCheckpoint = async (db: SqlExecutor, position: bigint | undefined, timeoutMs = 30_000, intervalMs = 50) => {
  if (position === undefined) return;
  const deadline = Date.now() + timeoutMs;
  while ((await readCheckpoint(db, false)) < position) {
    if (Date.now() > deadline) throw new Error(`The view did not reach position ${position} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};
