import { createServer, CSRF_HEADER } from '@hub/gateway';
import { createHub, type Hub } from '@hub/platform';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The per-query time limit on PostgreSQL: a query whose SQL cannot finish (here it waits for a
 * lock another session holds) is answered TIMEOUT, and its statement is cancelled by the server
 * (the gateway's pool has statement_timeout), not left waiting; other queries are answered
 * meanwhile. (On PGlite a statement runs in-process and cannot be interrupted: there the cost
 * limits keep statements small, see attacks.int.spec.ts.)
 */
describe('the time limit of a query, on PostgreSQL', () => {
  const LIMIT_MS = 800;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let hub: Hub;
  let view: SqlDriver;
  let gateway: ReturnType<typeof createServer>;
  let api: string;

  beforeAll(async () => {
    db = await createTestDatabase('hub_timeout');
    hub = await createHub({ dataDir: '/nonexistent', DATABASE_URL: db.url });
    await hub.projector.start();
    view = createPgDriver(db.url, { max: 4, statementTimeoutMs: LIMIT_MS });
    gateway = createServer({
      ...hub.gatewayDeps(),
      view,
      log: () => undefined,
      limits: { requestTimeoutMs: LIMIT_MS },
    });
    api = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/graphql`;
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await view?.close();
    await hub?.close();
    await db?.drop();
  });

  const gql = async (query: string, url = api) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: 'test' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: response.status, body, ms: performance.now() - started };
  };
  /** Statements of this database waiting for a lock right now. */
  const waitingForLocks = async () =>
    Number(
      (
        await hub.sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      )[0]!.n,
    );

  /** Another session takes the café-session table and keeps it until `release` is called. */
  const lockCafeSessions = async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const locker = createPgDriver(db.url, { max: 1 });
    const holding = locker.transaction(async (tx) => {
      await tx.exec('LOCK TABLE hub_view.cafe_sessions IN ACCESS EXCLUSIVE MODE');
      locked();
      await released;
    });
    await isLocked;
    return async () => {
      release();
      await holding;
      await locker.close();
    };
  };

  it('answers TIMEOUT, has the server cancel the statement, and keeps answering other queries', async () => {
    expect((await gql('{ cafeSessions { totalCount } }')).body.errors).toBeUndefined();
    const release = await lockCafeSessions();
    try {
      const [stuck, other] = await Promise.all([gql('{ cafeSessions { totalCount } }'), gql('{ orgUnits { id } }')]);
      expect(other.body.errors).toBeUndefined();
      expect(stuck.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(stuck.ms).toBeGreaterThanOrEqual(LIMIT_MS - 50);
      expect(stuck.ms).toBeLessThan(10_000);
      // The lock is still held, yet nothing waits for it any more: the server cancelled the statement.
      const deadline = Date.now() + 10_000;
      while ((await waitingForLocks()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await waitingForLocks()).toBe(0);
    } finally {
      await release();
    }
    expect((await gql('{ cafeSessions { totalCount } }')).body.errors).toBeUndefined();
  });

  it('answers TIMEOUT too when the server cancels the statement before the request runs out (the two limits race)', async () => {
    // The hub gives both the same limit, so either may fire first; here the server's comes first for sure.
    const view = createPgDriver(db.url, { max: 2, statementTimeoutMs: 300 });
    const other = createServer({ ...hub.gatewayDeps(), view, log: () => undefined, limits: { requestTimeoutMs: 20_000 } });
    const url = `http://127.0.0.1:${await other.listen(0, '127.0.0.1')}/graphql`;
    const release = await lockCafeSessions();
    try {
      const stuck = await gql('{ cafeSessions { totalCount } }', url);
      expect(stuck.body.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
      expect(stuck.status).toBe(503);
      expect(stuck.ms).toBeLessThan(10_000);
    } finally {
      await release();
      await other.close();
      await view.close();
    }
  });
});
