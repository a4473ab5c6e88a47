import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/*
 * An initialised, empty PGlite cluster, built once per PGlite version when the packages are
 * installed (the root `postinstall`: src/bin/pgliteTemplate.ts) and used by every new database
 * instead of `initdb`. PGlite's own `initdb` on an empty folder starts a second, temporary PGlite
 * beside the first (two WebAssembly memories): a first `npm start` peaked at ~985 MB resident for it
 * alone, and each in-memory test database paid ~2 s. Two forms of the same cluster: its data folder,
 * copied by the file system into a new folder (PGlite then opens it as any existing one, nothing
 * held in memory), and its tarball, which PGlite loads into a database in memory (what PGlite does
 * itself after running `initdb` for one).
 */
const pgliteDir = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
const pgliteVersion = (JSON.parse(readFileSync(join(pgliteDir, 'package.json'), 'utf8')) as { version: string }).version;

/** Beside the installed packages (`node_modules/.cache`), so a new install of PGlite builds its own. */
export const pgliteTemplateDir = join(dirname(dirname(pgliteDir)), '.cache', 'hub-pglite', pgliteVersion);
const FOLDER = 'cluster';
const TARBALL = 'cluster.tar.gz';

/**
 * Makes a new database start from the template: copies the cluster into its empty data folder, or,
 * for a database in memory, returns the tarball to load. Nothing when the folder already holds a
 * cluster or no template was built (`npm ci --ignore-scripts`): PGlite then runs its own `initdb`,
 * slower and heavier but the same cluster.
 */
export const startFromTemplate = (dataDir?: string): { loadDataDir?: Uint8Array<ArrayBuffer> } => {
  if (!dataDir) {
    const tarball = join(pgliteTemplateDir, TARBALL);
    return existsSync(tarball) ? { loadDataDir: new Uint8Array(readFileSync(tarball)) } : {};
  }
  const cluster = join(pgliteTemplateDir, FOLDER);
  const isEmpty = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  if (isEmpty && existsSync(join(cluster, 'PG_VERSION'))) {
    // Copied beside and renamed: a copy cut short never looks like a cluster to the next start.
    const partial = `${dataDir}.${process.pid}.partial`;
    cpSync(cluster, partial, { recursive: true });
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(partial, dataDir);
  }
  return {};
};

/** Builds the template (PGlite's `initdb` in memory, its data folder dumped and written out) in place of any before. */
export const buildPgliteTemplate = async (dir = pgliteTemplateDir): Promise<{ dir: string; tarballBytes: number }> => {
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
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { dir, tarballBytes: tarball.byteLength };
};
