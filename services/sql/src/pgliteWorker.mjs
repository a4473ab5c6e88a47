// The embedded engine's own thread: PGlite (PostgreSQL compiled to WASM) runs every statement
// synchronously, so it lives here and the gateway's thread stays free to answer. The main thread
// (pgliteDriver.ts) sends one request at a time in its callers' order; this side only runs them.
// Plain JavaScript on purpose: a worker is loaded by Node itself, without the TypeScript loader.
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
  const { dataDir } = workerData;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  db = await PGlite.create(dataDir ? { dataDir } : {});
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: plain(e) });
}

port.on('message', async ({ id, op, sql, params }) => {
  try {
    if (op === 'query') {
      const result = await db.query(sql, params);
      port.postMessage({ id, rows: result.rows });
    } else if (op === 'exec') {
      await db.exec(sql);
      port.postMessage({ id });
    } else if (op === 'close') {
      await db.close();
      port.postMessage({ id });
    } else {
      throw new Error(`unknown request ${op}`);
    }
  } catch (e) {
    port.postMessage({ id, error: plain(e) });
  }
});
