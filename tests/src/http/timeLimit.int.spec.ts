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

  const gql = async (query: string) => {
    const started = performance.now();
    const response = await fetch(api, {
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

  it('answers TIMEOUT, has the server cancel the statement, and keeps answering other queries', async () => {
    expect((await gql('{ cafeSessions { totalCount } }')).body.errors).toBeUndefined();
    // Another session takes the café-session table and keeps it until told.
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
    try {
      await isLocked;
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
      release();
      await holding;
      await locker.close();
    }
    expect((await gql('{ cafeSessions { totalCount } }')).body.errors).toBeUndefined();
  });
});
