import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hubEventSchema } from '@hub/events';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventTypeName } from './cloudEvents';
import { CURRENT_STATE_TOPICS } from './currentState';
import { asyncApiDocument, breakingChanges, dataSchemas, streamDocuments, type JsonSchema } from './schemas';
import { CONTEXT_TOPICS, DEAD_LETTER_TOPIC, TOUCHES_TOPIC } from './topics';

const ROOT = join(import.meta.dirname, '..');
const committed = Object.fromEntries(
  readdirSync(join(ROOT, 'schemas')).map((f) => [
    f.replace(/\.json$/, ''),
    JSON.parse(readFileSync(join(ROOT, 'schemas', f), 'utf8')) as JsonSchema,
  ]),
);

describe('the published schemas', () => {
  it('has a JSON Schema for every event type, for touches and for the current states, generated from the zod schemas', () => {
    const types = hubEventSchema.options.map((o) => eventTypeName(o.shape.type.value, 1));
    const states = ['hub.EmployeeState.v1', 'hub.FcState.v1', 'hub.BranchState.v1', 'hub.OrgUnitState.v1'];
    expect(Object.keys(dataSchemas()).sort()).toEqual([...types, 'hub.Touch.v1', ...states].sort());
  });

  it('changes no published schema in a way that breaks consumers (removed or retyped field, new required field)', () => {
    const current = dataSchemas();
    const problems = Object.entries(committed).flatMap(([type, published]) =>
      current[type] ? breakingChanges(published, current[type]).map((p) => `${type} ${p}`) : [`${type}: no longer published`],
    );
    // A breaking change needs a new version (hub.<Type>.v2 on a .v2 topic), never an edit of v1.
    expect(problems).toEqual([]);
  });

  it('is committed as generated (run `npm run schemas:print -w @hub/stream-relay` after a compatible change)', () => {
    expect(committed).toEqual(dataSchemas());
    expect(parse(readFileSync(join(ROOT, 'asyncapi.yaml'), 'utf8'))).toEqual(asyncApiDocument());
    // What the gateway serves is these files, byte for byte.
    const served = streamDocuments();
    expect(readFileSync(join(ROOT, 'asyncapi.yaml'), 'utf8')).toBe(served.asyncapi);
    for (const [type, text] of Object.entries(served.schemas))
      expect(readFileSync(join(ROOT, 'schemas', `${type}.json`), 'utf8')).toBe(text);
  });

  it('describes every topic, its key and every message in AsyncAPI 3', () => {
    const doc = asyncApiDocument();
    expect(doc.asyncapi).toBe('3.0.0');
    const addresses = Object.values(doc.channels as Record<string, { address: string; messages: Record<string, unknown> }>).map(
      (c) => c.address,
    );
    expect(addresses.sort()).toEqual(
      [...Object.values(CONTEXT_TOPICS), TOUCHES_TOPIC, ...Object.values(CURRENT_STATE_TOPICS), DEAD_LETTER_TOPIC].sort(),
    );
    const messages = Object.keys(doc.components.messages);
    for (const o of hubEventSchema.options) expect(messages).toContain(eventTypeName(o.shape.type.value, 1).replaceAll('.', '_'));
  });
});

describe('the compatibility check', () => {
  const v1 = {
    type: 'object',
    required: ['id', 'grade'],
    properties: { id: { type: 'string' }, grade: { enum: ['STAFF', 'MANAGER'] }, note: { type: 'string' } },
  };
  it('accepts additions: an optional field, an enum value', () => {
    expect(
      breakingChanges(v1, {
        ...v1,
        properties: { ...v1.properties, extra: { type: 'number' }, grade: { enum: ['STAFF', 'MANAGER', 'EXECUTIVE'] } },
      }),
    ).toEqual([]);
  });
  it('catches a removed field, a retyped field, a new required field and a removed enum value', () => {
    const { note: _note, ...withoutNote } = v1.properties;
    expect(breakingChanges(v1, { ...v1, properties: withoutNote })).toEqual(['data.note: removed']);
    expect(breakingChanges(v1, { ...v1, properties: { ...v1.properties, id: { type: 'number' } } })).toEqual([
      'data.id: type changed from "string" to "number"',
    ]);
    expect(breakingChanges(v1, { ...v1, required: ['id', 'grade', 'note'] })).toEqual(['data.note: new required field']);
    expect(breakingChanges(v1, { ...v1, properties: { ...v1.properties, grade: { enum: ['STAFF'] } } })).toEqual([
      'data.grade: value "MANAGER" removed',
    ]);
  });
  it('descends into nullable objects and enums (anyOf [thing, null])', () => {
    const nullable = (s: object) => ({ anyOf: [s, { type: 'null' }] });
    const place = { type: 'object', required: ['city'], properties: { city: { type: 'string' }, zip: { type: 'string' } } };
    const withPlace = (p: object) => ({
      type: 'object',
      required: ['place'],
      properties: { place: nullable(p), kind: nullable({ type: 'string', enum: ['A', 'B'] }) },
    });
    expect(
      breakingChanges(withPlace(place), withPlace({ ...place, properties: { ...place.properties, floor: { type: 'number' } } })),
    ).toEqual([]);
    expect(
      breakingChanges(withPlace(place), withPlace({ ...place, properties: { city: { type: 'number' } }, required: ['city', 'zip'] })),
    ).toEqual(['data.place.city: type changed from "string" to "number"', 'data.place.zip: removed', 'data.place.zip: new required field']);
    const narrowed = {
      ...withPlace(place),
      properties: { ...withPlace(place).properties, kind: nullable({ type: 'string', enum: ['A'] }) },
    };
    expect(breakingChanges(withPlace(place), narrowed)).toEqual(['data.kind: value "B" removed']);
  });
});
