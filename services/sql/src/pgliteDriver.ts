import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { QueryOptions, SqlDriver, SqlExecutor } from './driver';
import { StoreUnavailableError } from './errors';
import { startFromTemplate } from './pgliteTemplate';

type Request = { op: 'query'; sql: string; params: unknown[] } | { op: 'exec'; sql: string } | { op: 'close' };
type Reply = { id: number; rows?: Record<string, unknown>[]; error?: { name: string; message: string } & Record<string, unknown> };

/** A PostgreSQL error as the worker sent it: same message, SQLSTATE `code`, detail and the rest. */
const revive = ({ name, message, ...fields }: NonNullable<Reply['error']>) => Object.assign(new Error(message), { name }, fields);

/**
 * PGlite's own start parameters plus a smaller buffer pool. PostgreSQL's default 128 MB of shared
 * buffers lives inside PGlite's WebAssembly memory, which grows to hold it (128 → 189 MB) and never
 * shrinks; the pages are in the operating system's file cache anyway, so 32 MB costs no speed (one
 * client on the demo: coverage p50 5–6 ms against 9 ms with 128 MB) and `npm start` serving the demo
 * to 20 clients stays at about 490 MB resident instead of 590 MB.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/**
 * PGlite's WebAssembly, compiled once per process and handed to every worker: a worker that
 * compiled its own would add seconds to each start (tests open many). Undefined: each compiles.
 */
let compiled: Promise<{ pgliteWasmModule?: WebAssembly.Module; initdbWasmModule?: WebAssembly.Module }> | undefined;
const compiledWasm = () =>
  (compiled ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all(
      ['pglite.wasm', 'initdb.wasm'].map(async (f) => WebAssembly.compile(await readFile(join(dist, f)))),
    );
    return { pgliteWasmModule, initdbWasmModule };
  })().catch(() => ({})));

/**
 * The embedded default: real PostgreSQL compiled to WASM, with a `dataDir` persisted there across
 * restarts, without one in memory (tests). PGlite runs every statement synchronously, so it runs
 * in its own worker thread (pgliteWorker.mjs): the gateway's thread keeps answering while a long
 * statement runs. PGlite has one connection, so statements run in the order they are asked
 * (first come, first served) and a transaction holds the connection until it ends.
 */
export const createPgliteDriver = async (
  dataDir?: string,
  { thread = 'worker' }: { thread?: 'worker' | 'main' } = {},
): Promise<SqlDriver> => {
  if (thread === 'main') return createPgliteOnThisThread(dataDir);
  const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url), {
    // Its JavaScript only turns PGlite's answers into rows to post: a small young generation (V8's
    // default here is 48 MB) keeps ~10–45 MB off a first start's peak, no slower (load bench, demo).
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    workerData: { dataDir, startParams: PGLITE_START_PARAMS, ...startFromTemplate(dataDir), ...(await compiledWasm()) },
  });
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let gone: StoreUnavailableError | undefined;

  const fail = (e: StoreUnavailableError) => {
    gone ??= e;
    for (const { reject } of pending.values()) reject(gone);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ready: boolean; error?: Reply['error'] }) =>
      m.ready ? resolve() : reject(m.error ? revive(m.error) : new Error('PGlite did not start')),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`PGlite's thread stopped while starting (exit code ${code})`)));
  });
  worker.on('error', (e) => fail(new StoreUnavailableError(e)));
  worker.on('exit', (code) => fail(new StoreUnavailableError(new Error(`the embedded database's thread stopped (exit code ${code})`))));
  // A worker that could not open the database is not left running (it would hold its caller open).
  await ready.catch(async (e: unknown) => {
    await worker.terminate();
    throw e;
  });
  const settled = (id: number) => {
    const waiting = pending.get(id);
    pending.delete(id);
    // An idle worker must not keep the process alive (a script that forgets close() still ends).
    if (!pending.size) worker.unref();
    return waiting;
  };
  worker.on('message', (reply: Reply) => settled(reply.id)?.resolve(reply));
  worker.unref();

  /** Posts one request; the worker runs what it is sent in order, so several may be on their way. */
  const send = (request: Request, signal?: AbortSignal): Promise<Reply> => {
    if (gone) return Promise.reject(gone);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      // A caller that gives up (its request timed out) takes its statement out of the worker's
      // queue if it has not started; one already running finishes, and its answer is dropped.
      const onAbort = () => {
        if (!settled(id)) return;
        worker.postMessage({ id, op: 'cancel' });
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject,
      });
      worker.ref();
      worker.postMessage({ id, ...request });
    }).then((reply) => (reply.error ? Promise.reject(revive(reply.error)) : reply));
  };

  // Who may post next: statements go to the worker in the order they were asked, at once, so the
  // engine never waits for this thread between them; a transaction keeps the line from its BEGIN
  // to its COMMIT, so nothing else reaches the one connection in between.
  let line: Promise<unknown> = Promise.resolve();
  const inLine = <T>(work: () => Promise<T>): Promise<T> => {
    const mine = line.then(work);
    line = mine.catch(() => undefined);
    return mine;
  };
  const posted = async (request: Request, signal?: AbortSignal): Promise<Reply> => {
    let reply: Promise<Reply> | undefined;
    await inLine(async () => {
      reply = send(request, signal);
    });
    return reply!;
  };

  /** The connection a transaction holds: refuses to run anything once that transaction has ended. */
  const holding = () => {
    let ended = false;
    const open = () => {
      if (ended) throw new Error('this transaction has ended: run statements inside its function');
    };
    const executor: SqlExecutor = {
      async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
        open();
        return ((await send({ op: 'query', sql, params })).rows ?? []) as R[];
      },
      async exec(sql: string) {
        open();
        await send({ op: 'exec', sql });
      },
    };
    return { executor, end: () => void (ended = true) };
  };

  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = [], options?: QueryOptions) {
      return ((await posted({ op: 'query', sql, params }, options?.signal)).rows ?? []) as R[];
    },
    exec: async (sql) => void (await posted({ op: 'exec', sql })),
    // The transaction's statements go straight to the connection it holds; everyone else waits.
    transaction: (fn) =>
      inLine(async () => {
        const tx = holding();
        await send({ op: 'exec', sql: 'BEGIN' });
        try {
          const result = await fn(tx.executor);
          tx.end();
          await send({ op: 'exec', sql: 'COMMIT' });
          return result;
        } catch (e) {
          tx.end();
          if (!gone) await send({ op: 'exec', sql: 'ROLLBACK' }).catch(() => undefined);
          throw e;
        }
      }),
    close: () =>
      (closing ??= inLine(async () => {
        if (gone) return;
        try {
          // PGlite has written everything to its folder once close answers; then the thread may go.
          await send({ op: 'close' });
        } finally {
          await worker.terminate();
          gone = new StoreUnavailableError(new Error('the embedded database was closed'));
        }
      })),
  };
};

/** PGlite on the caller's own thread, as the hub ran it before: only to compare in benchmarks. */
const createPgliteOnThisThread = async (dataDir?: string): Promise<SqlDriver> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const { loadDataDir } = startFromTemplate(dataDir);
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
    startParams: PGLITE_START_PARAMS,
  });
  const executor = (on: PGlite | Transaction): SqlExecutor => ({
    query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await on.query<R>(sql, params)).rows,
    exec: async (sql: string) => void (await on.exec(sql)),
  });
  return { kind: 'pglite', ...executor(db), transaction: (fn) => db.transaction((tx) => fn(executor(tx))), close: () => db.close() };
};
