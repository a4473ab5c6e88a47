import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, CSRF_HEADER, schema as gatewaySchema } from '@hub/gateway';
import { createHub, createWebServer, type Hub } from '@hub/platform';
import type { SqlExecutor } from '@hub/sql';
import {
  getIntrospectionQuery,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  print,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as consoleOperations from '../../../web/src/operations';
import { generateCompany } from '@hub/platform/generate';
import { REPO_ROOT } from '../support/product';

/*
 * The attacks of issue #9, each against the real gateway and console servers on 127.0.0.1 sockets,
 * over embedded PGlite (the default, where a runaway query stops everything in the process). Each
 * one is refused while an ordinary request sent at the same moment is still answered.
 */

const CONSOLE_ORIGIN = 'http://localhost:3999'; // the console's origin, as the gateway's allow-list knows it
const ORDINARY = '{ cafeSessions(first: 5) { totalCount edges { node { id venue } } } }';
const SCHEDULE =
  'mutation { scheduleCafeSession(input: { scheduledAt: "2027-05-01T15:00:00+09:00", venue: "Forged", hostIds: ["CEO"] }) { id } }';
const NESTED = '{branches(first:100){edges{node{fcs{branch{fcs{branch{fcs{branch{fcs{name}}}}}}}}}}}';
const coverageAliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `c${i}: coverage(population: EMPLOYEE, period: { from: "2014-01-01T00:00:00Z", to: "2016-01-01T00:00:00Z" }) { reached }`).join(' ')} }`;
const LEAKS = /node_modules|\/work\/|at [\w.<>]+ \(|\.ts:\d+|TypeError|Error:/;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/** One HTTP request over a real socket, optionally from another loopback address (another client). */
/** A plausible value of an input type: required fields filled, optional ones left out. */
const SAMPLE_SCALARS: Record<string, unknown> = {
  ID: 'E00001',
  String: 'sample',
  Int: 10,
  Float: 1,
  Boolean: false,
  DateTime: '2015-01-01T00:00:00+09:00',
  Date: '2015-01-01',
};
const sampleValue = (type: GraphQLInputType): unknown => {
  const t = getNullableType(type);
  if (isListType(t)) return [sampleValue(t.ofType)];
  if (isEnumType(t)) return t.getValues()[0]!.value;
  if (isInputObjectType(t))
    return Object.fromEntries(
      Object.values(t.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  return SAMPLE_SCALARS[t.name] ?? 'sample';
};

const send = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, localAddress: init.from, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
    req.end(init.body);
  });

const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', [CSRF_HEADER]: 'test', ...extra });
const gql = (url: string, query: string, extra: Record<string, string> = {}, from?: string) =>
  send(url, { method: 'POST', headers: json(extra), body: JSON.stringify({ query }), from });
const codeOf = (a: Answer) => (JSON.parse(a.body) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

/** A raw request line, as an attacker's tool would send it. */
const raw = (port: number, text: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });

describe('the attacks of issue #9, on embedded PGlite over real sockets', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-attacks-'));
  const dist = mkdtempSync(join(tmpdir(), 'hub-attacks-web-'));
  let hub: Hub;
  let statements = 0;
  let gateway: ReturnType<typeof createServer>;
  let limited: ReturnType<typeof createServer>;
  let web: ReturnType<typeof createWebServer>;
  let api: string;
  let limitedApi: string;
  let consoleUrl: string;
  let gatewayPort: number;
  let consolePort: number;
  let hrToken: string;
  let leadershipToken: string;

  beforeAll(async () => {
    hub = await createHub({ dataDir });
    // 20 branches of 10 FCs: enough for the nested query to explode (20 · 10 · 10 · 10 FCs) were it run.
    await generateCompany(hub.store, {
      employees: 60,
      branches: 20,
      fcsPerBranch: 10,
      cafeSessions: 8,
      townHalls: 2,
      videos: 1,
      viewsPerVideo: 10,
      customers: 20,
      activityWeeks: 2,
    });
    await hub.projector.start();
    // The same database, counted, to show a refused query ran no SQL.
    const view: SqlExecutor = { query: (sql, params) => (statements++, hub.sql.query(sql, params)), exec: (sql) => hub.sql.exec(sql) };
    hrToken = (await hub.tokens.issue({ subject: 'attack-test:hr', role: 'HR' }, 'test')).token;
    leadershipToken = (await hub.tokens.issue({ subject: 'attack-test:leadership', role: 'LEADERSHIP' }, 'test')).token;
    const deps = { ...hub.gatewayDeps(), view, log: () => undefined };
    gateway = createServer({ ...deps, limits: { corsOrigins: [CONSOLE_ORIGIN] } });
    gatewayPort = await gateway.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${gatewayPort}/graphql`;
    // A second gateway with a small rate limit, so a burst over it stays small.
    limited = createServer({ ...deps, limits: { rateLimit: { perMinute: 5 } } });
    limitedApi = `http://127.0.0.1:${await limited.listen(0, '127.0.0.1')}/graphql`;
    writeFileSync(join(dist, 'index.html'), '<div id="root"></div>');
    web = createWebServer({ distDir: dist, gatewayUrl: `http://127.0.0.1:${gatewayPort}` });
    consolePort = await web.listen(0, '127.0.0.1');
    consoleUrl = `http://127.0.0.1:${consolePort}`;
  }, 120_000);
  afterAll(async () => {
    await web?.close();
    await limited?.close();
    await gateway?.close();
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  /** Runs `attack` and an ordinary query at the same moment; the ordinary one must be answered. */
  const beside = async (attack: () => Promise<Answer>) => {
    const [refused, ordinary] = await Promise.all([attack(), gql(api, ORDINARY)]);
    expect(ordinary.status).toBe(200);
    expect(JSON.parse(ordinary.body)).toMatchObject({ data: { cafeSessions: { totalCount: expect.any(Number) } } });
    expect(refused.body).not.toMatch(LEAKS);
    return refused;
  };

  it('refuses a cross-site form post, multipart and text/plain (nothing appended), JSON without the CSRF header, and mutations over GET', async () => {
    const before = await hub.store.headPosition();
    const foreign = { origin: 'http://evil.example' };
    const form = await beside(() =>
      send(api, {
        method: 'POST',
        headers: { ...foreign, 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent(SCHEDULE)}`,
      }),
    );
    expect([form.status, codeOf(form)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    // Through the console's origin too, the way the attack page reached the demo company.
    const viaConsole = await send(`${consoleUrl}/graphql`, {
      method: 'POST',
      headers: { ...foreign, 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent(SCHEDULE)}`,
    });
    expect(viaConsole.status).toBe(415);
    const boundary = 'hub-boundary';
    const multipartBody = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="operations"',
      '',
      JSON.stringify({ query: SCHEDULE }),
      `--${boundary}`,
      'Content-Disposition: form-data; name="map"',
      '',
      '{}',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const multipart = await beside(() =>
      send(api, {
        method: 'POST',
        headers: { ...foreign, [CSRF_HEADER]: 'x', 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: multipartBody,
      }),
    );
    expect(multipart.status).toBe(415);
    const plain = await send(api, {
      method: 'POST',
      headers: { ...foreign, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: SCHEDULE }),
    });
    expect(plain.status).toBe(415);
    const noHeader = await send(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SCHEDULE }),
    });
    expect([noHeader.status, codeOf(noHeader)]).toEqual([403, 'CSRF_HEADER_MISSING']);
    const get = await send(`${api}?query=${encodeURIComponent(SCHEDULE)}`, { headers: { [CSRF_HEADER]: 'x' } });
    expect(get.status).toBe(405);
    const getNoHeader = await send(`${api}?query=${encodeURIComponent(ORDINARY)}`);
    expect(getNoHeader.status).toBe(403);
    expect(await hub.store.headPosition()).toBe(before);
    // The same mutation, sent as the console sends it, is recorded: the refusals above were the guard.
    expect(codeOf(await gql(api, SCHEDULE, { authorization: `Bearer ${hrToken}` }))).toBeUndefined();
    expect(await hub.store.headPosition()).not.toBe(before);
  });

  it("never echoes a foreign Origin; the console's origin is allowed, without credentials", async () => {
    const foreign = await beside(() => gql(api, ORDINARY, { origin: 'http://evil.example' }));
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(foreign.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await send(api, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': `content-type,${CSRF_HEADER}`,
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    const allowed = await send(api, { method: 'OPTIONS', headers: { origin: CONSOLE_ORIGIN, 'access-control-request-method': 'POST' } });
    expect(allowed.headers['access-control-allow-origin']).toBe(CONSOLE_ORIGIN);
    expect(allowed.headers['access-control-allow-headers']).toContain(CSRF_HEADER);
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses the 7-level nested list query in milliseconds, running no SQL', async () => {
    expect(NESTED.length).toBeLessThan(170);
    statements = 0;
    const refused = await gql(api, NESTED);
    expect(statements).toBe(0);
    expect(codeOf(refused)).toBe('QUERY_TOO_COMPLEX');
    expect(refused.ms).toBeLessThan(1000);
    expect(codeOf(await beside(() => gql(api, NESTED)))).toBe('QUERY_TOO_COMPLEX');
    // Shallower, but with lists multiplying to thousands of rows: the cost estimate refuses it.
    const wide = await gql(api, '{branches(first:100){edges{node{fcs{branch{fcs{name}}}}}}}');
    expect(JSON.parse(wide.body).errors[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX' },
      message: expect.stringMatching(/cost/),
    });
    // A page of 101 is refused too (connections cap `first` at 100).
    expect(codeOf(await gql(api, '{ branches(first: 101) { totalCount } }'))).toBe('VALIDATION');
  });

  it('refuses 1,000 aliases of coverage fast, and more than 15 aliases at all', async () => {
    const thousand = await beside(() => gql(api, coverageAliases(1000)));
    expect(codeOf(thousand)).toBe('QUERY_TOO_COMPLEX');
    expect(thousand.ms).toBeLessThan(1000);
    const sixteen = await gql(api, coverageAliases(16));
    expect(JSON.parse(sixteen.body).errors[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX' },
      message: expect.stringMatching(/alias/i),
    });
    expect(codeOf(await gql(api, coverageAliases(2)))).toBeUndefined();
  });

  it('answers 413 to a 20 MB body, on the gateway and through the console', async () => {
    const body = JSON.stringify({ query: ORDINARY, variables: { pad: 'x'.repeat(20 * 1024 * 1024) } });
    const tooLarge = await beside(() => send(api, { method: 'POST', headers: json(), body }));
    expect([tooLarge.status, codeOf(tooLarge)]).toEqual([413, 'REQUEST_ENTITY_TOO_LARGE']);
    expect((await send(`${consoleUrl}/graphql`, { method: 'POST', headers: json(), body })).status).toBe(413);
  });

  it('answers a burst over the rate limit 429 RATE_LIMITED with Retry-After, per address and per token', async () => {
    // Five a minute from 127.0.0.2: the sixth is refused, and 127.0.0.3 is still answered meanwhile.
    const burst = await Promise.all(Array.from({ length: 8 }, () => gql(limitedApi, ORDINARY, {}, '127.0.0.2')));
    const refused = burst.filter((a) => a.status === 429);
    expect(burst.filter((a) => a.status === 200)).toHaveLength(5);
    expect(refused).toHaveLength(3);
    expect(codeOf(refused[0]!)).toBe('RATE_LIMITED');
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const other = await gql(limitedApi, ORDINARY, {}, '127.0.0.3');
    expect(other.status).toBe(200);
    // One bearer token used from many addresses is limited as one caller (whether or not it is valid).
    const token = { authorization: 'Bearer some-token-somebody-passes-around' };
    const spread = await Promise.all(Array.from({ length: 7 }, (_, i) => gql(limitedApi, ORDINARY, token, `127.0.1.${i + 1}`)));
    expect(spread.filter((a) => a.status === 429).map(codeOf)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('answers an absolute-form request target 400 without a stack trace or path, on both servers', async () => {
    for (const port of [consolePort, gatewayPort]) {
      for (const target of ['http://evil/graphql', 'http://evil/x', '*']) {
        const answer = await raw(port, `GET ${target} HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n`);
        expect(answer).toMatch(/^HTTP\/1\.1 400 /);
        expect(answer).not.toMatch(LEAKS);
      }
      const badHost = await raw(port, `GET /graphql HTTP/1.1\r\nHost: hub:99999\r\nConnection: close\r\n\r\n`);
      expect(badHost).toMatch(/^HTTP\/1\.1 400 /);
    }
    // 404, 405 and error answers carry no stack or path either.
    for (const answer of [
      await send(`http://127.0.0.1:${gatewayPort}/nope`),
      await send(`${consoleUrl}/`, { method: 'DELETE' }),
      await send(`${consoleUrl}/%E0%A4%A`),
      await send(api, { method: 'PUT', headers: json(), body: '{}' }),
      await send(api, { method: 'POST', headers: json(), body: '{"query": ' }),
    ]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.body).not.toMatch(LEAKS);
    }
    expect((await gql(api, ORDINARY)).status).toBe(200);
  });

  it("serves the console with its security headers, and the console's page has no inline script", async () => {
    for (const path of ['/', '/some/route']) {
      const page = await send(`${consoleUrl}${path}`);
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
    // Vite builds index.html from this page, adding only <script src>: every script must have a src.
    const source = readFileSync(join(REPO_ROOT, 'web/index.html'), 'utf8');
    expect([...source.matchAll(/<script\b[^>]*>/g)].every(([tag]) => /\bsrc=/.test(tag))).toBe(true);
    // GraphiQL keeps working: it sends the CSRF header with every operation.
    const graphiql = await send(api, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(graphiql.body).toContain(CSRF_HEADER);
    // …and its schema query passes the limits, while introspection nesting lists without end does not.
    expect(codeOf(await gql(api, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true })))).toBeUndefined();
    const cyclic = await gql(api, '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(JSON.parse(cyclic.body).errors[0]).toMatchObject({
      extensions: { code: 'VALIDATION' },
      message: expect.stringMatching(/introspection depth/),
    });
  });

  it('lets every operation the console sends through the limits', async () => {
    // Known-good variables answer with no error at all; the console's other operations get sample
    // values made from the schema, and may be refused by the domain or by role — never by the limits.
    const variables: Record<string, Record<string, unknown>> = {
      CafeSessions: { first: 20, after: null },
      Leaders: {},
      Reach: { period: { from: '2014-01-01T00:00:00+09:00', to: '2016-01-01T00:00:00+09:00' } },
      Coverage: { population: 'EMPLOYEE', period: { from: '2014-01-01T00:00:00+09:00', to: '2016-01-01T00:00:00+09:00' }, channel: null },
      Me: {},
      ScheduleCafeSession: {
        input: { scheduledAt: '2027-06-01T15:00:00+09:00', venue: 'Console Café', hostIds: ['CEO'] },
        commandId: 'console-op-test',
      },
    };
    const documents = Object.values(consoleOperations).filter(
      (v): v is DocumentNode => typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'Document',
    );
    const operationOf = (d: DocumentNode) =>
      d.definitions.find((def): def is OperationDefinitionNode => def.kind === 'OperationDefinition')!;
    expect(documents.length).toBeGreaterThan(20);
    for (const name of Object.keys(variables)) expect(documents.map((d) => operationOf(d).name?.value)).toContain(name);
    // Limits, depth and schema validation refuse the whole request (an error without a path); a
    // sample variable the schema does not accept is refused the same way, but says it is a variable.
    const refusedWhole = (e: { message: string; path?: unknown }) => e.path === undefined && !/^Variable "\$/.test(e.message);
    for (const document of documents) {
      const operation = operationOf(document);
      const name = operation.name!.value;
      const sent =
        variables[name] ??
        Object.fromEntries(
          (operation.variableDefinitions ?? []).map((v) => [
            v.variable.name.value,
            sampleValue(typeFromAST(gatewaySchema, v.type) as GraphQLInputType),
          ]),
        );
      // Signed in as LEADERSHIP, who may ask nearly every one of them.
      // A subscription is asked over SSE, as the console does; with a sample id it is refused (NOT_FOUND, or FORBIDDEN
      // for import progress, which is ADMIN's) and its stream ends.
      const live = operation.operation === 'subscription';
      const answer = await send(`${consoleUrl}/graphql`, {
        method: 'POST',
        headers: json({ authorization: `Bearer ${leadershipToken}`, ...(live ? { accept: 'text/event-stream' } : {}) }),
        body: JSON.stringify({ query: print(document), variables: sent }),
      });
      const body = live ? (/^data: ?(.*)$/m.exec(answer.body)?.[1] ?? '{}') : answer.body;
      const errors = (JSON.parse(body) as { errors?: { message: string; path?: unknown; extensions?: { code?: string } }[] }).errors;
      if (live) expect([name, errors?.[0]?.extensions?.code]).toEqual([name, name === 'CsvImportProgress' ? 'FORBIDDEN' : 'NOT_FOUND']);
      if (name in variables) expect([name, answer.status, errors]).toEqual([name, 200, undefined]);
      else expect([name, errors?.filter(refusedWhole) ?? []]).toEqual([name, []]);
    }
  });
});
