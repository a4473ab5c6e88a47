import type { SqlExecutor } from '@hub/sql';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createViewGate } from './viewGate';

/** A view whose statements answer at once, recording which request ran them. */
const recordingView = (ran: string[]): SqlExecutor => ({
  query: async <R extends Record<string, unknown>>(sql: string) => {
    ran.push(sql);
    return [] as R[];
  },
  exec: async (sql: string) => void ran.push(sql),
});
const tick = () => new Promise((r) => setImmediate(r));
const respond = (gate: ReturnType<typeof createViewGate>, request: Request) =>
  (gate.plugin().onResponse as (payload: { request: Request }) => void)({ request });

describe('view gate: at most N requests reading the view at once', () => {
  it('lets a request past its slot run every statement, and makes the next one wait for a response', async () => {
    const gate = createViewGate(2);
    const ran: string[] = [];
    const view = recordingView(ran);
    const [a, b, c] = [1, 2, 3].map((i) => new Request(`http://hub/graphql?${i}`));
    await gate.view(view, a!).query('a1');
    await gate.view(view, b!).query('b1');
    const third = gate.view(view, c!).query('c1');
    await gate.view(view, a!).query('a2'); // a holds its slot: no wait for its second statement
    await tick();
    expect(ran).toEqual(['a1', 'b1', 'a2']);
    expect(gate.stats()).toEqual({ free: 0, waiting: 1 });
    respond(gate, a!);
    await third;
    expect(ran).toEqual(['a1', 'b1', 'a2', 'c1']);
    respond(gate, b!);
    respond(gate, c!);
    respond(gate, c!); // a second response for the same request gives nothing back twice
    expect(gate.stats()).toEqual({ free: 2, waiting: 0 });
  });

  it('never holds up a mutation (it waits for the projector and must not keep a slot from the readers meanwhile)', async () => {
    const gate = createViewGate(1);
    const ran: string[] = [];
    const view = recordingView(ran);
    const [reader, waiter, mutation] = [1, 2, 3].map((i) => new Request(`http://hub/graphql?${i}`));
    const execute = (request: Request, source: string) =>
      (gate.plugin().onExecute as (payload: unknown) => void)({ args: { document: parse(source), contextValue: { request } } });
    execute(reader!, '{ a }');
    await gate.view(view, reader!).query('read');
    execute(waiter!, 'query { b }');
    const waiting = gate.view(view, waiter!).query('waits');
    execute(mutation!, 'mutation { c }');
    await gate.view(view, mutation!).query('mutation reads back');
    await tick();
    expect(ran).toEqual(['read', 'mutation reads back']);
    respond(gate, mutation!);
    expect(gate.stats()).toEqual({ free: 0, waiting: 1 });
    respond(gate, reader!);
    await waiting;
    respond(gate, waiter!);
    expect(gate.stats()).toEqual({ free: 1, waiting: 0 });
  });

  it('never gates what a stream reads after its response went out (it would hold a slot for its whole life)', async () => {
    const gate = createViewGate(1);
    const ran: string[] = [];
    const view = recordingView(ran);
    const [reader, stream] = [1, 2].map((i) => new Request(`http://hub/graphql?${i}`));
    await gate.view(view, reader!).query('holds the only slot');
    respond(gate, stream!);
    await gate.view(view, stream!).query('stream reads later');
    expect(ran).toEqual(['holds the only slot', 'stream reads later']);
    expect(gate.stats()).toEqual({ free: 0, waiting: 0 });
  });

  it('never holds up a request that reads no view', () => {
    const gate = createViewGate(1);
    const request = new Request('http://hub/graphql');
    respond(gate, request);
    expect(gate.stats()).toEqual({ free: 1, waiting: 0 });
  });

  it('frees the slot at the deadline, and drops a waiting statement whose deadline passed', async () => {
    const gate = createViewGate(1);
    const ran: string[] = [];
    const view = recordingView(ran);
    const holding = new AbortController();
    const waiting = new AbortController();
    const [a, b, c] = [1, 2, 3].map((i) => new Request(`http://hub/graphql?${i}`));
    await gate.view(view, a!, holding.signal).query('a1');
    const late = gate.view(view, b!, waiting.signal).query('b1', [], { signal: waiting.signal });
    const next = gate.view(view, c!).query('c1');
    waiting.abort(new Error('time is up'));
    // No response for a (a handler that threw): its deadline gives the slot back, past b to c.
    holding.abort(new Error('time is up'));
    await expect(late).rejects.toThrow('time is up');
    await next;
    expect(ran).toEqual(['a1', 'c1']);
    respond(gate, c!);
    expect(gate.stats()).toEqual({ free: 1, waiting: 0 });
  });
});
