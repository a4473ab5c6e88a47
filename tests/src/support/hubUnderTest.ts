import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '@hub/gateway';
import { createHub, type Hub } from '@hub/platform';
import type { SqlExecutor } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { expect } from 'vitest';

export interface HubUnderTest {
  hub: Hub;
  /** POST a GraphQL operation to the gateway (in memory, no socket). */
  /** `role`: send that role's API token (none: a VIEWER). */
  graphql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, role?: keyof typeof TEST_TOKENS) => Promise<{ data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Runs an operation that must succeed, and returns its data. */
  ok: (query: string, variables?: Record<string, unknown>, role?: keyof typeof TEST_TOKENS) => Promise<Record<string, unknown>>;
  /** Runs an operation that must be refused with `code` and a message matching `message`, appending nothing. */
  refused: (query: string, code: string, message: RegExp, variables?: Record<string, unknown>, role?: keyof typeof TEST_TOKENS) => Promise<void>;
  /** POST an operation with extra headers and get the raw HTTP response. */
  raw: (query: string, headers: Record<string, string>) => Promise<Response>;
  /** Counts SQL statements the gateway's view connection ran since the last reset. */
  sqlCount: { value: number; reset(): void };
  dispose(): Promise<void>;
}

/** API tokens the test gateway accepts, by role. */
export const TEST_TOKENS = { SALES: 'test-sales-token-0001', PRIVACY_OFFICER: 'test-privacy-token-0001' } as const;

/** The two ways the hub runs: embedded PGlite (npm start) and a real PostgreSQL server. */
export const HUB_ENGINES = [
  {
    name: 'embedded PGlite',
    async config() {
      const dataDir = mkdtempSync(join(tmpdir(), 'hub-test-'));
      return { config: { dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async config() {
      const db = await createTestDatabase('hub_gw');
      return { config: { dataDir: '/nonexistent', DATABASE_URL: db.url }, cleanup: () => db.drop() };
    },
  },
] as const;

export const startHub = async (engine: (typeof HUB_ENGINES)[number]): Promise<HubUnderTest> => {
  const { config, cleanup } = await engine.config();
  const hub = await createHub(config);
  await hub.projector.start();
  const sqlCount = { value: 0, reset: () => (sqlCount.value = 0) };
  // The same database, counted: a decorator, not a stand-in.
  const view: SqlExecutor = {
    query: (sql, params) => {
      sqlCount.value++;
      return hub.sql.query(sql, params);
    },
    exec: (sql) => hub.sql.exec(sql),
  };
  const gateway = createServer({
    commands: hub.commands,
    view,
    personalData: hub.personalData,
    tokens: new Map([[TEST_TOKENS.SALES, 'SALES'], [TEST_TOKENS.PRIVACY_OFFICER, 'PRIVACY_OFFICER']]),
    waitForView: (p) => hub.projector.waitFor(p),
    // As before the bound existed: a loaded CI machine must not turn into VIEW_LAGGING (faults/viewLagging tests the bound).
    viewWaitMs: 30_000,
    log: () => undefined,
  });
  const graphql: HubUnderTest['graphql'] = async (query, variables, role) => {
    const response = await gateway.yoga.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-actor': 'test', ...(role ? { authorization: `Bearer ${TEST_TOKENS[role]}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  return {
    hub,
    sqlCount,
    graphql,
    raw: (query, headers) =>
      Promise.resolve(gateway.yoga.fetch('http://hub.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) })),
    async ok(query, variables, role) {
      const r = await graphql<Record<string, unknown>>(query, variables, role);
      expect(r.errors).toBeUndefined();
      return r.data!;
    },
    async refused(query, code, message, variables, role) {
      const before = await hub.store.headPosition();
      const r = await graphql(query, variables, role);
      expect(r.errors?.[0]?.extensions?.code).toBe(code);
      expect(r.errors?.[0]?.message).toMatch(message);
      expect(await hub.store.headPosition()).toBe(before);
    },
    async dispose() {
      await hub.close();
      await cleanup();
    },
  };
};
