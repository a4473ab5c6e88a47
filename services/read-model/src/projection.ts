import type { Channel, HubEvent } from '@hub/events';
import type { RecordedEvent } from '@hub/event-store';
import type { SqlExecutor } from '@hub/sql';

/**
 * An event as projections see it: the store's record with its data parsed by the hub's schema, and
 * its business time (`metadata.occurredAt`) at hand, since every row is stamped with both times.
 */
export type ProjectedEvent = Omit<RecordedEvent, 'data' | 'type'> & { event: HubEvent; occurredAt: string };

export type HubEventType = HubEvent['type'];

/**
 * One projection, a unit of the view: the tables it owns, the events it handles and how it applies
 * them, side by side in one module (`src/projections/<name>.ts`, its spec beside it). Each has its own
 * checkpoint row (`hub_view.checkpoints`, keyed by `name`), so it can be added, reset and replayed
 * alone. Build one with {@link defineProjection}.
 */
export interface Projection {
  /** Its checkpoint's key and the name `npm run rebuild -- <name>` takes: kebab-case, unique. */
  readonly name: string;
  /**
   * The shape of its tables and rows. Raise it when the DDL or what `apply` writes changes: on the
   * next migration this projection alone is reset (its tables dropped, its touches deleted) and replayed.
   */
  readonly shape: number;
  /** `CREATE TABLE IF NOT EXISTS hub_view.…` and `CREATE INDEX IF NOT EXISTS …` for its tables only. */
  readonly ddl: string;
  /** The tables it owns (every `hub_view.<table>` its DDL creates): dropped when it is reset. */
  readonly tables: readonly string[];
  /** Its slice of the shared `hub_view.touches`: the channels whose touches only it writes. */
  readonly touchChannels: readonly Channel[];
  /** The event types it handles; the projector hands it no other. */
  readonly handles: ReadonlySet<HubEventType>;
  /**
   * Its secondary indexes are read while it projects (not only by queries): a rebuild from zero
   * keeps them instead of creating them after the replay.
   */
  readonly readsOwnIndexes: boolean;
  /**
   * Writes its rows for a run of events (in global order, those of its types only), inside the
   * projector's transaction. Insert-only and safe to run twice for the same events (ON CONFLICT DO
   * NOTHING), though its checkpoint already prevents that. A batch gives the same rows as its events
   * one at a time, in order (the careful path hands them one at a time).
   */
  apply(tx: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void>;
}

/** The event of one of the types in `T`. */
export type ProjectedEventOf<T extends HubEventType> = Omit<ProjectedEvent, 'event'> & { event: Extract<HubEvent, { type: T }> };

const TABLE = /CREATE TABLE IF NOT EXISTS hub_view\.([a-z_][a-z0-9_]*)/g;

/**
 * A projection from its parts. `tables` is read from the DDL (so the list cannot drift from it),
 * and it sees only the events named in `handles`, typed as such. It writes either one event at a
 * time (`apply`: few events, rich logic) or a whole run of them set-based (`applyMany`: one
 * statement per table per batch, for the channels with millions of events) — one of the two.
 */
export const defineProjection = <T extends HubEventType>(
  unit: {
    name: string;
    shape: number;
    ddl: string;
    touchChannels?: readonly Channel[];
    handles: readonly T[];
    readsOwnIndexes?: boolean;
  } & (
    | { apply(tx: SqlExecutor, event: ProjectedEventOf<T>): Promise<void>; applyMany?: never }
    | { applyMany(tx: SqlExecutor, events: readonly ProjectedEventOf<T>[]): Promise<void>; apply?: never }
  ),
): Projection => {
  const tables = [...unit.ddl.matchAll(TABLE)].map((m) => m[1]!);
  if (!/^[a-z][a-z0-9-]*$/.test(unit.name)) throw new Error(`Projection name "${unit.name}" must be kebab-case`);
  const handles = new Set<HubEventType>(unit.handles);
  const mine = (events: readonly ProjectedEvent[]) => events.filter((e) => handles.has(e.event.type)) as ProjectedEventOf<T>[];
  return {
    name: unit.name,
    shape: unit.shape,
    ddl: unit.ddl,
    tables,
    touchChannels: unit.touchChannels ?? [],
    handles,
    readsOwnIndexes: unit.readsOwnIndexes ?? false,
    apply: async (tx, events) => {
      const own = mine(events);
      if (own.length === 0) return;
      if (unit.applyMany) return unit.applyMany(tx, own);
      for (const event of own) await unit.apply(tx, event);
    },
  };
};

/**
 * The projection handed one event at a time, as the projector was before set-based projection:
 * the reference a set-based `applyMany` must agree with (the rebuild spec and bench run both).
 */
export const oneEventAtATime = (p: Projection): Projection => ({
  ...p,
  apply: async (tx, events) => {
    for (const e of events) await p.apply(tx, [e]);
  },
});

/** The events of one type in a batch, typed as such, in their order (for a set-based `applyMany`). */
export const eventsOf = <T extends HubEventType>(events: readonly ProjectedEvent[], type: T) =>
  events.filter((e): e is ProjectedEventOf<T> => e.event.type === type);

/** A fact's two times as the view's columns. */
export const stamps = (e: Pick<ProjectedEvent, 'occurredAt' | 'recordedAt'>) => ({ occurred_at: e.occurredAt, recorded_at: e.recordedAt });

/**
 * Rows into a view table in one statement: `rows` as one JSON parameter, read back as the record
 * `r` by `json_to_recordset` with the types in `record` (`"a text, b integer, c text[]"`; JSON
 * arrays become arrays), inserted in the order given with `ON CONFLICT DO NOTHING`, as every insert
 * of the view. By default the record's fields are the table's columns; `into` names the columns
 * and `select` computes them (with `join` for rows of the view a batch's facts refer to).
 */
export const insertRows = async (
  tx: SqlExecutor,
  table: string,
  record: string,
  rows: readonly Record<string, unknown>[],
  shape?: { into: string; select: string; join?: string },
) => {
  if (rows.length === 0) return;
  const fields = record
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .join(', ');
  await tx.query(
    `INSERT INTO hub_view.${table} (${shape?.into ?? fields})
     SELECT ${shape?.select ?? fields} FROM json_to_recordset($1::json) AS r(${record}) ${shape?.join ?? ''}
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
};

/** The columns of `hub_view.touches`, in the order a touch's `select` gives them. */
export const TOUCH_COLUMNS =
  'touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_id, source_position, occurred_at, recorded_at';
