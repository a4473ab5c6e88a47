import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, CSRF_HEADER } from '@hub/gateway';
import { streamDocuments } from '@hub/stream-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

const RELAY = resolve(import.meta.dirname, '../../../services/stream-relay');

/*
 * The streams' contract over HTTP, on a real socket: the committed files, byte for byte, without a
 * token, with the gateway's security headers; nothing else under those paths.
 */
describe('the gateway serving the streams’ schemas and AsyncAPI', () => {
  let t: HubUnderTest;
  let gateway: ReturnType<typeof createServer>;
  let base: string;

  beforeAll(async () => {
    t = await startHub(HUB_ENGINES[0]);
    gateway = createServer({ ...t.hub.gatewayDeps(), streamDocs: streamDocuments() });
    base = `http://127.0.0.1:${await gateway.listen(0)}`;
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await t?.dispose();
  }, 60_000);

  it('serves every committed schema file and asyncapi.yaml as they are, to anyone', async () => {
    const files = readdirSync(resolve(RELAY, 'schemas'));
    expect(files.length).toBeGreaterThan(35);
    for (const file of files) {
      // A token that is not one changes nothing: these paths never look at it.
      const r = await fetch(`${base}/schemas/${file}`, { headers: { authorization: 'Bearer hub_not-a-token' } });
      expect(r.status, file).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
      expect(await r.text()).toBe(readFileSync(resolve(RELAY, 'schemas', file), 'utf8'));
    }
    const doc = await fetch(`${base}/asyncapi.yaml`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect({ nosniff: doc.headers.get('x-content-type-options'), referrer: doc.headers.get('referrer-policy') }).toEqual({
      nosniff: 'nosniff',
      referrer: 'no-referrer',
    });
    expect(await doc.text()).toBe(readFileSync(resolve(RELAY, 'asyncapi.yaml'), 'utf8'));
  });

  it('answers HEAD without a body, refuses other methods, and finds nothing else under /schemas', async () => {
    const head = await fetch(`${base}/schemas/hub.Touch.v1.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(100);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/asyncapi.yaml`, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    for (const path of [
      '/schemas/hub.Nothing.v1.json',
      '/schemas/hub.Touch.v1',
      '/schemas/%2e%2e%2fpackage.json',
      '/schemas/',
      '/schemas/hub.Touch.v1.json/x',
      '/schemas/toString.json',
    ]) {
      const r = await fetch(`${base}${path}`);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // GraphQL is where it was.
    const gql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await gql.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
