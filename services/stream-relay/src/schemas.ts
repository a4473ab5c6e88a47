import { hubEventSchema, CHANNELS, TOUCH_MODES } from '@hub/contracts';
import { z } from 'zod';
import { eventTypeName, TOUCH_TYPE } from './cloudEvents';
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
  return schemas;
};

const envelope = (type: string) => ({
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'correlationid', 'causationid', 'hubposition', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', description: 'The event id (a touch: the touch id); unique per topic.' },
    source: { type: 'string', description: 'urn:engagement-hub/<context>' },
    type: { const: type },
    subject: { type: 'string', description: 'The aggregate stream, e.g. cafe-session-S1 (touches: <kind>-<person>, e.g. employee-E1, fc-F1). Always equal to the Kafka key.' },
    time: { type: 'string', format: 'date-time', description: 'When it happened in the world.' },
    datacontenttype: { const: 'application/json' },
    dataschema: { type: 'string', description: `urn:engagement-hub:schema:<Type>:v1 — schemas/${type}.json` },
    correlationid: { type: 'string' },
    causationid: { type: 'string' },
    hubposition: { type: 'string', description: 'Position in the hub’s global order (decimal): increases within a key.' },
    data: { $ref: `./schemas/${type}.json` },
  },
});

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
  const message = (type: string, keyDescription: string) => {
    const name = eventTypeName(type, 1);
    messages[name] = {
      name,
      title: type,
      contentType: 'application/cloudevents+json',
      payload: envelope(name),
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
      messages: Object.fromEntries(types.map((t) => [eventTypeName(t, 1).replaceAll('.', '_'), message(t, 'The aggregate stream name, e.g. employee-E1: equal to the CloudEvent subject.')])),
    };
    operations[`publish_${id}`] = { action: 'send', channel: { $ref: `#/channels/${id}` } };
  }
  const touchesId = TOUCHES_TOPIC.replaceAll('.', '_');
  channels[touchesId] = {
    address: TOUCHES_TOPIC,
    description: 'Every touch (one person reached by one leader, or by the company, through one channel at one time), derived from the channel events; key = subject = the person with their kind (employee-E1, fc-F1, customer-C1), so a person’s touches stay in order and people of different kinds never share a key.',
    messages: { [eventTypeName(TOUCH_TYPE, 1).replaceAll('.', '_')]: message(TOUCH_TYPE, 'The person reached, <kind>-<id> (employee-E1, fc-F1, customer-C1): equal to the CloudEvent subject.') },
  };
  operations[`publish_${touchesId}`] = { action: 'send', channel: { $ref: `#/channels/${touchesId}` } };
  const deadId = DEAD_LETTER_TOPIC.replaceAll('.', '_');
  channels[deadId] = {
    address: DEAD_LETTER_TOPIC,
    description: 'Events the relay could not map (unknown type, or failing their schema), with the reason; they never stop the stream.',
    messages: {
      DeadLetter: {
        name: 'DeadLetter',
        contentType: 'application/json',
        payload: { type: 'object', required: ['reason', 'id', 'stream', 'type', 'position'], properties: { reason: { type: 'string' }, id: { type: 'string' }, stream: { type: 'string' }, type: { type: 'string' }, position: { type: 'string' }, recordedAt: { type: 'string' }, data: {} } },
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

type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; const?: unknown };

/**
 * What in `next` would break a consumer written against `published`: a field removed or retyped,
 * a new required field, an enum value removed. Adding optional fields or enum values is fine.
 */
export const breakingChanges = (published: Schema, next: Schema, path = 'data'): string[] => {
  const problems: string[] = [];
  const typeOf = (s: Schema) => JSON.stringify(s.type ?? (s.anyOf ? s.anyOf.map((a) => a.type) : s.const !== undefined ? 'const' : s.enum ? 'enum' : 'any'));
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
  return problems;
};
