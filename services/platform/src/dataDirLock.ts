import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite keeps its files in a folder that only one process may use; a second `npm start` on the
 * same folder would corrupt it. Take the folder, or say clearly who has it. A lock left by a
 * process that died is taken over.
 */
export const lockDataDir = (dataDir: string): (() => void) => {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'hub.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
      throw new Error(`${dataDir} is in use by another Engagement Hub process (pid ${holder}); stop it first, or set HUB_DATA_DIR`);
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
};
