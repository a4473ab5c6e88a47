import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_ROLES, type Role, type TokenRole } from '@hub/access';
import { createServer, CSRF_HEADER, schema } from '@hub/gateway';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createHub, type Hub } from '@hub/platform';
import type { SqlExecutor } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { expect } from 'vitest';

export interface HubUnderTest {
  hub: Hub;
  /** How the hub was configured (its data folder or database). */
  config: Parameters<typeof createHub>[0];
  /**
   * POST a GraphQL operation to the gateway (in memory, no socket) with `role`'s API token (VIEWER:
   * none). Without `role`, the least role the schema allows for every root field of the operation
   * (authorization itself is proven by tests/src/gateway/access.int.spec.ts).
   */
  graphql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    role?: Role,
  ) => Promise<{ data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Runs an operation that must succeed, and returns its data. */
  ok: (query: string, variables?: Record<string, unknown>, role?: Role) => Promise<Record<string, unknown>>;
  /** Runs an operation that must be refused with `code` and a message matching `message`, appending nothing. */
  refused: (query: string, code: string, message: RegExp, variables?: Record<string, unknown>, role?: Role) => Promise<void>;
  /** A working API token per role, issued by the hub's token store for this test. */
  tokens: Record<TokenRole, string>;
  /** POST an operation with extra headers and get the raw HTTP response. */
  raw: (query: string, headers: Record<string, string>) => Promise<Response>;
  /** Counts SQL statements the gateway's view connection ran since the last reset. */
  sqlCount: { value: number; reset(): void };
  /** Stops the hub (its files flushed), keeping its data folder or database until `dispose`. */
  closeHub(): Promise<void>;
  dispose(): Promise<void>;
}

const ROLE_ORDER: readonly Role[] = ['VIEWER', ...TOKEN_ROLES];

/** The roles a root field declares (`authScopes: { anyRole }`); a scope that depends on arguments counts as its strictest case. */
const declaredRoles = (operation: 'query' | 'mutation', field: string): readonly Role[] => {
  const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  const scopes = (type?.getFields()[field]?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions
    ?.authScopes;
  if (scopes && typeof scopes === 'object' && 'anyRole' in scopes) return scopes.anyRole as Role[];
  return ['LEADERSHIP', 'SALES', 'PRIVACY_OFFICER'];
};

/** The first role (least first) allowed every root field of the operation. */
export const leastRoleFor = (query: string): Role => {
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!op || op.operation === 'subscription') return 'VIEWER';
  const fields = op.selectionSet.selections.flatMap((s) => (s.kind === 'Field' && !s.name.value.startsWith('__') ? [s.name.value] : []));
  const allowed = ROLE_ORDER.filter((r) => fields.every((f) => declaredRoles(op.operation as 'query' | 'mutation', f).includes(r)));
  return allowed[0] ?? 'VIEWER';
};

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
      // No data folder on this engine: the master key comes from the environment, as in a deployment.
      return {
        config: { dataDir: '/nonexistent', DATABASE_URL: db.url, HUB_MASTER_KEY: randomBytes(32).toString('base64') },
        cleanup: () => db.drop(),
      };
    },
  },
] as const;

export const startHub = async (
  engine: (typeof HUB_ENGINES)[number],
  options: { log?: (line: string) => void } = {},
): Promise<HubUnderTest> => {
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
  const tokens = Object.fromEntries(
    await Promise.all(
      TOKEN_ROLES.map(
        async (role) => [role, (await hub.tokens.issue({ subject: `test:${role.toLowerCase()}`, role }, 'test')).token] as const,
      ),
    ),
  ) as Record<TokenRole, string>;
  const gateway = createServer({
    ...hub.gatewayDeps(),
    view,
    log: options.log ?? (() => undefined),
    // Tests send hundreds of requests a minute from one place; the limit has its own test.
    limits: { rateLimit: { perMinute: 1_000_000 } },
    // As before the bound existed: a loaded CI machine must not turn into VIEW_LAGGING (faults/viewLagging tests the bound).
    viewWaitMs: 30_000,
  });
  let closed: Promise<void> | undefined;
  const closeHub = () => (closed ??= hub.close());
  const graphql: HubUnderTest['graphql'] = async (query, variables, role = leastRoleFor(query)) => {
    const response = await gateway.yoga.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: 'test',
        ...(role === 'VIEWER' ? {} : { authorization: `Bearer ${tokens[role]}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  return {
    hub,
    tokens,
    config,
    sqlCount,
    closeHub,
    graphql,
    raw: (query, headers) =>
      Promise.resolve(
        gateway.yoga.fetch('http://hub.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CSRF_HEADER]: 'test', ...headers },
          body: JSON.stringify({ query }),
        }),
      ),
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
      await closeHub();
      await cleanup();
    },
  };
};
