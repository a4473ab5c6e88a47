import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/*
 * The master key wraps every customer's own key, so the database alone (a dump, a stolen disk,
 * a backup) never reveals personal data: it lives outside the database, in HUB_MASTER_KEY or in
 * a file only the hub's user may read.
 */

export const MASTER_KEY_BYTES = 32;

/** A master key written as base64 (or 64 hex digits), as HUB_MASTER_KEY takes it. */
export const parseMasterKey = (text: string): Buffer => {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== MASTER_KEY_BYTES) throw new Error(`A master key must be ${MASTER_KEY_BYTES} bytes, as base64 or 64 hex digits`);
  return key;
};

/**
 * Reads the master key file, or creates it (0600, random 256 bits) when there is none. Creation
 * is atomic (write a temporary file, then link it into place), so two processes starting together
 * agree on one key. A file others may read is refused rather than trusted.
 */
export const loadOrCreateMasterKeyFile = (path: string): Buffer => {
  try {
    return readKeyFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temporary);
  }
  return readKeyFile(path);
};

const readKeyFile = (path: string): Buffer => {
  const text = readFileSync(path, 'utf8');
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`The master key file ${path} may be read by other users; make it 0600 (chmod 600 ${path})`);
  }
  try {
    return parseMasterKey(text);
  } catch (e) {
    throw new Error(`The master key file ${path} is not a key: ${(e as Error).message}`);
  }
};
