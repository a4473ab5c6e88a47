import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateMasterKeyFile, parseMasterKey } from './masterKey';

describe('the master key', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'hub-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('takes 32 bytes as base64 or hex, and nothing else', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('hex')).equals(key)).toBe(true);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('is made on first start in a file only its owner may read, and read back the same afterwards', () => {
    const path = join(dir(), 'nested', 'master.key');
    const first = loadOrCreateMasterKeyFile(path);
    expect(first).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateMasterKeyFile(path).equals(first)).toBe(true);
    expect(readdirSync(join(path, '..'))).toEqual(['master.key']); // no temporary file left behind
  });

  it.skipIf(process.platform === 'win32')('refuses a key file others may read', () => {
    const path = join(dir(), 'master.key');
    writeFileSync(path, randomBytes(32).toString('base64'));
    chmodSync(path, 0o644);
    expect(() => loadOrCreateMasterKeyFile(path)).toThrow(/chmod 600/);
  });
});
