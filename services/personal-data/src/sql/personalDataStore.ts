import { conflict } from '@hub/events';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '@hub/sql';
import { z } from 'zod';
import type { PersonalDataStore } from '../port';
import { MASTER_KEY_BYTES } from './masterKey';

/*
 * Customers' personal data (name, phone, address) under Korea's PIPA: kept apart from the events,
 * in a private schema the view's rebuild never touches, and erasable for good by crypto-shredding.
 *
 * Each customer has their own random 256-bit key (hub_private.customer_keys), itself sealed with
 * the master key that lives outside the database; their data is sealed with it (AES-256-GCM, a
 * fresh 12-byte IV per write, the customer id as additional data so a row cannot be passed off as
 * another customer's). Erasure deletes the key and the ciphertext: whatever copy of the ciphertext
 * survives (a dead tuple, a WAL segment, a backup) can no longer be read by anyone.
 *
 * Limits, honestly: a deleted key row stays in the table file until vacuumed and in WAL until
 * the segment is recycled — but sealed with the master key, so it reveals nothing without it;
 * whoever holds both the master key and an old backup or WAL can still read erased data. Only the
 * customer-smile service writes; the gateway reads for roles that need it.
 */

export const PERSONAL_DATA_DDL = `
CREATE SCHEMA IF NOT EXISTS hub_private;
CREATE TABLE IF NOT EXISTS hub_private.customer_keys (
  customer_id  text PRIMARY KEY,
  -- the customer's own AES-256 key, sealed with the master key (AES-256-GCM)
  iv           bytea NOT NULL,
  auth_tag     bytea NOT NULL,
  wrapped_key  bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS hub_private.customer_personal_data (
  customer_id  text PRIMARY KEY REFERENCES hub_private.customer_keys (customer_id) ON DELETE CASCADE,
  -- name, phone and address as JSON, sealed with the customer's key (AES-256-GCM, AAD = customer id)
  iv           bytea NOT NULL,
  auth_tag     bytea NOT NULL,
  ciphertext   bytea NOT NULL,
  written_by   text,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS hub_private.customer_name_grams (
  -- a blind index of the name: a keyed hash (HMAC with a key derived from the master key) of each
  -- letter and each pair of letters, so a name search finds candidates without opening every
  -- customer; erased with the customer's key
  customer_id  text NOT NULL REFERENCES hub_private.customer_keys (customer_id) ON DELETE CASCADE,
  gram         text NOT NULL,
  PRIMARY KEY (gram, customer_id)
);
CREATE INDEX IF NOT EXISTS customer_name_grams_customer ON hub_private.customer_name_grams (customer_id);
CREATE TABLE IF NOT EXISTS hub_private.master_key_check (
  -- a known text sealed with the master key the first time: proves later starts use the same key
  id           int PRIMARY KEY CHECK (id = 1),
  iv           bytea NOT NULL,
  auth_tag     bytea NOT NULL,
  ciphertext   bytea NOT NULL
);`;

const IV_BYTES = 12;
const personalDataSchema = z.object({ name: z.string(), phone: z.string(), address: z.string() });

interface Sealed {
  iv: Uint8Array;
  auth_tag: Uint8Array;
  [column: string]: unknown;
}

const seal = (key: Buffer, plaintext: Buffer, aad: string) => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, authTag: cipher.getAuthTag(), ciphertext };
};

/** Throws when the tag does not match: tampered, another customer's row, or the wrong key. */
const open = (key: Buffer, sealed: Sealed, ciphertext: Uint8Array, aad: string) => {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.auth_tag));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext)), decipher.final()]);
};

const keyAad = (customerId: string) => `customer-key:${customerId}`;

/** Names compare in one form: NFC (Hangul composed), lower case, spaces collapsed. */
const normalise = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
/** What a name is indexed by: every letter, and every pair of neighbouring letters. */
const nameGrams = (name: string) => {
  const letters = [...normalise(name)];
  return new Set([...letters.map((l) => `1:${l}`), ...letters.slice(1).map((l, i) => `2:${letters[i]}${l}`)]);
};
/** What a search asks for: its one letter, or its pairs (a name containing the text has them all). */
const searchGrams = (text: string) => {
  const letters = [...normalise(text)];
  return letters.length === 1 ? new Set([`1:${letters[0]}`]) : new Set(letters.slice(1).map((l, i) => `2:${letters[i]}${l}`));
};
/** Candidates asked for per round while confirming a search. */
const SEARCH_BATCH = 200;
const CHECK_TEXT = 'engagement-hub master key';

/**
 * Refuses to start with another master key than the one the database's keys are sealed with:
 * a lost key file must not silently become a second key (old customers unreadable, new ones
 * sealed differently).
 */
const checkMasterKey = async (db: SqlExecutor, masterKey: Buffer) => {
  const fresh = seal(masterKey, Buffer.from(CHECK_TEXT), 'master-key-check');
  await db.query(
    'INSERT INTO hub_private.master_key_check (id, iv, auth_tag, ciphertext) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING',
    [fresh.iv, fresh.authTag, fresh.ciphertext],
  );
  const [row] = await db.query<Sealed & { ciphertext: Uint8Array }>(
    'SELECT iv, auth_tag, ciphertext FROM hub_private.master_key_check WHERE id = 1',
  );
  try {
    if (open(masterKey, row!, row!.ciphertext, 'master-key-check').toString('utf8') === CHECK_TEXT) return;
  } catch {
    // falls through to the refusal
  }
  throw new Error(
    'Customers’ personal data in this database is sealed with another master key: set HUB_MASTER_KEY (or HUB_MASTER_KEY_FILE) to the one it was made with',
  );
};

/** The tables; the plaintext table of earlier versions is moved aside, to be sealed by `sealPlaintext`. */
const migrate = async (db: SqlExecutor) => {
  const [old] = await db.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'hub_private' AND table_name = 'customer_personal_data' AND column_name = 'name'`,
  );
  if (old) await db.exec('ALTER TABLE hub_private.customer_personal_data RENAME TO customer_personal_data_plaintext');
  await db.exec(PERSONAL_DATA_DDL);
};

/** Plaintext rows of earlier versions: sealed row by row, then the table dropped. */
const sealPlaintext = async (db: SqlExecutor, put: PersonalDataStore['put']) => {
  const [pending] = await db.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = 'hub_private' AND table_name = 'customer_personal_data_plaintext'`,
  );
  if (!pending) return;
  const rows = await db.query<{ customer_id: string; name: string; phone: string; address: string }>(
    'SELECT customer_id, name, phone, address FROM hub_private.customer_personal_data_plaintext',
  );
  for (const r of rows) await put(r.customer_id, { name: r.name, phone: r.phone, address: r.address });
  await db.exec('DROP TABLE hub_private.customer_personal_data_plaintext');
};

export const createSqlPersonalDataStore = async (db: SqlExecutor, masterKey: Buffer): Promise<PersonalDataStore> => {
  if (masterKey.length !== MASTER_KEY_BYTES) throw new Error(`The master key must be ${MASTER_KEY_BYTES} bytes`);
  // The blind index's own key: without the master key, a gram's hash says nothing of its letters.
  const indexKey = createHmac('sha256', masterKey).update('customer-name-grams').digest();
  const blind = (grams: Set<string>) => [...grams].map((g) => createHmac('sha256', indexKey).update(g).digest('base64url').slice(0, 22));
  const index = async (customerId: string, name: string) => {
    await db.query('DELETE FROM hub_private.customer_name_grams WHERE customer_id = $1', [customerId]);
    await db.query(
      'INSERT INTO hub_private.customer_name_grams (customer_id, gram) SELECT $1, g FROM unnest($2::text[]) AS g ON CONFLICT DO NOTHING',
      [customerId, blind(nameGrams(name))],
    );
  };

  const unwrap = (customerId: string, row: Sealed & { wrapped_key: Uint8Array }) => {
    try {
      return open(masterKey, row, row.wrapped_key, keyAad(customerId));
    } catch {
      throw new Error(`Customer ${customerId}'s key does not open with this master key (HUB_MASTER_KEY or its file changed?)`);
    }
  };

  const store: PersonalDataStore = {
    async put(customerId, data, writtenBy) {
      // The customer's key: made once (a concurrent writer's wins), then reused for every write.
      const fresh = seal(masterKey, randomBytes(32), keyAad(customerId));
      await db.query(
        'INSERT INTO hub_private.customer_keys (customer_id, iv, auth_tag, wrapped_key) VALUES ($1, $2, $3, $4) ON CONFLICT (customer_id) DO NOTHING',
        [customerId, fresh.iv, fresh.authTag, fresh.ciphertext],
      );
      const [row] = await db.query<Sealed & { wrapped_key: Uint8Array }>(
        'SELECT iv, auth_tag, wrapped_key FROM hub_private.customer_keys WHERE customer_id = $1',
        [customerId],
      );
      if (!row) throw new Error(`Customer ${customerId}'s key was destroyed while their data was being written`);
      const sealed = seal(unwrap(customerId, row), Buffer.from(JSON.stringify(personalDataSchema.parse(data)), 'utf8'), customerId);
      // A command never overwrites what another command wrote: two registrations racing for one id
      // must not leave the winner with the loser's data (or none, once the loser withdraws).
      const written = await db.query(
        `INSERT INTO hub_private.customer_personal_data (customer_id, iv, auth_tag, ciphertext, written_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (customer_id) DO UPDATE SET iv = $2, auth_tag = $3, ciphertext = $4, written_by = $5, updated_at = now()
         WHERE $5::text IS NULL OR hub_private.customer_personal_data.written_by IS NOT DISTINCT FROM $5::text
         RETURNING customer_id`,
        [customerId, sealed.iv, sealed.authTag, sealed.ciphertext, writtenBy ?? null],
      );
      if (written.length === 0)
        throw conflict(`Customer ${customerId} is being registered by another command at the same time`, { customerId });
      await index(customerId, data.name);
    },
    async erase(customerId) {
      // The ciphertext goes with its key (ON DELETE CASCADE).
      const rows = await db.query('DELETE FROM hub_private.customer_keys WHERE customer_id = $1 RETURNING customer_id', [customerId]);
      return rows.length > 0;
    },
    async withdraw(customerId, writtenBy) {
      await db.query(
        'DELETE FROM hub_private.customer_keys k WHERE k.customer_id = $1 AND EXISTS (SELECT 1 FROM hub_private.customer_personal_data d WHERE d.customer_id = $1 AND d.written_by = $2)',
        [customerId, writtenBy],
      );
    },
    async byIds(customerIds) {
      const rows = await db.query<
        Sealed & { customer_id: string; ciphertext: Uint8Array; key_iv: Uint8Array; key_tag: Uint8Array; wrapped_key: Uint8Array }
      >(
        `SELECT d.customer_id, d.iv, d.auth_tag, d.ciphertext, k.iv AS key_iv, k.auth_tag AS key_tag, k.wrapped_key
         FROM hub_private.customer_personal_data d JOIN hub_private.customer_keys k USING (customer_id)
         WHERE d.customer_id = ANY($1::text[])`,
        [customerIds],
      );
      const byId = new Map(
        rows.map((r) => {
          const key = unwrap(r.customer_id, { iv: r.key_iv, auth_tag: r.key_tag, wrapped_key: r.wrapped_key });
          return [r.customer_id, personalDataSchema.parse(JSON.parse(open(key, r, r.ciphertext, r.customer_id).toString('utf8')))];
        }),
      );
      return customerIds.map((id) => byId.get(id));
    },
    async searchByName(text, { after, limit }) {
      const wanted = normalise(text);
      const grams = blind(searchGrams(text));
      if (wanted.length === 0 || limit < 1) return [];
      const found: string[] = [];
      let cursor = after;
      // Candidates have every gram of the text; opening them confirms the letters are in that order.
      for (;;) {
        const candidates = (
          await db.query<{ customer_id: string }>(
            `SELECT customer_id FROM hub_private.customer_name_grams
             WHERE gram = ANY($1::text[]) AND ($2::text IS NULL OR customer_id > $2)
             GROUP BY customer_id HAVING count(*) = $3 ORDER BY customer_id LIMIT $4`,
            [grams, cursor, grams.length, SEARCH_BATCH],
          )
        ).map((r) => r.customer_id);
        const data = await store.byIds(candidates);
        candidates.forEach((id, i) => {
          const name = data[i]?.name;
          if (found.length < limit && name !== undefined && normalise(name).includes(wanted)) found.push(id);
        });
        if (found.length >= limit || candidates.length < SEARCH_BATCH) return found;
        cursor = candidates[candidates.length - 1]!;
      }
    },
  };

  /** Customers written before the index existed: indexed once, on the first start that finds them. */
  const indexUnindexed = async () => {
    let after = '';
    for (;;) {
      const pending = await db.query<{ customer_id: string }>(
        `SELECT d.customer_id FROM hub_private.customer_personal_data d
         WHERE d.customer_id > $1 AND NOT EXISTS (SELECT 1 FROM hub_private.customer_name_grams g WHERE g.customer_id = d.customer_id)
         ORDER BY d.customer_id LIMIT 500`,
        [after],
      );
      if (pending.length === 0) return;
      const ids = pending.map((r) => r.customer_id);
      const data = await store.byIds(ids);
      for (const [i, id] of ids.entries()) {
        const found = data[i];
        if (found) await index(id, found.name); // erased meanwhile: nothing to index
      }
      after = ids[ids.length - 1]!;
    }
  };

  await migrate(db);
  await checkMasterKey(db, masterKey);
  await sealPlaintext(db, store.put);
  await indexUnindexed();
  return store;
};
