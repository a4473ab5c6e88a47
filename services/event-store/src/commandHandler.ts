import { createHash, randomUUID } from 'node:crypto';
import type { Decider } from './decider';
import { isWrongExpectedRevision } from './errors';
import type { EventMetadata, EventStore, RecordedEvent } from './port';

export interface CommandContext {
  /** Who asks (a user id, "system:seed"). */
  actor: string;
  /** Makes a retried command a no-op: its events carry it as causation id. */
  commandId?: string;
  correlationId?: string;
  /** When the thing happened in the world; defaults to now. */
  occurredAt?: string;
  /** Decide as usual (every check, every refusal) but append nothing: a dry run of an import. */
  dryRun?: boolean;
}

export interface CommandResult {
  /** Stream revision after the command. */
  revision: bigint;
  /** Global position of the last event written (or found, for a repeat); undefined when nothing was written. */
  position: bigint | undefined;
  /** True when this command had already been handled, so nothing new was written. */
  repeated: boolean;
  eventIds: string[];
  /** Steps of a batch skipped because their own command id was already in the stream. */
  stepsRepeated?: number;
}

/** Parses events at the boundary; `schemaVersion` is stamped on every event written. */
export interface EventCodec<Event> {
  parse: (x: unknown) => Event;
  schemaVersion: number;
}

/** Folds recorded events into a decider's state, parsing each one at the boundary. */
export const foldEvents = <State, Event>(
  recorded: RecordedEvent[],
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  codec: EventCodec<Event>,
): State => recorded.reduce((s, e) => decider.evolve(s, codec.parse({ type: e.type, data: e.data })), decider.initialState());

/** The current state of one stream, straight from the store (never behind a projection). */
export const loadState = async <State, Event>(
  store: EventStore,
  streamName: string,
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  codec: EventCodec<Event>,
): Promise<State> => foldEvents(await store.readStream(streamName), decider, codec);

/** Thrown when someone else appended to the stream between our read and our append. */
export class ConcurrencyConflictError extends Error {
  constructor(readonly streamName: string) {
    super(`Someone else changed ${streamName} at the same time; reload and try again`);
    this.name = 'ConcurrencyConflictError';
  }
}

/** RFC 4122 version-5 style UUID from a name, so a retried command produces the same event ids. */
export const deterministicUuid = (name: string): string => {
  const h = createHash('sha1').update(`engagement-hub:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * A new aggregate's id: derived from the command id when the caller gave one, so a retried command
 * (after a crash, or from a client that never saw the answer) names the same aggregate and its
 * repeat is recognised; random otherwise.
 */
export const newId = (context: Pick<CommandContext, 'actor' | 'commandId'>, purpose: string): string =>
  context.commandId ? deterministicUuid(`${context.actor}:${context.commandId}:${purpose}`) : randomUUID();

/** One step of a batch: a command decided against the state so far, and when its events happened. */
export interface BatchStep<Command, State> {
  command: Command;
  /** Business time of this step's events; a function sees the state before the step (e.g. the session's time). */
  occurredAt?: string | ((state: State) => string | undefined);
  /**
   * Makes this step idempotent on its own (its events carry it as causation id): a step already in
   * the stream is skipped, so a batch that grew since it was first run records only what is new.
   */
  commandId?: string;
}

/**
 * Load → decide every step in turn (each sees the state the earlier ones left) → one append with
 * optimistic concurrency. All or nothing: a step that refuses throws before anything is written.
 * Events are checked against `eventSchema` both when read back and before they are written.
 * A batch with a command id runs once: a repeat finds its events and returns them.
 */
export const handleCommandBatch = async <Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, Event, State>,
  eventSchema: EventCodec<Event>,
  steps: BatchStep<Command, State>[],
  context: CommandContext,
): Promise<CommandResult> => {
  const recorded = await store.readStream(streamName);
  const last = recorded[recorded.length - 1];
  if (context.commandId) {
    const earlier = recorded.filter((e) => e.metadata.causationId === context.commandId);
    if (earlier.length > 0) {
      return {
        revision: last!.streamRevision,
        position: earlier[earlier.length - 1]!.position,
        repeated: true,
        eventIds: earlier.map((e) => e.id),
      };
    }
  }
  let state = foldEvents(recorded, decider, eventSchema);
  const commandId = context.commandId ?? randomUUID();
  const recordedNow = new Date().toISOString();
  const causes = new Set(recorded.map((e) => e.metadata.causationId));
  const decided: { event: Event; occurredAt: string; id: string | undefined; causationId: string }[] = [];
  let skipped = 0;
  for (const step of steps) {
    if (step.commandId && causes.has(step.commandId)) {
      skipped++;
      continue;
    }
    const at = typeof step.occurredAt === 'function' ? step.occurredAt(state) : step.occurredAt;
    decider.decide(step.command, state).forEach((e, i) => {
      const event = eventSchema.parse(e);
      const index = step.commandId ? i : decided.length;
      const key = step.commandId ?? context.commandId;
      // One spelling of an instant in every stream (UTC, milliseconds), whatever offset the caller used.
      decided.push({
        event,
        occurredAt: new Date(at ?? context.occurredAt ?? recordedNow).toISOString(),
        id: key ? deterministicUuid(`${streamName}:${key}:${index}`) : undefined,
        causationId: step.commandId ?? commandId,
      });
      state = decider.evolve(state, event);
    });
  }
  const revision = last?.streamRevision ?? -1n;
  if (decided.length === 0) {
    // Every step was already recorded: a repeat, answered with where its events are.
    const stepIds = new Set(steps.flatMap((s) => (s.commandId ? [s.commandId] : [])));
    const earlier = recorded.filter((e) => stepIds.has(e.metadata.causationId));
    if (skipped > 0 && skipped === steps.length)
      return { revision, position: earlier.at(-1)?.position, repeated: true, eventIds: earlier.map((e) => e.id), stepsRepeated: skipped };
    return { revision, position: undefined, repeated: false, eventIds: [] };
  }

  const toAppend = decided.map(({ event, occurredAt, id, causationId }) => ({
    id: id ?? randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: context.correlationId ?? commandId,
      causationId,
      actor: context.actor,
      occurredAt,
      schemaVersion: eventSchema.schemaVersion,
    } satisfies EventMetadata,
  }));
  const partly = skipped > 0 ? { stepsRepeated: skipped } : {};
  if (context.dryRun)
    return {
      revision: revision + BigInt(toAppend.length),
      position: undefined,
      repeated: false,
      eventIds: toAppend.map((e) => e.id),
      ...partly,
    };
  try {
    const result = await store.append(streamName, toAppend, { expectedRevision: last ? last.streamRevision : 'no_stream' });
    return {
      revision: result.nextExpectedRevision,
      position: result.position,
      repeated: false,
      eventIds: toAppend.map((e) => e.id),
      ...partly,
    };
  } catch (e) {
    if (isWrongExpectedRevision(e)) throw new ConcurrencyConflictError(streamName);
    throw e;
  }
};

/**
 * Load → decide `command` → append with optimistic concurrency: a batch of one step. `occurredAt`
 * of the context wins; otherwise `occurredAtFor` may derive it from the state (the session's time
 * where that is the truth); otherwise now.
 */
export const handleCommand = async <Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, Event, State>,
  eventSchema: EventCodec<Event>,
  command: Command,
  context: CommandContext,
  occurredAtFor?: (state: State) => string | undefined,
): Promise<CommandResult> =>
  handleCommandBatch(
    store,
    streamName,
    decider,
    eventSchema,
    [{ command, occurredAt: (s) => context.occurredAt ?? occurredAtFor?.(s) }],
    context,
  );
