import { hubEventSchema, type HubEvent } from '@hub/events';
import type { RecordedEvent } from '@hub/event-store';
import type { TouchRow } from '@hub/read-model';
import { CURRENT_STATE_TOPICS, CURRENT_STATE_TYPES, publishedState, type FoldedEntity } from './currentState';
import { CONTEXT_OF, CONTEXT_TOPICS, DEAD_LETTER_TOPIC, TOUCHES_TOPIC } from './topics';

/*
 * CloudEvents 1.0, structured mode (the whole envelope is the message value, content type
 * application/cloudevents+json). The hub's correlation and causation ids travel as extensions,
 * and so does the event's global position, so a consumer can order and de-duplicate. `time` is
 * when it happened in the world (metadata.occurredAt); `recordedtime` is when the store recorded it,
 * which follows the global order closely and so is the one to start a consumer "from a time".
 */

export interface CloudEvent<D = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  /** Absent on a dead letter only: its data failed (or has no) schema. */
  dataschema?: string;
  correlationid: string;
  causationid: string;
  /** The event's position in the store's global order, as a decimal string. */
  hubposition: string;
  /** When the event store recorded the event (ISO-8601). */
  recordedtime: string;
  /** Dead letters only: why the relay could not map the event. */
  deadletterreason?: string;
  data: D;
}

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

const SOURCE = 'urn:engagement-hub';
/** Where the gateway serves the schemas when nothing else is configured (HUB_PUBLIC_URL). */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4000';
export const eventTypeName = (type: string, version: number) => `hub.${type}.v${version}`;
/** The URL the gateway serves a type's data schema at: `<public url>/schemas/hub.<Type>.v<n>.json`. */
export const dataSchemaUrl = (publicUrl: string, type: string, version: number) =>
  `${publicUrl.replace(/\/+$/, '')}/schemas/${eventTypeName(type, version)}.json`;
/**
 * One naming style for `source`: the kebab-case name the topic carries (`hub.cafe-sessions.v1` →
 * `urn:engagement-hub/cafe-sessions`), so a source always says which topic family it came from.
 */
export const sourceOf = (topic: string) => `${SOURCE}/${topic.replace(/^hub\./, '').replace(/\.v\d+$/, '')}`;

/**
 * Every CloudEvent's Kafka key is its `subject`, on every topic: one thing (an aggregate, a person of
 * one kind) has one key, so its messages share a partition and keep their order.
 */
const message = (topic: string, event: CloudEvent): OutgoingMessage => ({
  topic,
  key: event.subject,
  value: JSON.stringify(event),
  headers: { 'content-type': 'application/cloudevents+json; charset=utf-8', ce_id: event.id, ce_type: event.type },
});

/** A recorded event as its CloudEvent on its context's topic; subject and key: its stream (the aggregate). */
export const eventMessage = (recorded: RecordedEvent, event: HubEvent, publicUrl = DEFAULT_PUBLIC_URL): OutgoingMessage => {
  const topic = CONTEXT_TOPICS[CONTEXT_OF[event.type]];
  return message(topic, {
    specversion: '1.0',
    id: recorded.id,
    source: sourceOf(topic),
    type: eventTypeName(event.type, recorded.metadata.schemaVersion),
    subject: recorded.streamName,
    time: new Date(recorded.metadata.occurredAt).toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataSchemaUrl(publicUrl, event.type, recorded.metadata.schemaVersion),
    correlationid: recorded.metadata.correlationId,
    causationid: recorded.metadata.causationId,
    hubposition: recorded.position.toString(),
    recordedtime: new Date(recorded.recordedAt).toISOString(),
    data: event.data,
  });
};

/**
 * An entity's current state on its compacted topic; subject and key: its stream (employee-E1).
 * The id is the last event folded in, so a rebuild republishing the same state repeats the same id.
 * Undefined when there is nothing to publish yet (a branch enrolled in PRIDE before it was registered).
 */
export const stateMessage = ({ entity, last }: FoldedEntity, publicUrl = DEFAULT_PUBLIC_URL): OutgoingMessage | undefined => {
  const data = publishedState(entity);
  if (!data) return undefined;
  const topic = CURRENT_STATE_TOPICS[entity.kind];
  const type = CURRENT_STATE_TYPES[entity.kind].type;
  return message(topic, {
    specversion: '1.0',
    id: last.id,
    source: sourceOf(topic),
    type: eventTypeName(type, 1),
    subject: last.streamName,
    time: new Date(last.metadata.occurredAt).toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataSchemaUrl(publicUrl, type, 1),
    correlationid: last.metadata.correlationId,
    causationid: last.id,
    hubposition: last.position.toString(),
    recordedtime: new Date(last.recordedAt).toISOString(),
    data,
  });
};

export const TOUCH_TYPE = 'Touch';

/** The subject (and key) of a person's touches: kind and id, e.g. employee-E1, fc-F1, customer-C1 (ids of different kinds may coincide). */
export const personSubject = (personKind: string, personId: string) => `${personKind.toLowerCase()}-${personId}`;

/** A touch (derived from one event) on the touches topic; subject and key: the person reached, with their kind. */
export const touchMessage = (touch: TouchRow, source: RecordedEvent, publicUrl = DEFAULT_PUBLIC_URL): OutgoingMessage =>
  message(TOUCHES_TOPIC, {
    specversion: '1.0',
    id: touch.touchId,
    source: sourceOf(TOUCHES_TOPIC),
    type: eventTypeName(TOUCH_TYPE, 1),
    subject: personSubject(touch.personKind, touch.personId),
    time: touch.touchedAt,
    datacontenttype: 'application/json',
    dataschema: dataSchemaUrl(publicUrl, TOUCH_TYPE, 1),
    correlationid: source.metadata.correlationId,
    causationid: source.id,
    hubposition: source.position.toString(),
    recordedtime: new Date(source.recordedAt).toISOString(),
    data: {
      touchId: touch.touchId,
      personId: touch.personId,
      personKind: touch.personKind,
      leaderId: touch.leaderId,
      channel: touch.channel,
      mode: touch.mode,
      touchedAt: touch.touchedAt,
      sourceEventId: touch.sourceEventId,
    },
  });

/**
 * An event the relay cannot map, for the dead-letter topic: the event as a CloudEvent of its own
 * type with its data as stored, no `dataschema` (the data fails it, or the type has none), and the
 * reason as the extension attribute `deadletterreason` (also a header, cut to 200 characters).
 */
export const deadLetter = (recorded: RecordedEvent, reason: string): OutgoingMessage => {
  // A dead letter's metadata may be as broken as its data: never let a bad date stop the stream.
  const iso = (s: string) => (Number.isNaN(Date.parse(s)) ? String(s) : new Date(s).toISOString());
  const out = message(DEAD_LETTER_TOPIC, {
    specversion: '1.0',
    id: recorded.id,
    source: sourceOf(DEAD_LETTER_TOPIC),
    type: eventTypeName(recorded.type, recorded.metadata.schemaVersion),
    subject: recorded.streamName,
    time: iso(recorded.metadata.occurredAt),
    datacontenttype: 'application/json',
    correlationid: recorded.metadata.correlationId,
    causationid: recorded.metadata.causationId,
    hubposition: recorded.position.toString(),
    recordedtime: iso(recorded.recordedAt),
    deadletterreason: reason,
    data: recorded.data,
  });
  return { ...out, headers: { ...out.headers, ce_deadletterreason: reason.slice(0, 200) } };
};

/** Parses an event with the hub's schema: the event, or why it cannot be mapped. */
export const mapEvent = (recorded: RecordedEvent): { event: HubEvent } | { reason: string } => {
  const parsed = hubEventSchema.safeParse({ type: recorded.type, data: recorded.data });
  if (parsed.success) return { event: parsed.data };
  const unknownType = !hubEventSchema.options.some((o) => o.shape.type.value === recorded.type);
  return {
    reason: unknownType
      ? `unknown event type ${recorded.type}`
      : `fails its schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  };
};
