import type { QueryOptions, SqlExecutor } from '@hub/sql';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/*
 * At most `slots` requests reading the view at once (issue #14, goal 1: under 20 clients the
 * gateway's one thread, not the database, was the queue — PostgreSQL's connections stood idle 90 %
 * of the time — so a trivial query waited behind every client's rows, resolvers and JSON). A request takes a slot at its first view
 * statement and keeps it until its response is sent, so the statements, rows and resolvers of at
 * most `slots` requests share the gateway's thread; the others wait here, without costing CPU.
 * A request that never reads the view (`{ __typename }`, `me`, a token lookup) never waits, so
 * under load it is answered behind a few requests' work instead of every client's. One slot per
 * request (never a second one while holding the first), so requests cannot wait on each other in
 * a cycle. A subscription gives its slot back when its stream starts (its later reads are not
 * gated: they are few and spread over time). Mutations are not gated at all: one waits for the
 * projector after appending (up to seconds; a CSV import, for minutes) and must not hold a slot
 * the readers need meanwhile.
 */

type Hold = { state: 'waiting' | 'held' | 'released'; ready: Promise<void>; wake?: () => void };

export const createViewGate = (slots: number) => {
  let free = slots;
  const queue: Hold[] = [];
  const holds = new WeakMap<Request, Hold>();
  /** A request whose reads are never gated (a mutation; a stream once its response went out); a slot it held comes back. */
  const passThrough = (request: Request) => {
    const hold = holds.get(request);
    if (hold) giveBack(hold);
    holds.set(request, { state: 'released', ready: Promise.resolve() });
  };

  /** A slot comes back: to the first request waiting (a request leaves the queue when it gives up). */
  const release = () => {
    const next = queue.shift();
    if (!next) {
      free++;
      return;
    }
    next.state = 'held';
    next.wake!();
  };
  const giveBack = (hold: Hold) => {
    if (hold.state === 'released') return;
    const was = hold.state;
    hold.state = 'released';
    if (was === 'held') release();
    else {
      // It gave up waiting (its deadline): out of the queue, and its statement goes on to fail.
      queue.splice(queue.indexOf(hold), 1);
      hold.wake!();
    }
  };
  const acquire = (request: Request, deadline: AbortSignal | undefined): Hold => {
    const hold: Hold = { state: 'waiting', ready: Promise.resolve() };
    if (free > 0) {
      free--;
      hold.state = 'held';
    } else {
      hold.ready = new Promise<void>((resolve) => (hold.wake = resolve));
      queue.push(hold);
    }
    // Should a response never be sent (a handler that throws past yoga), the deadline still frees the slot.
    deadline?.addEventListener('abort', () => giveBack(hold), { once: true });
    holds.set(request, hold);
    return hold;
  };
  /** Waits for `request`'s slot on its first statement (and while it is still waiting for one). */
  const enter = async (request: Request, deadline: AbortSignal | undefined, signal?: AbortSignal) => {
    const hold = holds.get(request) ?? acquire(request, deadline);
    if (hold.state !== 'waiting') return;
    await hold.ready;
    if (signal?.aborted) throw signal.reason;
  };

  return {
    /** The view as `request` sees it: its first statement waits for a slot (held until its response, or its deadline). */
    view: (view: SqlExecutor, request: Request, deadline?: AbortSignal): SqlExecutor => ({
      query: async <R extends Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions) => {
        await enter(request, deadline, options?.signal);
        return view.query<R>(sql, params, options);
      },
      exec: async (sql: string) => {
        await enter(request, deadline, deadline);
        return view.exec(sql);
      },
    }),
    plugin: (): Plugin<{ request: Request }> => ({
      onExecute({ args }) {
        if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') passThrough(args.contextValue.request);
      },
      onResponse({ request }) {
        const hold = holds.get(request);
        if (hold) giveBack(hold);
        // A stream's response goes out before it reads: its later reads are never gated (they
        // would hold a slot for the stream's whole life).
        else passThrough(request);
      },
    }),
    /** For tests and metrics: slots free and requests waiting. */
    stats: () => ({ free, waiting: queue.length }),
  };
};
