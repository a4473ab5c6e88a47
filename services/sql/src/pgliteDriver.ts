import { Worker } from 'node:worker_threads';
import type { SqlDriver, SqlExecutor } from './driver';
import { StoreUnavailableError } from './errors';

type Request = { op: 'query'; sql: string; params: unknown[] } | { op: 'exec'; sql: string } | { op: 'close' };
type Reply = { id: number; rows?: Record<string, unknown>[]; error?: { name: string; message: string } & Record<string, unknown> };

/** A PostgreSQL error as the worker sent it: same message, SQLSTATE `code`, detail and the rest. */
const revive = ({ name, message, ...fields }: NonNullable<Reply['error']>) => Object.assign(new Error(message), { name }, fields);

/**
 * The embedded default: real PostgreSQL compiled to WASM, with a `dataDir` persisted there across
 * restarts, without one in memory (tests). PGlite runs every statement synchronously, so it runs
 * in its own worker thread (pgliteWorker.mjs): the gateway's thread keeps answering while a long
 * statement runs. PGlite has one connection, so statements take turns in the order they are
 * asked (first come, first served) and a transaction holds the connection until it ends.
 */
export const createPgliteDriver = async (dataDir?: string): Promise<SqlDriver> => {
  const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let gone: StoreUnavailableError | undefined;

  const fail = (e: StoreUnavailableError) => {
    gone ??= e;
    for (const { reject } of pending.values()) reject(gone);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ready: boolean; error?: Reply['error'] }) => (m.ready ? resolve() : reject(m.error ? revive(m.error) : new Error('PGlite did not start'))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`PGlite's thread stopped while starting (exit code ${code})`)));
  });
  worker.on('error', (e) => fail(new StoreUnavailableError(e)));
  worker.on('exit', (code) => fail(new StoreUnavailableError(new Error(`the embedded database's thread stopped (exit code ${code})`))));
  await ready;
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    // An idle worker must not keep the process alive (a script that forgets close() still ends).
    if (!pending.size) worker.unref();
    waiting.resolve(reply);
  });
  worker.unref();

  const send = (request: Request): Promise<Reply> => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, ...request });
    }).then((reply) => (reply.error ? Promise.reject(revive(reply.error)) : reply));
  };

  // Whose turn it is: each caller's statement (or whole transaction) after those asked before it.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const mine = turn.then(work);
    turn = mine.catch(() => undefined);
    return mine;
  };

  const direct: SqlExecutor = {
    async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return ((await send({ op: 'query', sql, params })).rows ?? []) as R[];
    },
    async exec(sql: string) {
      await send({ op: 'exec', sql });
    },
  };

  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    query: (sql, params) => inTurn(() => direct.query(sql, params)),
    exec: (sql) => inTurn(() => direct.exec(sql)),
    // The transaction's statements go straight to the connection it holds; everyone else waits.
    transaction: (fn) =>
      inTurn(async () => {
        await direct.exec('BEGIN');
        try {
          const result = await fn(direct);
          await direct.exec('COMMIT');
          return result;
        } catch (e) {
          if (!gone) await direct.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    close: () =>
      (closing ??= inTurn(async () => {
        if (gone) return;
        // PGlite has written everything to its folder once close answers; then the thread may go.
        await send({ op: 'close' });
        await worker.terminate();
        gone = new StoreUnavailableError(new Error('the embedded database was closed'));
      })),
  };
};
