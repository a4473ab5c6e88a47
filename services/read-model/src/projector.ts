import { hubEventSchema } from '@hub/events';
import type { EventStore, RecordedEvent, Subscription } from '@hub/event-store';
import { isTransientSqlError, type SqlDriver, type SqlExecutor } from '@hub/sql';
import type { Projection, ProjectedEvent } from './projection';
import { branchVisitProjection } from './projections/branchVisits';
import { cafeSessionProjection } from './projections/cafeSessions';
import { customerSmileProjection } from './projections/customerSmile';
import { directoryProjection } from './projections/directory';
import { emailLetterProjection } from './projections/emailLetters';
import { prideProjection } from './projections/pride';
import { questionProjection } from './projections/questions';
import { townHallProjection } from './projections/townHalls';
import { videoMessageProjection } from './projections/videoMessages';
import { ensureTouchMonths, READ_MODEL_DDL, READ_MODEL_VERSION } from './schema';

const VIEW_SHAPE = `hub view, shape ${READ_MODEL_VERSION}`;

/** Every projection of the view, each a unit with its own tables and checkpoint (projection.ts). */
export const ALL_PROJECTIONS: Projection[] = [
  directoryProjection,
  cafeSessionProjection,
  townHallProjection,
  questionProjection,
  branchVisitProjection,
  videoMessageProjection,
  customerSmileProjection,
  prideProjection,
  emailLetterProjection,
];

/** The projection of that name, or a clear error naming the ones there are. */
export const projectionNamed = (name: string, projections: readonly Projection[] = ALL_PROJECTIONS): Projection => {
  const found = projections.find((p) => p.name === name);
  if (!found) throw new Error(`No projection "${name}"; the projections are: ${projections.map((p) => p.name).join(', ')}`);
  return found;
};

const MIGRATION_LOCK_KEY = 7_346_010;
/** Events per transaction when rebuilding: set-based projection writes a batch in a few statements. */
export const REBUILD_BATCH = 2_000;
/** Where a dead letter names no projection: the event does not parse, so none can take it. */
const EVERY_PROJECTION = '*';
const REASON_MAX = 2_000;

/**
 * Empties one projection in `tx`: drops the tables it owns (as last created, and as now declared),
 * deletes its slice of the touches, and moves its checkpoint before the first event, so the
 * projector replays the whole history into it alone. The other projections do not move.
 */
const resetProjection = async (tx: SqlExecutor, projection: Projection, createdTables: readonly string[]) => {
  for (const table of new Set([...createdTables, ...projection.tables])) await tx.exec(`DROP TABLE IF EXISTS hub_view.${table} CASCADE`);
  if (projection.touchChannels.length > 0) {
    await tx.query(`DELETE FROM hub_view.touches WHERE channel = ANY($1::text[])`, [projection.touchChannels]);
    await tx.query(`DELETE FROM hub_view.touch_months WHERE channel = ANY($1::text[])`, [projection.touchChannels]);
  }
  // Its replay from the start parks again what it still cannot take, and what still does not parse.
  await tx.query(`DELETE FROM hub_view.dead_letters WHERE projection = ANY($1::text[])`, [[projection.name, EVERY_PROJECTION]]);
  await tx.query(`DELETE FROM hub_view.checkpoints WHERE name = $1`, [projection.name]);
};

/**
 * Brings the view to the shape of `projections`, each alone: the core (checkpoints, dead letters,
 * touches) first — a core of another shape drops the whole view —, then every projection: one whose
 * shape changed is reset and replayed alone, a new one starts at -1 and is replayed alone, the rest
 * are untouched. A checkpoint of a projection no longer listed is forgotten (its tables stay until
 * the next full rebuild), so the view's position is that of the projections it has.
 */
export const migrateReadModel = (
  db: SqlDriver,
  projections: readonly Projection[] = ALL_PROJECTIONS,
  { indexes = true }: { indexes?: boolean } = {},
) =>
  db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // The core's shape is the schema's comment, so no table of the view holds anything but view rows.
    const [found] = await tx.query<{ shape: string | null }>(
      `SELECT obj_description(oid, 'pg_namespace') AS shape FROM pg_namespace WHERE nspname = 'hub_view'`,
    );
    if (found && found.shape !== VIEW_SHAPE) await tx.exec('DROP SCHEMA hub_view CASCADE');
    // Tables first, their indexes (and the touches' monthly fold) at the end: a rebuild from zero
    // leaves those to after its replay (createIndexes).
    await tx.exec(withoutIndexes(READ_MODEL_DDL));
    await tx.exec(`COMMENT ON SCHEMA hub_view IS '${VIEW_SHAPE}'`);
    const known = await tx.query<{ name: string; shape: number; tables: string[] }>(`SELECT name, shape, tables FROM hub_view.checkpoints`);
    for (const projection of projections) {
      const row = known.find((k) => k.name === projection.name);
      if (row && Number(row.shape) !== projection.shape) await resetProjection(tx, projection, row.tables);
      await tx.exec(projection.readsOwnIndexes ? projection.ddl : withoutIndexes(projection.ddl));
      // The row always exists, so a projector can lock it before its first batch.
      await tx.query(
        `INSERT INTO hub_view.checkpoints (name, position, shape, tables) VALUES ($1, -1, $2, $3::text[]) ON CONFLICT (name) DO NOTHING`,
        [projection.name, projection.shape, projection.tables],
      );
    }
    await tx.query(`DELETE FROM hub_view.checkpoints WHERE NOT (name = ANY($1::text[]))`, [projections.map((p) => p.name)]);
    if (indexes) await buildIndexes(tx, projections);
  });

const INDEX = /CREATE (?:UNIQUE )?INDEX IF NOT EXISTS [^;]*;/g;
/** The DDL without its secondary indexes (a rebuild from zero creates them after the replay). */
const withoutIndexes = (ddl: string) => ddl.replace(INDEX, '');
const UNIQUE_ON = /^CREATE UNIQUE INDEX IF NOT EXISTS (\S+) ON (hub_view\.[a-z_0-9]+) \(([^)]*)\)/;

/**
 * A key kept as a unique index (built after a rebuild's replay): where the replay, which had no
 * index to skip a repeated row, left one twice, the first written stays — as the live projector,
 * skipping it on conflict, would have left it — and the index is built again.
 */
const createUniqueIndex = async (tx: SqlExecutor, statement: string) => {
  const [, name, table, list] = UNIQUE_ON.exec(statement)!;
  const [exists] = await tx.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [`hub_view.${name}`]);
  if (exists?.found) return;
  await tx.exec('SAVEPOINT unique_index');
  try {
    await tx.exec(statement);
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await tx.exec('ROLLBACK TO SAVEPOINT unique_index');
    const columns = list!.split(',').map((c) => c.trim());
    const of = (alias: string) => columns.map((c) => `${alias}.${c}`).join(', ');
    await tx.exec(`DELETE FROM ${table} a USING ${table} b WHERE (${of('a')}) = (${of('b')}) AND a.ctid > b.ctid`);
    await tx.exec(statement);
  }
  await tx.exec('RELEASE SAVEPOINT unique_index');
};

/**
 * Every index of the view, as declared, created where missing (IF NOT EXISTS): the keys kept as
 * unique indexes first, then the touches folded per month (before touch_months has its secondary
 * indexes, like every table), then the secondary indexes.
 */
const buildIndexes = async (tx: SqlExecutor, projections: readonly Projection[]) => {
  const statements = [READ_MODEL_DDL, ...projections.map((p) => p.ddl)].flatMap((ddl) => ddl.match(INDEX) ?? []);
  for (const statement of statements.filter((s) => UNIQUE_ON.test(s))) await createUniqueIndex(tx, statement);
  await ensureTouchMonths(tx);
  await tx.exec(statements.filter((s) => !UNIQUE_ON.test(s)).join('\n'));
};

/** After a rebuild from zero's replay: its indexes and the monthly fold (see buildIndexes). */
const createIndexes = (db: SqlDriver, projections: readonly Projection[]) =>
  db.transaction(async (tx) => {
    // One at a time with a starting projector's migration, which would build them too.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // A server sorts a large index in memory rather than on disk; the embedded engine keeps its default.
    if (db.kind === 'postgres') await tx.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
    await buildIndexes(tx, projections);
  });

/** Resets one projection (see resetProjection) and recreates its tables, empty; the others are untouched. */
const resetOne = (db: SqlDriver, projection: Projection) =>
  db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const [row] = await tx.query<{ tables: string[] }>(`SELECT tables FROM hub_view.checkpoints WHERE name = $1`, [projection.name]);
    await resetProjection(tx, projection, row?.tables ?? []);
    await tx.exec(projection.ddl);
    await tx.query(`INSERT INTO hub_view.checkpoints (name, position, shape, tables) VALUES ($1, -1, $2, $3::text[])`, [
      projection.name,
      projection.shape,
      projection.tables,
    ]);
  });

/**
 * Planner statistics for the view's tables. The view is never analysed otherwise (PGlite has no
 * autovacuum, a server may have it off, and a rebuild recreates the tables), and without them the
 * planner guesses a few rows where there are thousands and picks plans that discard millions.
 * Cheap at any size: ANALYZE samples a bounded number of rows per table.
 */
export const analyzeView = async (db: SqlExecutor) => {
  const tables = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'hub_view' ORDER BY 1`);
  if (tables.length > 0) await db.exec(`ANALYZE ${tables.map((t) => `hub_view.${t.name}`).join(', ')}`);
};

/**
 * How many events the projector applies between two ANALYZEs: as many as the view held when it was
 * last analysed (so a view that has doubled — a rebuild, a history or CSV import — is analysed
 * again), at least {@link ANALYZE_MIN_EVENTS} and at most {@link ANALYZE_EVERY_EVENTS}.
 */
export const ANALYZE_MIN_EVENTS = 500;
export const ANALYZE_EVERY_EVENTS = 50_000;
const analyzeThreshold = (eventsAtLastAnalyze: number) => Math.min(ANALYZE_EVERY_EVENTS, Math.max(ANALYZE_MIN_EVENTS, eventsAtLastAnalyze));

/** Each projection's checkpoint: the position of the last event applied to it (-1 before the first). */
const readCheckpoints = async (tx: SqlExecutor, projections: readonly Projection[], lock: boolean): Promise<Map<string, bigint>> => {
  const rows = await tx.query<{ name: string; position: string }>(
    `SELECT name, position::text AS position FROM hub_view.checkpoints WHERE name = ANY($1::text[]) ORDER BY name${lock ? ' FOR UPDATE' : ''}`,
    [projections.map((p) => p.name)],
  );
  return new Map(projections.map((p) => [p.name, BigInt(rows.find((r) => r.name === p.name)?.position ?? -1)]));
};

/** The slowest of them: every event up to it is in every projection. -1 before the first (or with none). */
const lowest = (checkpoints: Map<string, bigint>): bigint =>
  checkpoints.size === 0 ? -1n : [...checkpoints.values()].reduce((a, b) => (b < a ? b : a));

/**
 * The position the whole view includes (-1 before the first event): the lowest of its projections'
 * checkpoints. For a process that does not project (a separate gateway, the relay, `/health`).
 */
export const viewCheckpoint = async (db: SqlExecutor): Promise<bigint> => {
  const [row] = await db.query<{ position: string | null }>(`SELECT min(position)::text AS position FROM hub_view.checkpoints`);
  return row?.position == null ? -1n : BigInt(row.position);
};

export interface ProjectorStats {
  applied: number;
  /** Poison events parked in hub_view.dead_letters (a projection threw, or the event does not parse). */
  parked: number;
}

/** Back-off between attempts when the store is unreachable: doubles from `initialMs` up to `maxMs`. */
export interface RetryOptions {
  initialMs?: number;
  maxMs?: number;
}

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, REASON_MAX);

type Parsed = { ok: true; event: ProjectedEvent } | { ok: false; reason: string };
const parse = (recorded: RecordedEvent): Parsed => {
  const parsed = hubEventSchema.safeParse({ type: recorded.type, data: recorded.data });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
    return { ok: false, reason: `not a known hub event: ${issues}`.slice(0, REASON_MAX) };
  }
  const { type: _type, data: _data, ...rest } = recorded;
  return { ok: true, event: { ...rest, event: parsed.data, occurredAt: recorded.metadata.occurredAt } };
};

const park = (tx: SqlExecutor, recorded: RecordedEvent, projection: string, reason: string) =>
  tx.query(
    `INSERT INTO hub_view.dead_letters (position, projection, event_id, event_type, stream_name, reason)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (position, projection) DO NOTHING`,
    [recorded.position.toString(), projection, recorded.id, recorded.type, recorded.streamName, reason],
  );

const sleep = (ms: number, interrupt: Promise<void>) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void interrupt.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Builds the read model from the global event order. Each batch is applied in one transaction
 * together with the checkpoint, so a crash never leaves rows without their checkpoint or the
 * reverse, and an event at or before the checkpoint is never applied again.
 *
 * Faults: a poison event (a projection throws on it, or it does not parse) is parked in
 * hub_view.dead_letters with its reason and the projection that failed, in the transaction that
 * moves the checkpoint past it, and the projector goes on; the other projections still take it. A
 * batch is tried whole first; only when it fails is it replayed one event and one projection at a
 * time, each under a savepoint, to find the poison pair. A store that cannot be reached is not
 * poison: the projector retries with back-off until it can, and never stops by itself.
 */
export const createProjector = ({
  store,
  db,
  projections = ALL_PROJECTIONS,
  log = (m: string) => console.warn(m),
  retry = {},
}: {
  store: EventStore;
  db: SqlDriver;
  projections?: Projection[];
  log?: (message: string) => void;
  retry?: RetryOptions;
}) => {
  const stats: ProjectorStats = { applied: 0, parked: 0 };
  // Statistics kept current as the view grows (analyzeView): events applied since the last
  // ANALYZE, and the view's size (its checkpoint position) at it.
  const statistics = { since: 0, sizeAtLast: 0 };
  // A failed ANALYZE leaves the previous statistics: the view itself is committed and correct.
  // One at a time (two at once on a table can fail with "tuple concurrently updated").
  let analyzing: Promise<void> | undefined;
  const analyze = async (size: number) => {
    if (analyzing) return analyzing;
    analyzing = (async () => {
      try {
        await analyzeView(db);
        statistics.since = 0;
        statistics.sizeAtLast = size;
      } catch (e) {
        if (isTransientSqlError(e)) throw e;
        log(`[projector] ANALYZE failed: ${describeError(e)}`);
      } finally {
        analyzing = undefined;
      }
    })();
    return analyzing;
  };
  const initialDelay = retry.initialMs ?? 100;
  const maxDelay = retry.maxMs ?? 5_000;

  /**
   * One attempt at a batch. Each event goes to the projections whose checkpoint is below it (all of
   * them, except after one was added or reset), and every checkpoint moves past the batch, in the
   * same transaction. `careful`: a savepoint per event and projection, so a failing pair is parked alone.
   */
  const attempt = (events: RecordedEvent[], careful: boolean, from: bigint) =>
    db.transaction(async (tx) => {
      const checkpoints = await readCheckpoints(tx, projections, true);
      // A projection whose checkpoint is below where this reader started (one reset or rebuilt
      // meanwhile, by another process) would get a gap: it is left alone, and the reader starts
      // again from the lowest checkpoint.
      const inStep = projections.filter((p) => checkpoints.get(p.name)! >= from);
      const done = { applied: 0, parked: 0, behind: inStep.length < projections.length };
      if (inStep.length === 0) return done;
      const low = inStep.reduce(
        (min, p) => (checkpoints.get(p.name)! < min ? checkpoints.get(p.name)! : min),
        checkpoints.get(inStep[0]!.name)!,
      );
      // Parsed first: what does not parse is parked for every projection, the rest is projected.
      const ready: { recorded: RecordedEvent; event: ProjectedEvent }[] = [];
      for (const recorded of events) {
        if (recorded.position <= low) continue;
        const parsed = parse(recorded);
        if (parsed.ok) ready.push({ recorded, event: parsed.event });
        else {
          await park(tx, recorded, EVERY_PROJECTION, parsed.reason);
          log(`[projector] parked event ${recorded.id} (${recorded.type}) at ${recorded.position}: ${parsed.reason}`);
          done.parked++;
        }
      }
      if (!careful) {
        // Each projection takes the whole run of events it is behind on at once (set-based where it
        // can): the projections own disjoint tables and touch channels, so their order does not matter.
        for (const p of inStep) {
          const from = checkpoints.get(p.name)!;
          await p.apply(
            tx,
            ready.filter(({ event }) => event.position > from).map(({ event }) => event),
          );
        }
        done.applied += ready.length;
      } else {
        for (const { recorded, event } of ready) {
          // The projections behind this event that handle its type: the others would do nothing.
          const due = inStep.filter((p) => checkpoints.get(p.name)! < recorded.position && p.handles.has(event.event.type));
          // A savepoint per projection: the one that fails parks the event for itself alone, the
          // others take it (each projection is a unit).
          let failed = false;
          for (const p of due) {
            await tx.exec('SAVEPOINT hub_event');
            try {
              await p.apply(tx, [event]);
              await tx.exec('RELEASE SAVEPOINT hub_event');
            } catch (e) {
              if (isTransientSqlError(e)) throw e; // the store, not the event: retry the whole batch later
              await tx.exec('ROLLBACK TO SAVEPOINT hub_event');
              const reason = describeError(e);
              await park(tx, recorded, p.name, reason);
              log(
                `[projector] ${p.name} parked event ${recorded.id} (${recorded.type}) at ${recorded.position} of ${recorded.streamName}: ${reason}`,
              );
              failed = true;
            }
          }
          if (failed) done.parked++;
          else done.applied++;
        }
      }
      const last = events[events.length - 1];
      if (last && last.position > low) {
        await tx.query(`UPDATE hub_view.checkpoints SET position = $2, updated_at = now() WHERE name = ANY($1::text[]) AND position < $2`, [
          inStep.map((p) => p.name),
          last.position.toString(),
        ]);
      }
      return done;
    });

  /** Applies a batch read after `from`; true when a projection was found behind `from` (see attempt). */
  const applyBatch = async (events: RecordedEvent[], from: bigint): Promise<boolean> => {
    let done: { applied: number; parked: number; behind: boolean };
    try {
      done = await attempt(events, false, from);
    } catch (e) {
      if (isTransientSqlError(e)) throw e;
      done = await attempt(events, true, from);
    }
    stats.applied += done.applied;
    stats.parked += done.parked;
    statistics.since += done.applied + done.parked;
    if (statistics.since >= analyzeThreshold(statistics.sizeAtLast)) await analyze(Number(events[events.length - 1]!.position) + 1);
    return done.behind;
  };

  // Read-your-writes for mutations: resolved as the view passes each waiter's position.
  let position: bigint | undefined;
  let waiters: Array<{ target: bigint; resolve: () => void; reject: (e: unknown) => void }> = [];
  const advanced = (to: bigint) => {
    if (position === undefined || to > position) position = to;
    waiters = waiters.filter((w) => {
      if (to < w.target) return true;
      w.resolve();
      return false;
    });
  };

  let running: { stop: () => void; stopped: Promise<void>; loop: Promise<void>; subscription?: Subscription } | undefined;

  /** Follow the store until stopped; on any failure of the subscription, back off and resume from the checkpoint. */
  const follow = async (state: NonNullable<typeof running>, onCaughtUp: () => void) => {
    let delay = initialDelay;
    while (running === state) {
      let failure: unknown;
      let restart = false;
      try {
        const after = lowest(await readCheckpoints(db, projections, false));
        // From here (lower than before when a projection was reset meanwhile).
        position = after >= 0n ? after : undefined;
        let delivered = after;
        const failed = new Promise<void>((resolve) => {
          state.subscription = store.subscribe({
            ...(after < 0n ? {} : { after }),
            handler: async (batch) => {
              if (restart) return;
              const behind = await applyBatch(batch, delivered);
              delivered = batch[batch.length - 1]!.position;
              delay = initialDelay;
              if (behind) {
                restart = true;
                resolve();
                return;
              }
              advanced(delivered);
            },
            onError: (e) => {
              failure = e;
              resolve();
            },
          });
        });
        void state.subscription!.caughtUp.then(
          async () => {
            delay = initialDelay;
            // Caught up after replaying (a migration's rebuild, a restart behind): current statistics
            // before the first questions. A failure here only leaves the old ones.
            if (statistics.since > 0) await analyze(Number(await projector.checkpoint()) + 1).catch(() => undefined);
            onCaughtUp();
          },
          () => undefined,
        );
        await Promise.race([failed, state.stopped]);
      } catch (e) {
        failure = e;
      }
      if (running !== state) break;
      await state.subscription?.close();
      state.subscription = undefined;
      if (restart && failure === undefined) {
        log('[projector] a projection was reset meanwhile: reading again from the lowest checkpoint');
        continue;
      }
      log(
        `[projector] ${isTransientSqlError(failure) ? 'store unavailable' : 'failed'} (${describeError(failure)}); retrying in ${delay} ms`,
      );
      await sleep(delay, state.stopped);
      delay = Math.min(delay * 2, maxDelay);
    }
  };

  const projector = {
    stats,
    /** The lowest checkpoint of its projections: every event up to it is in all of them. */
    async checkpoint() {
      return lowest(await readCheckpoints(db, projections, false));
    },
    /** Each projection's checkpoint, by name. */
    checkpoints() {
      return readCheckpoints(db, projections, false);
    },

    /** Catch up from the checkpoint, then follow the store live. Resolves once caught up. */
    async start() {
      await migrateReadModel(db, projections);
      let stop!: () => void;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      let caughtUp!: () => void;
      const isCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
      const state: NonNullable<typeof running> = { stop, stopped, loop: Promise.resolve() };
      running = state;
      state.loop = follow(state, caughtUp);
      await Promise.race([isCaughtUp, stopped]);
    },

    /** Wait until the view includes everything up to `position` (read-your-writes for mutations). */
    waitFor(target: bigint | undefined, timeoutMs = 30_000): Promise<void> {
      if (target === undefined) return Promise.resolve();
      if (!running) return Promise.reject(new Error('Projector is not running'));
      if (position !== undefined && position >= target) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`The view did not reach position ${target} within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = {
          target,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (e: unknown) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        waiters.push(waiter);
      });
    },

    async stop() {
      const state = running;
      if (!state) return;
      running = undefined;
      state.stop();
      await state.subscription?.close();
      await state.loop;
      for (const w of waiters) w.reject(new Error('Projector stopped'));
      waiters = [];
      position = undefined;
    },

    /**
     * Without a name: drop the whole view and replay every event from position zero up to the
     * current head; poison events are parked again. With the name of one projection: empty that one
     * alone (its tables, its touches, its checkpoint) and replay the history into it; the other
     * projections' rows and checkpoints do not move. An unknown name throws before anything changes.
     * `onProgress` hears the position replayed after every batch (for a progress bar).
     */
    async rebuild(
      name?: string,
      options: { onProgress?: (position: bigint, stats: ProjectorStats) => void } = {},
    ): Promise<ProjectorStats> {
      const only = name === undefined ? undefined : projectionNamed(name, projections);
      const wasRunning = running !== undefined;
      await projector.stop();
      if (only) {
        await migrateReadModel(db, projections);
        await resetOne(db, only);
      } else {
        // Dropped before anything else: a view left broken (a rebuild that crashed) cannot stop this one.
        await db.exec('DROP SCHEMA IF EXISTS hub_view CASCADE');
        // Indexes after the replay: built once from sorted rows instead of kept up row by row.
        // Until then the view is a rebuild in progress — incomplete, and slow to a gateway that
        // still asks it — and a crash before they exist leaves them to the next projector's
        // migration (IF NOT EXISTS; a gateway alone does not migrate).
        await migrateReadModel(db, projections, { indexes: false });
      }
      stats.applied = 0;
      stats.parked = 0;
      let after: bigint | undefined;
      const read = (from: bigint | undefined) => store.readAll({ ...(from === undefined ? {} : { after: from }), limit: REBUILD_BATCH });
      // The next batch is read while this one is applied (on a server, over another connection).
      let next = read(undefined);
      for (;;) {
        const batch = await next;
        if (batch.length === 0) break;
        next = read(batch[batch.length - 1]!.position);
        // A failure to apply leaves the read ahead unawaited: its own failure must not go unhandled.
        next.catch(() => undefined);
        await applyBatch(batch, after ?? -1n);
        after = batch[batch.length - 1]!.position;
        options.onProgress?.(after, stats);
      }
      if (!only) await createIndexes(db, projections);
      await analyze(after === undefined ? 0 : Number(after) + 1);
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
  while ((await viewCheckpoint(db)) < position) {
    if (Date.now() > deadline) throw new Error(`The view did not reach position ${position} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};
