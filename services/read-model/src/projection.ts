import type { HubEvent } from '@hub/events';
import type { RecordedEvent } from '@hub/event-store';
import type { SqlExecutor } from '@hub/sql';

/**
 * An event as projections see it: the store's record with its data parsed by the hub's schema, and
 * its business time (`metadata.occurredAt`) at hand, since every row is stamped with both times.
 */
export type ProjectedEvent = Omit<RecordedEvent, 'data' | 'type'> & { event: HubEvent; occurredAt: string };

/**
 * One projection: writes its rows for the events it cares about. Must be safe to run twice for the
 * same event (upserts), though the projector's checkpoint already prevents that.
 */
export interface Projection {
  name: string;
  apply(tx: SqlExecutor, event: ProjectedEvent): Promise<void>;
}
