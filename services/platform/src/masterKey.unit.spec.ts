import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { masterKeyOf } from './masterKey';

describe('the master key setting', () => {
  it('takes HUB_MASTER_KEY, refusing one that is not 32 bytes', () => {
    const key = randomBytes(32);
    expect(masterKeyOf(loadConfig({ HUB_MASTER_KEY: key.toString('base64') })).equals(key)).toBe(true);
    expect(() => loadConfig({ HUB_MASTER_KEY: randomBytes(16).toString('base64') })).toThrow(/HUB_MASTER_KEY/);
  });

  it('otherwise keeps it in HUB_MASTER_KEY_FILE, or in the data folder, made on first use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-master-'));
    try {
      const inData = masterKeyOf(loadConfig({ HUB_DATA_DIR: join(dir, 'data') }));
      expect(statSync(join(dir, 'data', 'master.key')).mode & 0o777).toBe(0o600);
      expect(masterKeyOf(loadConfig({ HUB_DATA_DIR: join(dir, 'data') })).equals(inData)).toBe(true);
      const elsewhere = masterKeyOf(loadConfig({ HUB_DATA_DIR: join(dir, 'data'), HUB_MASTER_KEY_FILE: join(dir, 'keys', 'hub.key') }));
      expect(elsewhere.equals(inData)).toBe(false);
      expect(statSync(join(dir, 'keys', 'hub.key')).isFile()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
