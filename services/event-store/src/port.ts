/**
 * The event-store port: everything the hub needs from an event store, and nothing about how a
 * particular store does it. Adapters live one folder each (postgres/, eventstoredb/) and all pass
 * the one conformance suite (`eventStoreConformance`, `@hub/event-store/conformance`).
 */

/** Who and why, carried on every event. */
export interface EventMetadata {
  /** The request or job that caused this chain of events. */
  correlationId: string;
  /** The command or event that directly caused this one. */
  causationId: string;
  /** Who asked for it (a user id, "system:seed", ...). */
  actor: string;
  /** When it happened in the world (ISO-8601); `recordedAt` is when the store learned of it. */
  occurredAt: string;
  /** Version of the event's data shape. */
  schemaVersion: number;
}

export interface EventToAppend {
  /** A UUID chosen by the writer; appending the same id twice never stores it twice. */
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamName: string;
  /** 0-based position of the event within its stream. */
  streamRevision: bigint;
  /** Position in the one global order; strictly increasing, gaps allowed. */
  position: bigint;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** When the store committed it (ISO-8601). */
  recordedAt: string;
}

/** What the writer expects the stream to look like before its append. */
export type ExpectedRevision = 'any' | 'no_stream' | bigint;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended (or already present, for a repeated append). */
  position: bigint;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to start at the beginning. */
  after?: bigint;
  limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the position of the last event the subscriber has handled. */
  after?: bigint;
  /** Called with events in global order, one batch at a time; the next batch waits for it. */
  handler: (events: RecordedEvent[]) => Promise<void>;
  batchSize?: number;
  /** Called if the handler or the store fails; the subscription stops. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the subscriber has handled everything that existed when it started. */
  readonly caughtUp: Promise<void>;
  /** The position of the last event handled. */
  readonly position: bigint | undefined;
  /** Resolves when every event at or before `position` has been handled. */
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface EventStore {
  append(streamName: string, events: EventToAppend[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** All events of one stream in order; an empty array when the stream does not exist. */
  readStream(streamName: string): Promise<RecordedEvent[]>;
  /** Events of every stream in the one global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the newest event, or undefined when the store is empty. */
  headPosition(): Promise<bigint | undefined>;
  /** Catch-up subscription: replays from the checkpoint, then stays live. */
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
