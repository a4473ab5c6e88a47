import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSqlTokenStore } from '@hub/access';
import { createPgliteDriver } from '@hub/sql';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = new URL('./tokens.ts', import.meta.url).pathname;

/** `npm run tokens`, as an operator runs it: a real process on a real data folder. */
describe('npm run tokens (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-tokens-'));
  const tokens = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '' } }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('issues a token shown once, lists it, revokes it, and refuses bad input with a clear message', async () => {
    const issued = await tokens('issue', '--role', 'admin', '--subject', 'ops', '--days', '7');
    expect(issued.code).toBe(0);
    const token = /Authorization: Bearer (hub_\S+)/.exec(issued.out)![1]!;
    const id = /^([0-9a-f]{16})\s+ADMIN\s+ops/m.exec(issued.out)![1]!;
    expect((await tokens('list')).out).toMatch(new RegExp(`${id}\\s+ADMIN\\s+ops`));

    // The token the command printed is one the hub accepts: check it against the same folder.
    const db = await createPgliteDriver(join(dataDir, 'pglite'));
    expect(await (await createSqlTokenStore(db, { cacheMs: 0 })).verify(token)).toEqual({ subject: 'ops', role: 'ADMIN', tokenId: id });
    await db.close();

    expect((await tokens('revoke', id)).out).toMatch(`Revoked ${id}`);
    expect((await tokens('list')).out).not.toMatch(id);
    expect((await tokens('list', '--all')).out).toMatch(/revoked/);
    const again = await tokens('revoke', id);
    expect([again.code, again.err]).toEqual([1, expect.stringMatching(/No active token/)]);

    const bad = await tokens('issue', '--role', 'GOD', '--subject', 'x');
    expect([bad.code, bad.err]).toEqual([1, expect.stringMatching(/role/)]);
    expect((await tokens('frobnicate')).code).toBe(2);
    // Nine processes, each opening the embedded database (about 8 s apiece on a quiet machine, far
    // more while CI's other suites share its two cores): a generous limit, not a speed check.
  }, 480_000);
});
