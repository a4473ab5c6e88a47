// The embedded engine's own thread: PGlite (PostgreSQL compiled to WASM) runs every statement
// synchronously, so it lives here and the gateway's thread stays free to answer. The main thread
// (pgliteDriver.ts) posts requests in its callers' order; this side runs them one at a time.
// Plain JavaScript on purpose: a worker is loaded by Node itself, without the TypeScript loader.
import { Blob } from 'node:buffer';
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** What a PostgreSQL error carries (SQLSTATE, detail, constraint…), as plain data that crosses threads. */
const plain = (e) => {
  const error = { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) };
  if (e && typeof e === 'object') {
    for (const [key, value] of Object.entries(e)) {
      if (['string', 'number', 'boolean'].includes(typeof value)) error[key] = value;
    }
  }
  return error;
};

const port = parentPort;
let db;
try {
  const { dataDir, startParams, loadDataDir, pgliteWasmModule, initdbWasmModule } = workerData;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // The WebAssembly the main thread compiled once, when it could; a new database in memory loads
  // the empty cluster built at install (pgliteTemplate.ts) instead of running PGlite's own initdb.
  db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
    ...(pgliteWasmModule ? { pgliteWasmModule, initdbWasmModule } : {}),
    startParams,
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: plain(e) });
}

const run = async ({ id, op, sql, params }) => {
  try {
    if (op === 'query') return { id, rows: (await db.query(sql, params)).rows };
    if (op === 'exec') {
      await db.exec(sql);
      return { id };
    }
    if (op === 'close') {
      await db.close();
      return { id };
    }
    throw new Error(`unknown request ${op}`);
  } catch (e) {
    return { id, error: plain(e) };
  }
};

// Requests run one after another in the order they came; one whose caller gave up before its
// turn ('cancel') is dropped unrun.
const queue = [];
let draining = false;
const drain = async () => {
  draining = true;
  while (queue.length) port.postMessage(await run(queue.shift()));
  draining = false;
};
port.on('message', (request) => {
  if (request.op === 'cancel') {
    const waiting = queue.findIndex((r) => r.id === request.id);
    if (waiting >= 0) queue.splice(waiting, 1);
    return;
  }
  queue.push(request);
  if (!draining) void drain();
});
