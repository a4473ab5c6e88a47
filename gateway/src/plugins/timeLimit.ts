import { isStatementTimeout, type SqlExecutor } from '@hub/sql';
import { getOperationAST, GraphQLError, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/*
 * A query gets `ms` milliseconds. When they are up the client is answered TIMEOUT at once, and the
 * query's view connection refuses every further statement, so the resolvers still in flight stop
 * at their next SQL instead of going on for minutes. A statement already running is cut short
 * only by the database: on PostgreSQL give the gateway's pool a statement_timeout (createPgDriver's
 * `statementTimeoutMs`); embedded PGlite (in its own thread) cannot interrupt a statement: there
 * the query's statements still waiting for their turn are dropped, and the cost limits are what
 * keep each statement small. Mutations are not cut off: their
 * events may already be appended, and a client told TIMEOUT would retry something that happened.
 * Subscriptions are not cut off either (see onSubscribe).
 */

/** `expire` ends the request's time (its timer, or the server cancelling a statement) while `cutOff`: queries only. */
const deadlines = new WeakMap<Request, { signal: AbortSignal; timer: NodeJS.Timeout; expire: () => void; cutOff: boolean }>();

export const timeoutError = (ms: number) =>
  new GraphQLError(`The query took longer than ${ms} ms and was stopped`, { extensions: { code: 'TIMEOUT', http: { status: 503 } } });

/** The request's deadline (never aborts for requests the plugin did not see). */
export const deadlineOf = (request: Request): AbortSignal | undefined => deadlines.get(request)?.signal;

/**
 * The view as one request sees it: no new statement once its deadline has passed. A statement the
 * server cancelled for its own timeout (statement_timeout, given the same limit) ends the request's
 * time as well: which of the two timers fires first is a race, and the client is told TIMEOUT either way.
 */
export const viewUntil = (view: SqlExecutor, request: Request): SqlExecutor => {
  const deadline = deadlines.get(request);
  if (!deadline) return view;
  const { signal } = deadline;
  const timedOut = (e: unknown): never => {
    if (!isStatementTimeout(e) || !deadline.cutOff) throw e;
    deadline.expire();
    throw signal.reason;
  };
  return {
    query: <R extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
      signal.aborted ? Promise.reject(signal.reason) : view.query<R>(sql, params, { signal }).catch(timedOut),
    exec: (sql) => (signal.aborted ? Promise.reject(signal.reason) : view.exec(sql).catch(timedOut)),
  };
};

/** A mutation or a subscription: its view reads are never refused for time (the header says why). */
const neverCutOff = (request: Request) => {
  const deadline = deadlines.get(request);
  if (!deadline) return;
  deadline.cutOff = false;
  clearTimeout(deadline.timer);
};

export const timeLimit = (ms: number): Plugin => ({
  onRequest({ request }) {
    const controller = new AbortController();
    const stop = () => controller.abort(timeoutError(ms));
    const deadline = {
      signal: controller.signal,
      timer: setTimeout(() => deadline.expire(), ms),
      expire: () => deadline.cutOff && stop(),
      cutOff: true,
    };
    deadline.timer.unref();
    // The client hanging up ends the work too, whatever the operation.
    request.signal?.addEventListener('abort', stop, { once: true });
    deadlines.set(request, deadline);
  },
  onExecute({ args, executeFn, setExecuteFn }) {
    const operation = getOperationAST(args.document as DocumentNode, args.operationName);
    const request = (args.contextValue as { request?: Request }).request;
    const deadline = request && deadlineOf(request);
    if (!deadline) return;
    if (operation?.operation !== 'query') return void neverCutOff(request);
    setExecuteFn((execArgs) => {
      const stopped = new Promise<never>((_, reject) => {
        if (deadline.aborted) reject(deadline.reason);
        deadline.addEventListener('abort', () => reject(deadline.reason), { once: true });
      });
      return Promise.race([Promise.resolve(executeFn(execArgs)), stopped]).catch((e: unknown) => {
        if (e instanceof GraphQLError && e.extensions.code === 'TIMEOUT') return { errors: [e] };
        throw e;
      });
    });
  },
  // A subscription lives as long as its client listens: its view gets no deadline, only the
  // client hanging up ends it (each event's reads are kept small by the cost limits instead).
  onSubscribe({ args }) {
    const request = (args.contextValue as { request?: Request }).request;
    if (request) neverCutOff(request);
  },
  onResponse({ request }) {
    clearTimeout(deadlines.get(request)?.timer);
    deadlines.delete(request);
  },
});
