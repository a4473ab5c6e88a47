import { join, resolve } from 'node:path';
import { loadOrCreateMasterKeyFile, parseMasterKey } from '@hub/personal-data/sql';
import type { HubConfig } from './config';

export type MasterKeyConfig = Pick<HubConfig, 'HUB_MASTER_KEY' | 'HUB_MASTER_KEY_FILE' | 'dataDir'>;

/**
 * The master key sealing customers' keys: HUB_MASTER_KEY, else the file HUB_MASTER_KEY_FILE
 * (default `<data dir>/master.key`), made on first start. Every process that reads or writes
 * personal data (the hub, a split gateway, the customer-smile command process) needs the same one.
 */
export const masterKeyOf = (config: MasterKeyConfig): Buffer =>
  config.HUB_MASTER_KEY
    ? parseMasterKey(config.HUB_MASTER_KEY)
    : loadOrCreateMasterKeyFile(config.HUB_MASTER_KEY_FILE ? resolve(config.HUB_MASTER_KEY_FILE) : join(config.dataDir, 'master.key'));
