// @vitest-environment node
import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EMBEDDED, FIGURES } from './client';
import * as operations from './operations';

/*
 * Graphcache is only right if it knows every type without an id (else it warns and may merge
 * answers) and drops every figure the console asks after a recording mutation (else a page shows
 * an old figure until reload). Both lists are hand-kept: this holds them to the schema and to the
 * operations the console sends, so a new query or type cannot slip past them.
 */

const schema = buildSchema(readFileSync(new URL('../../gateway/schema.graphql', import.meta.url), 'utf8'));

/** Root fields the console asks that are not figures: who is signed in does not change with a fact. */
const NOT_FIGURES = new Set(['me']);

describe('the console’s cache lists, against the schema', () => {
  it('keys every object type without an id as embedded in its parent', () => {
    const root = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
    const withoutId = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !root.has(t.name) && !('id' in t.getFields()))
      .map((t) => t.name)
      .sort();
    expect(withoutId.filter((name) => !(EMBEDDED as readonly string[]).includes(name))).toEqual([]);
  });

  it('drops every query field the console asks after a recording mutation', () => {
    const asked = new Set<string>();
    for (const document of Object.values(operations) as DocumentNode[]) {
      for (const definition of document.definitions) {
        const op = definition as OperationDefinitionNode;
        if (op.kind !== 'OperationDefinition' || op.operation !== 'query') continue;
        for (const selection of op.selectionSet.selections) if (selection.kind === 'Field') asked.add(selection.name.value);
      }
    }
    expect(asked.size).toBeGreaterThan(10);
    expect([...asked].filter((field) => !FIGURES.has(field) && !NOT_FIGURES.has(field)).sort()).toEqual([]);
  });
});
