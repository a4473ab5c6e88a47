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
   * Writes its rows for one event, inside the projector's transaction. Insert-only and safe to run
   * twice for the same event (ON CONFLICT DO NOTHING), though its checkpoint already prevents that.
   */
  apply(tx: SqlExecutor, event: ProjectedEvent): Promise<void>;
}

/** The event of one of the types in `T`. */
export type ProjectedEventOf<T extends HubEventType> = Omit<ProjectedEvent, 'event'> & { event: Extract<HubEvent, { type: T }> };

const TABLE = /CREATE TABLE IF NOT EXISTS hub_view\.([a-z_][a-z0-9_]*)/g;

/**
 * A projection from its parts. `tables` is read from the DDL (so the list cannot drift from it),
 * and `apply` sees only the events named in `handles`, typed as such.
 */
export const defineProjection = <T extends HubEventType>(unit: {
  name: string;
  shape: number;
  ddl: string;
  touchChannels?: readonly Channel[];
  handles: readonly T[];
  apply(tx: SqlExecutor, event: ProjectedEventOf<T>): Promise<void>;
}): Projection => {
  const tables = [...unit.ddl.matchAll(TABLE)].map((m) => m[1]!);
  if (!/^[a-z][a-z0-9-]*$/.test(unit.name)) throw new Error(`Projection name "${unit.name}" must be kebab-case`);
  const handles = new Set<HubEventType>(unit.handles);
  return {
    name: unit.name,
    shape: unit.shape,
    ddl: unit.ddl,
    tables,
    touchChannels: unit.touchChannels ?? [],
    handles,
    apply: (tx, event) => (handles.has(event.event.type) ? unit.apply(tx, event as ProjectedEventOf<T>) : Promise.resolve()),
  };
};
