import { hubEventSchema, type HubEvent } from '@hub/contracts';
import type { RecordedEvent } from '@hub/event-store';
import type { TouchRow } from '@hub/read-model';
import { CONTEXT_OF, CONTEXT_TOPICS, DEAD_LETTER_TOPIC, TOUCHES_TOPIC } from './topics';

/*
 * CloudEvents 1.0, structured mode (the whole envelope is the message value, content type
 * application/cloudevents+json). The hub's correlation and causation ids travel as extensions,
 * and so does the event's global position, so a consumer can order and de-duplicate.
 */

export interface CloudEvent<D = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  correlationid: string;
  causationid: string;
  /** The event's position in the store's global order, as a decimal string. */
  hubposition: string;
  data: D;
}

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

const SOURCE = 'urn:engagement-hub';
export const eventTypeName = (type: string, version: number) => `hub.${type}.v${version}`;
export const dataSchemaUri = (type: string, version: number) => `urn:engagement-hub:schema:${type}:v${version}`;

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
export const eventMessage = (recorded: RecordedEvent, event: HubEvent): OutgoingMessage => {
  const context = CONTEXT_OF[event.type];
  return message(CONTEXT_TOPICS[context], {
    specversion: '1.0',
    id: recorded.id,
    source: `${SOURCE}/${context}`,
    type: eventTypeName(event.type, recorded.metadata.schemaVersion),
    subject: recorded.streamName,
    time: new Date(recorded.metadata.occurredAt).toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(event.type, recorded.metadata.schemaVersion),
    correlationid: recorded.metadata.correlationId,
    causationid: recorded.metadata.causationId,
    hubposition: recorded.position.toString(),
    data: event.data,
  });
};

export const TOUCH_TYPE = 'Touch';

/** The subject (and key) of a person's touches: kind and id, e.g. employee-E1, fc-F1, customer-C1 (ids of different kinds may coincide). */
export const personSubject = (personKind: string, personId: string) => `${personKind.toLowerCase()}-${personId}`;

/** A touch (derived from one event) on the touches topic; subject and key: the person reached, with their kind. */
export const touchMessage = (touch: TouchRow, source: RecordedEvent): OutgoingMessage =>
  message(TOUCHES_TOPIC, {
    specversion: '1.0',
    id: touch.touchId,
    source: `${SOURCE}/touches`,
    type: eventTypeName(TOUCH_TYPE, 1),
    subject: personSubject(touch.personKind, touch.personId),
    time: touch.touchedAt,
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(TOUCH_TYPE, 1),
    correlationid: source.metadata.correlationId,
    causationid: source.id,
    hubposition: source.position.toString(),
    data: { touchId: touch.touchId, personId: touch.personId, personKind: touch.personKind, leaderId: touch.leaderId, channel: touch.channel, mode: touch.mode, touchedAt: touch.touchedAt, sourceEventId: touch.sourceEventId },
  });

/** An event the relay cannot map, with the reason, for the dead-letter topic. */
export const deadLetter = (recorded: RecordedEvent, reason: string): OutgoingMessage => ({
  topic: DEAD_LETTER_TOPIC,
  key: recorded.streamName,
  value: JSON.stringify({ reason, id: recorded.id, stream: recorded.streamName, type: recorded.type, position: recorded.position.toString(), recordedAt: recorded.recordedAt, data: recorded.data }),
  headers: { 'content-type': 'application/json', reason: reason.slice(0, 200) },
});

/** Parses an event with the hub's schema: the event, or why it cannot be mapped. */
export const mapEvent = (recorded: RecordedEvent): { event: HubEvent } | { reason: string } => {
  const parsed = hubEventSchema.safeParse({ type: recorded.type, data: recorded.data });
  if (parsed.success) return { event: parsed.data };
  const unknownType = !hubEventSchema.options.some((o) => o.shape.type.value === recorded.type);
  return { reason: unknownType ? `unknown event type ${recorded.type}` : `fails its schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
};
