import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './dataDirLock';

describe('data folder lock', () => {
  it('lets one process in, refuses a live second one, and takes over a dead one’s lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-lock-'));
    try {
      const unlock = lockDataDir(dir);
      // Another live process (our parent) holding it:
      writeFileSync(join(dir, 'hub.lock'), String(process.ppid));
      expect(() => lockDataDir(dir)).toThrow(/in use by another Engagement Hub process/);
      // A process that no longer exists:
      writeFileSync(join(dir, 'hub.lock'), '999999999');
      expect(() => lockDataDir(dir)).not.toThrow();
      unlock();
      expect(() => lockDataDir(dir)()).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
