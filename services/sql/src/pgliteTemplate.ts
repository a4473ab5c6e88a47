import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/*
 * An initialised, empty PGlite cluster, built once per PGlite version when the packages are
 * installed (the root `postinstall`: src/bin/pgliteTemplate.ts) and used by every new database
 * instead of `initdb`. PGlite's own `initdb` on an empty folder starts a second, temporary PGlite
 * beside the first (two WebAssembly memories): a first `npm start` peaked at ~985 MB resident for it
 * alone, and each in-memory test database paid ~2 s. Two forms of the same cluster: its data folder
 * (shut down cleanly), copied by the file system into a new folder (PGlite then opens it as any
 * existing one, nothing held in memory), and its tarball, which PGlite loads into a database in
 * memory — a dump of the running cluster, as PGlite itself loads one after its `initdb` there.
 */
const pgliteDir = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
const pgliteVersion = (JSON.parse(readFileSync(join(pgliteDir, 'package.json'), 'utf8')) as { version: string }).version;

/** Beside the installed packages (`node_modules/.cache`), so a new install of PGlite builds its own. */
export const pgliteTemplateDir = join(dirname(dirname(pgliteDir)), '.cache', 'hub-pglite', pgliteVersion);
const FOLDER = 'cluster';
const TARBALL = 'cluster.tar.gz';
/** Written last: a template without it is half built (or being replaced) and never used. */
const COMPLETE = 'complete';

const isComplete = (dir: string) => existsSync(join(dir, COMPLETE));

/** A cluster's folder copied with its PG_VERSION last: a copy cut short never looks like a cluster. */
const copyCluster = (from: string, to: string) => {
  cpSync(from, to, { recursive: true, filter: (source) => source !== join(from, 'PG_VERSION') });
  copyFileSync(join(from, 'PG_VERSION'), join(to, 'PG_VERSION'));
};

/**
 * Makes a new database start from the template: copies the cluster into its data folder when that
 * is missing or empty, or, for a database in memory, returns the tarball to load. Nothing when the
 * folder holds anything already (a cluster is opened as it is), when no template was built (`npm
 * ci --ignore-scripts`) or when the copy fails (a folder it may not write, a full disk): PGlite
 * then runs its own `initdb`, slower and heavier but the same cluster.
 */
export const startFromTemplate = (
  dataDir?: string,
  warn: (message: string) => void = console.warn,
): { loadDataDir?: Uint8Array<ArrayBuffer> } => {
  if (!isComplete(pgliteTemplateDir)) return {};
  if (!dataDir) return { loadDataDir: new Uint8Array(readFileSync(join(pgliteTemplateDir, TARBALL))) };
  const target = resolve(dataDir);
  const cluster = join(pgliteTemplateDir, FOLDER);
  // Missing: copied beside and renamed in. Empty (made beforehand, perhaps a mount or a link):
  // copied into, so the folder itself stays what it is.
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    if (!existsSync(target)) {
      copyCluster(cluster, partial);
      renameSync(partial, target);
    } else if (readdirSync(target).length === 0) copyCluster(cluster, target);
  } catch (e) {
    try {
      rmSync(partial, { recursive: true, force: true });
    } catch {
      // nothing could be made there either
    }
    warn(`[pglite] could not start ${target} from the empty cluster (${e instanceof Error ? e.message : String(e)}): running initdb`);
  }
  return {};
};

/**
 * Builds the template (PGlite's `initdb` in memory, its data folder dumped and written out), unless
 * this PGlite version's is there already: it never changes, and a process may be copying it.
 */
export const buildPgliteTemplate = async (dir = pgliteTemplateDir): Promise<{ dir: string; built: boolean }> => {
  if (isComplete(dir)) return { dir, built: false };
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const fresh = await PGlite.create();
  const tarball = new Uint8Array(await (await fresh.dumpDataDir('gzip')).arrayBuffer());
  await fresh.close();
  writeFileSync(join(partial, TARBALL), tarball);
  // PGlite writes the folder itself from the tarball and closes it cleanly (a shut-down cluster).
  const onDisk = await PGlite.create({ dataDir: join(partial, FOLDER), loadDataDir: new Blob([tarball]) });
  await onDisk.close();
  // Readable by everyone: installed as root, run as another user (the Docker image's `node`).
  chmodTree(partial);
  writeFileSync(join(partial, COMPLETE), `${pgliteVersion}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { dir, built: true };
};

const chmodTree = (path: string) => {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      chmodSync(child, 0o755);
      chmodTree(child);
    } else chmodSync(child, 0o644);
  }
};
