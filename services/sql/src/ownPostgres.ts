import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The machine's PostgreSQL binaries (Debian layout), newest major first; undefined when none. */
export const findPostgresBin = (): string | undefined => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(root, majors[0], 'bin');
};

/** Why a test cannot start its own server, or undefined when it can. */
export const ownPostgresUnavailable = (): string | undefined =>
  findPostgresBin() ? undefined : 'no PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb); apt-get install postgresql';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface OwnPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust auth, this machine only). */
  url: string;
  port: number;
  dataDir: string;
  /** Stop the server (fast shutdown: sessions are terminated, as in a real restart). */
  stop(): Promise<void>;
  /** Start it again on the same port and data. */
  start(): Promise<void>;
  /** Stop it and delete its files. */
  dispose(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own, on a free port, in a temporary directory: a test may stop
 * and restart it without touching the shared server. initdb refuses to run as root, so as root
 * (CI, these machines) the server runs as the `postgres` OS user.
 */
export const startOwnPostgres = async (): Promise<OwnPostgres> => {
  const bin = findPostgresBin();
  if (!bin) throw new Error(ownPostgresUnavailable());
  const asRoot = process.getuid?.() === 0;
  const root = mkdtempSync(join(tmpdir(), 'hub-own-pg-'));
  const dataDir = join(root, 'data');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const port = await freePort();
  await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // The socket goes into our own directory, never /var/run/postgresql where the shared server lives.
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await pg('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    await pg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  };
  await start();
  let disposed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop,
    start,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await stop().catch(() => undefined); // already stopped
      rmSync(root, { recursive: true, force: true });
    },
  };
};
