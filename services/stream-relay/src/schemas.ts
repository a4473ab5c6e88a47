import { hubEventSchema, CHANNELS, TOUCH_MODES } from '@hub/events';
import { stringify } from 'yaml';
import { z } from 'zod';
import { eventTypeName, sourceOf, TOUCH_TYPE } from './cloudEvents';
import { CURRENT_STATE_TOPICS, CURRENT_STATE_TYPES, type CurrentStateKind } from './currentState';
import { CONTEXT_OF, CONTEXT_TOPICS, DEAD_LETTER_TOPIC, TOUCHES_TOPIC, type ContextName } from './topics';

/*
 * The contract with downstream teams: a JSON Schema for the `data` of every event type, generated
 * from the same zod schemas the services validate with, and an AsyncAPI 3 document describing every
 * topic, key and message. `npm run schemas:print -w @hub/stream-relay` writes them to schemas/.
 */

/** The data of a touch on hub.touches.v1. */
export const touchDataSchema = z.object({
  touchId: z.string(),
  personId: z.string(),
  personKind: z.enum(['EMPLOYEE', 'FC', 'CUSTOMER']),
  leaderId: z.string().nullable(),
  channel: z.enum(CHANNELS),
  mode: z.enum(TOUCH_MODES),
  touchedAt: z.iso.datetime(),
  sourceEventId: z.string(),
});

export type JsonSchema = Record<string, unknown>;

const toJsonSchema = (schema: z.ZodType, title: string): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title,
  ...(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema),
});

/** Every message type's data schema, by CloudEvents type name (hub.<Type>.v1). */
export const dataSchemas = (): Record<string, JsonSchema> => {
  const schemas: Record<string, JsonSchema> = {};
  for (const option of hubEventSchema.options) {
    const type = option.shape.type.value;
    schemas[eventTypeName(type, 1)] = toJsonSchema(option.shape.data, `${type} (data of ${eventTypeName(type, 1)})`);
  }
  schemas[eventTypeName(TOUCH_TYPE, 1)] = toJsonSchema(touchDataSchema, `Touch (data of ${eventTypeName(TOUCH_TYPE, 1)})`);
  for (const { type, schema } of Object.values(CURRENT_STATE_TYPES))
    schemas[eventTypeName(type, 1)] = toJsonSchema(schema, `${type} (data of ${eventTypeName(type, 1)}: the current state)`);
  return schemas;
};

const HUBPOSITION =
  'Position in the hub’s global order (decimal). Within a key (and a partition) it never decreases; it may repeat (several touches from one event).';
const RECORDEDTIME =
  'When the hub’s event store recorded the event (follows the global order closely; `time` does not): start a consumer from a time by this.';

const envelope = (type: string, topic: string) => ({
  type: 'object',
  required: [
    'specversion',
    'id',
    'source',
    'type',
    'subject',
    'time',
    'datacontenttype',
    'dataschema',
    'correlationid',
    'causationid',
    'hubposition',
    'recordedtime',
    'data',
  ],
  properties: {
    specversion: { const: '1.0' },
    id: {
      type: 'string',
      description:
        'The event id (a touch: the touch id; a current state: the last event folded in); unique per topic except that a rebuild of the current state repeats a state’s id.',
    },
    source: { const: sourceOf(topic), description: 'urn:engagement-hub/<the topic’s kebab-case name>' },
    type: { const: type },
    subject: {
      type: 'string',
      description:
        'The aggregate stream, e.g. cafeSession-S1 (touches: <kind>-<person>, e.g. employee-E1, fc-F1; current state: the entity, e.g. employee-E1). Always equal to the Kafka key.',
    },
    time: {
      type: 'string',
      format: 'date-time',
      description: 'When it happened in the world (the event’s occurredAt; a touch: when the person was reached).',
    },
    datacontenttype: { const: 'application/json' },
    dataschema: {
      type: 'string',
      format: 'uri',
      description: `The data’s JSON Schema, served by the gateway: <HUB_PUBLIC_URL>/schemas/${type}.json`,
    },
    correlationid: { type: 'string' },
    causationid: { type: 'string' },
    hubposition: { type: 'string', description: HUBPOSITION },
    recordedtime: { type: 'string', format: 'date-time', description: RECORDEDTIME },
    data: { $ref: `./schemas/${type}.json` },
  },
});

/** Decided in #13: the FC's own weekly report is data about the FC, not a leader reaching them. */
const PRIDE_NOT_A_TOUCH =
  'An FC’s own PRIDE weekly activity report (hub.FcWeeklyActivityReported.v1 on hub.pride.v1) is not a touch: nobody reached the FC; a leader meeting a PRIDE branch’s FCs is recorded (and touches them) as a branch visit.';
const CURRENT_STATE_LABEL: Record<CurrentStateKind, string> = {
  employees: 'employee',
  fcs: 'FC',
  branches: 'branch',
  orgUnits: 'org unit',
};
const CURRENT_STATE_EXAMPLE: Record<CurrentStateKind, string> = {
  employees: 'employee-E1',
  fcs: 'fc-F1',
  branches: 'branch-B1',
  orgUnits: 'orgUnit-HQ',
};

/** The AsyncAPI 3 document of every topic the relay writes. */
export const asyncApiDocument = () => {
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const byContext = new Map<ContextName, string[]>();
  for (const option of hubEventSchema.options) {
    const type = option.shape.type.value;
    byContext.set(CONTEXT_OF[type], [...(byContext.get(CONTEXT_OF[type]) ?? []), type]);
  }
  const message = (type: string, topic: string, keyDescription: string, description?: string) => {
    const name = eventTypeName(type, 1);
    messages[name] = {
      name,
      title: type,
      ...(description ? { description } : {}),
      contentType: 'application/cloudevents+json',
      payload: envelope(name, topic),
      bindings: { kafka: { key: { type: 'string', description: keyDescription }, bindingVersion: '0.5.0' } },
    };
    return { $ref: `#/components/messages/${name.replaceAll('.', '_')}` };
  };
  for (const [context, types] of byContext) {
    const topic = CONTEXT_TOPICS[context];
    const id = topic.replaceAll('.', '_');
    channels[id] = {
      address: topic,
      description: `Every event of the ${context} context, in the hub's global order; key = subject = the aggregate's stream, so order per aggregate is kept.`,
      messages: Object.fromEntries(
        types.map((t) => [
          eventTypeName(t, 1).replaceAll('.', '_'),
          message(
            t,
            topic,
            'The aggregate stream name, e.g. employee-E1: equal to the CloudEvent subject.',
            t === 'FcWeeklyActivityReported' ? PRIDE_NOT_A_TOUCH : undefined,
          ),
        ]),
      ),
    };
    operations[`publish_${id}`] = { action: 'send', channel: { $ref: `#/channels/${id}` } };
  }
  const touchesId = TOUCHES_TOPIC.replaceAll('.', '_');
  channels[touchesId] = {
    address: TOUCHES_TOPIC,
    description: `Every touch (one person reached by one leader, or by the company, through one channel at one time), derived from the channel events; key = subject = the person with their kind (employee-E1, fc-F1, customer-C1), so a person’s touches stay in order and people of different kinds never share a key. ${PRIDE_NOT_A_TOUCH}`,
    messages: {
      [eventTypeName(TOUCH_TYPE, 1).replaceAll('.', '_')]: message(
        TOUCH_TYPE,
        TOUCHES_TOPIC,
        'The person reached, <kind>-<id> (employee-E1, fc-F1, customer-C1): equal to the CloudEvent subject.',
      ),
    },
  };
  operations[`publish_${touchesId}`] = { action: 'send', channel: { $ref: `#/channels/${touchesId}` } };
  for (const [kind, topic] of Object.entries(CURRENT_STATE_TOPICS) as [CurrentStateKind, string][]) {
    const id = topic.replaceAll('.', '_');
    const { type } = CURRENT_STATE_TYPES[kind];
    channels[id] = {
      address: topic,
      description: `The current state of every ${CURRENT_STATE_LABEL[kind]} (compacted: cleanup.policy=compact). Key = subject = the entity's stream (e.g. ${CURRENT_STATE_EXAMPLE[kind]}); value = the whole entity as of hubposition. Published by the relay in the same transaction as the event that changed it; rebuilt from the event store on demand (npm run streams -- rebuild-current-state). No tombstones: the model removes nothing; an employee or FC who left stays with leftOn set. Read it from the beginning: the latest message per key is the entity now.`,
      messages: {
        [eventTypeName(type, 1).replaceAll('.', '_')]: message(
          type,
          topic,
          `The entity's stream, e.g. ${CURRENT_STATE_EXAMPLE[kind]}: equal to the CloudEvent subject.`,
        ),
      },
    };
    operations[`publish_${id}`] = { action: 'send', channel: { $ref: `#/channels/${id}` } };
  }
  const deadId = DEAD_LETTER_TOPIC.replaceAll('.', '_');
  const deadEnvelope = envelope('hub.<Type>.v1', DEAD_LETTER_TOPIC);
  channels[deadId] = {
    address: DEAD_LETTER_TOPIC,
    description:
      'Events the relay could not map (unknown type, or failing their schema); they never stop the stream. Each is a CloudEvent of its own type (hub.<Type>.v<n>) with its data as stored, no dataschema, and the reason in the extension attribute deadletterreason.',
    messages: {
      DeadLetter: {
        name: 'DeadLetter',
        contentType: 'application/cloudevents+json',
        payload: {
          ...deadEnvelope,
          required: [...deadEnvelope.required.filter((r) => r !== 'dataschema'), 'deadletterreason'],
          properties: {
            ...Object.fromEntries(Object.entries(deadEnvelope.properties).filter(([k]) => k !== 'dataschema')),
            type: { type: 'string', description: 'The event’s own type, hub.<Type>.v<n> (possibly one the hub does not know).' },
            deadletterreason: {
              type: 'string',
              description: 'Why the relay could not map it: "unknown event type …" or "fails its schema: …".',
            },
            data: { description: 'The event’s data as stored.' },
          },
        },
        bindings: {
          kafka: { key: { type: 'string', description: 'The event’s stream: equal to the CloudEvent subject.' }, bindingVersion: '0.5.0' },
        },
      },
    },
  };
  operations[`publish_${deadId}`] = { action: 'send', channel: { $ref: `#/channels/${deadId}` } };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Engagement Hub streams',
      version: '1.0.0',
      description:
        'Every way leadership reaches people, as CloudEvents 1.0 (structured mode) on Kafka. Published exactly once: read with isolation.level=read_committed. Customers appear by id only; no names, phones or addresses are ever published.',
    },
    defaultContentType: 'application/cloudevents+json',
    channels,
    operations,
    components: { messages: Object.fromEntries(Object.entries(messages).map(([k, v]) => [k.replaceAll('.', '_'), v])) },
  };
};

type Schema = {
  type?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
};

/**
 * What in `next` would break a consumer written against `published`: a field removed or retyped,
 * a new required field, an enum value removed. Adding optional fields or enum values is fine.
 */
export const breakingChanges = (published: Schema, next: Schema, path = 'data'): string[] => {
  const problems: string[] = [];
  const typeOf = (s: Schema) =>
    JSON.stringify(s.type ?? (s.anyOf ? s.anyOf.map((a) => a.type) : s.const !== undefined ? 'const' : s.enum ? 'enum' : 'any'));
  if (typeOf(published) !== typeOf(next)) problems.push(`${path}: type changed from ${typeOf(published)} to ${typeOf(next)}`);
  if (published.enum && next.enum) {
    for (const v of published.enum) if (!next.enum.includes(v)) problems.push(`${path}: value ${JSON.stringify(v)} removed`);
  }
  for (const [name, schema] of Object.entries(published.properties ?? {})) {
    const now = next.properties?.[name];
    if (!now) problems.push(`${path}.${name}: removed`);
    else problems.push(...breakingChanges(schema, now, `${path}.${name}`));
  }
  const before = new Set(published.required ?? []);
  for (const name of next.required ?? []) if (!before.has(name)) problems.push(`${path}.${name}: new required field`);
  if (published.items && next.items) problems.push(...breakingChanges(published.items, next.items, `${path}[]`));
  // A nullable object or enum is anyOf [the thing, null]: compare the members of the same type.
  if (published.anyOf && next.anyOf) {
    for (const member of published.anyOf) {
      const same = next.anyOf.find((n) => JSON.stringify(n.type) === JSON.stringify(member.type));
      if (same && member.type !== 'null') problems.push(...breakingChanges(member, same, path));
    }
  }
  return problems;
};

/**
 * The contract as files, byte for byte as committed (`schemas/<type>.json`, `asyncapi.yaml`):
 * written by `schemas:print`, served by the gateway at `/schemas/<type>.json` and `/asyncapi.yaml`.
 */
export const streamDocuments = (): { schemas: Record<string, string>; asyncapi: string } => ({
  schemas: Object.fromEntries(Object.entries(dataSchemas()).map(([type, schema]) => [type, `${JSON.stringify(schema, null, 2)}\n`])),
  asyncapi: `# Generated by \`npm run schemas:print -w @hub/stream-relay\`; a test keeps it in sync.\n${stringify(asyncApiDocument(), { lineWidth: 0 })}`,
});
