import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeLimit, viewUntil } from './timeLimit';

/*
 * The time limit's rule for who is cut off, on a real yoga and a real PostgreSQL whose
 * statement_timeout cancels a statement: a query is (TIMEOUT, whichever limit runs out first); a
 * mutation never is — its events may be appended already, and TIMEOUT invites a retry.
 */
type Ctx = { view: ReturnType<typeof viewUntil> };
type Args = { waitMs: number; sleepS: number };

describe('the time limit, by operation', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let view: SqlDriver;
  const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    db = await createTestDatabase('hub_time_limit');
    view = createPgDriver(db.url, { max: 2, statementTimeoutMs: 200 });
  });
  afterAll(async () => {
    await view?.close();
    await db?.drop();
  });

  /** A gateway of one query and one mutation, both reading the view after `waitMs`, with `limitMs` per request. */
  const gateway = (limitMs: number) =>
    createYoga<Ctx>({
      schema: createSchema({
        typeDefs: 'type Query { read(waitMs: Int!, sleepS: Float!): Int } type Mutation { write(waitMs: Int!, sleepS: Float!): Int }',
        resolvers: {
          Query: { read: (_: unknown, a: Args, ctx: Ctx) => read(a, ctx) },
          Mutation: { write: (_: unknown, a: Args, ctx: Ctx) => read(a, ctx) },
        },
      }),
      plugins: [timeLimit(limitMs)],
      context: ({ request }) => ({ view: viewUntil(view, request) }),
      maskedErrors: false,
      logging: false,
    });
  const read = async ({ waitMs, sleepS }: Args, ctx: Ctx) => {
    await sleepMs(waitMs);
    await ctx.view.query('SELECT pg_sleep($1)', [sleepS]);
    return 1;
  };
  const ask = async (yoga: ReturnType<typeof gateway>, query: string) => {
    const response = await yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    return { status: response.status, data: body.data, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? e.message) };
  };

  it('answers a query TIMEOUT when the server cancels its statement first', async () => {
    const answer = await ask(gateway(10_000), '{ read(waitMs: 0, sleepS: 2) }');
    expect(answer).toMatchObject({ status: 503, codes: ['TIMEOUT'] });
  });

  it('never cuts off a mutation: its view reads after the limit still run, and a cancelled statement is not TIMEOUT', async () => {
    // Past the 100 ms limit before it reads: the read still runs.
    expect(await ask(gateway(100), 'mutation { write(waitMs: 300, sleepS: 0) }')).toEqual({ status: 200, data: { write: 1 }, codes: [] });
    // The server cancels its statement: an error for the field, not TIMEOUT.
    const cancelled = await ask(gateway(10_000), 'mutation { write(waitMs: 0, sleepS: 2) }');
    expect(cancelled.codes).toHaveLength(1);
    expect(cancelled.codes).not.toContain('TIMEOUT');
  });
});
