import { randomBytes } from 'node:crypto';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalDataStore } from '../port';
import { createSqlPersonalDataStore } from './personalDataStore';

const marker = () => `marker-${randomBytes(6).toString('hex')}`;
const person = () => ({
  name: marker(),
  phone: `010-${Math.floor(1000 + Math.random() * 8999)}-${Math.floor(1000 + Math.random() * 8999)}`,
  address: marker(),
});

/** Every byte of the private tables, as PostgreSQL would write them to disk (text form of each row). */
const privateRows = async (db: SqlDriver) =>
  JSON.stringify([
    ...(await db.query(`SELECT k::text AS row FROM hub_private.customer_keys k`)),
    ...(await db.query(`SELECT d::text AS row FROM hub_private.customer_personal_data d`)),
    ...(await db.query(`SELECT g::text AS row FROM hub_private.customer_name_grams g`)),
  ]);

describe.each(SQL_ENGINES)('personal data sealed per customer on $name', (engine) => {
  let db: SqlDriver;
  let dispose: () => Promise<void>;
  let store: PersonalDataStore;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    ({ db, dispose } = await engine.create());
    store = await createSqlPersonalDataStore(db, masterKey);
  });
  afterAll(() => dispose());

  it('keeps name, phone and address only as ciphertext, under a key of the customer’s own, and reads them back', async () => {
    const a = person();
    const b = person();
    await store.put('A', a);
    await store.put('B', b);
    expect(await store.byIds(['B', 'nobody', 'A'])).toEqual([b, undefined, a]);
    const raw = await privateRows(db);
    expect(raw).toContain('\\\\x'); // the scan reads the rows (bytea as hex)
    for (const value of [a.name, a.phone, a.address, b.name, b.address]) {
      expect(raw).not.toContain(value);
      expect(raw).not.toContain(Buffer.from(value).toString('hex'));
    }
    const keys = await db.query<{ customer_id: string; wrapped_key: Uint8Array }>(
      `SELECT customer_id, wrapped_key FROM hub_private.customer_keys WHERE customer_id IN ('A', 'B')`,
    );
    expect(keys).toHaveLength(2);
    expect(Buffer.from(keys[0]!.wrapped_key).equals(Buffer.from(keys[1]!.wrapped_key))).toBe(false);
  });

  it('uses a fresh IV for every write and keeps the customer’s key', async () => {
    await store.put('IV', person());
    const before = (
      await db.query<{ iv: Uint8Array; wrapped_key: Uint8Array }>(
        `SELECT d.iv, k.wrapped_key FROM hub_private.customer_personal_data d JOIN hub_private.customer_keys k USING (customer_id) WHERE customer_id = 'IV'`,
      )
    )[0]!;
    const replaced = person();
    await store.put('IV', replaced);
    const after = (
      await db.query<{ iv: Uint8Array; wrapped_key: Uint8Array }>(
        `SELECT d.iv, k.wrapped_key FROM hub_private.customer_personal_data d JOIN hub_private.customer_keys k USING (customer_id) WHERE customer_id = 'IV'`,
      )
    )[0]!;
    expect(Buffer.from(after.iv)).toHaveLength(12);
    expect(Buffer.from(after.iv).equals(Buffer.from(before.iv))).toBe(false);
    expect(Buffer.from(after.wrapped_key).equals(Buffer.from(before.wrapped_key))).toBe(true);
    expect(await store.byIds(['IV'])).toEqual([replaced]);
  });

  it('refuses a tampered ciphertext, and one customer’s ciphertext passed off as another’s', async () => {
    await store.put('T1', person());
    await store.put('T2', person());
    await db.query(
      `UPDATE hub_private.customer_personal_data SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE customer_id = 'T1'`,
    );
    await expect(store.byIds(['T1'])).rejects.toThrow(/authenticate/);
    // T2's sealed key moved onto T1's row: it is bound to T2 (additional data), so it is refused.
    await db.query(
      `UPDATE hub_private.customer_keys SET iv = s.iv, auth_tag = s.auth_tag, wrapped_key = s.wrapped_key FROM hub_private.customer_keys s WHERE customer_keys.customer_id = 'T1' AND s.customer_id = 'T2'`,
    );
    await expect(store.byIds(['T1'])).rejects.toThrow(/does not open/);
    await db.query(`DELETE FROM hub_private.customer_keys WHERE customer_id IN ('T1', 'T2')`);
  });

  it('erases by destroying the key and the ciphertext', async () => {
    const p = person();
    await store.put('E', p);
    expect(await store.erase('E')).toBe(true);
    expect(await store.byIds(['E'])).toEqual([undefined]);
    expect(
      await db.query(
        `SELECT 1 FROM hub_private.customer_keys WHERE customer_id = 'E' UNION ALL SELECT 1 FROM hub_private.customer_personal_data WHERE customer_id = 'E'`,
      ),
    ).toEqual([]);
    expect(await store.erase('E')).toBe(false);
  });

  it('never lets one command overwrite what another command wrote (two registrations racing for one id)', async () => {
    const first = person();
    await store.put('R', first, 'cmd-a');
    await expect(store.put('R', person(), 'cmd-b')).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect(await store.byIds(['R'])).toEqual([first]);
    // The same command writing again (its retry) may.
    const again = person();
    await store.put('R', again, 'cmd-a');
    expect(await store.byIds(['R'])).toEqual([again]);
  });

  it('withdraws only what the same command wrote last', async () => {
    await store.put('W', person(), 'cmd-1');
    await store.withdraw('W', 'cmd-2');
    expect(await store.byIds(['W'])).not.toEqual([undefined]);
    await store.withdraw('W', 'cmd-1');
    expect(await store.byIds(['W'])).toEqual([undefined]);
  });

  it('finds customers by part of their name through a blind index (no plaintext kept), in id order, page by page; an erased one never', async () => {
    const named = (name: string) => ({ ...person(), name });
    await store.put('S1', named('김민지'));
    await store.put('S2', named('Kim Minji'));
    await store.put('S3', named('박민수'));
    await store.put('S4', named('민지김')); // has the letters of 김민지 but not in order
    await store.put('S5', named('이민지'));
    expect(await store.searchByName('민지', { after: null, limit: 10 })).toEqual(['S1', 'S4', 'S5']);
    expect(await store.searchByName('김민', { after: null, limit: 10 })).toEqual(['S1']);
    expect(await store.searchByName('MINJI', { after: null, limit: 10 })).toEqual(['S2']);
    expect(await store.searchByName('민', { after: null, limit: 10 })).toEqual(['S1', 'S3', 'S4', 'S5']);
    expect(await store.searchByName('민지', { after: 'S1', limit: 1 })).toEqual(['S4']);
    expect(await store.searchByName('없는이름', { after: null, limit: 10 })).toEqual([]);
    expect(await store.searchByName('  ', { after: null, limit: 10 })).toEqual([]);
    // No plaintext: Korean letters and a name with its space cannot come out of hex or base64 by
    // chance (a bare 'kim' can: one run in a few hundred), and every gram is a 22-character keyed hash.
    const raw = await privateRows(db);
    for (const text of ['김민지', '민지', 'Kim Minji', 'kim minji']) expect(raw).not.toContain(text);
    const grams = await db.query<{ gram: string }>('SELECT gram FROM hub_private.customer_name_grams');
    expect(grams.length).toBeGreaterThan(0);
    for (const { gram } of grams) expect(gram).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await store.erase('S5');
    expect(await store.searchByName('민지', { after: null, limit: 10 })).toEqual(['S1', 'S4']);
    expect(await db.query(`SELECT 1 FROM hub_private.customer_name_grams WHERE customer_id = 'S5'`)).toEqual([]);
    // A name written again is found by its new letters only.
    await store.put('S4', named('최수지'));
    expect(await store.searchByName('민지', { after: null, limit: 10 })).toEqual(['S1']);
  });

  it('indexes on start the customers written before the index existed', async () => {
    await store.put('IDX', { ...person(), name: '색인전고객' });
    await db.exec(`DELETE FROM hub_private.customer_name_grams WHERE customer_id = 'IDX'`);
    expect(await store.searchByName('색인전', { after: null, limit: 10 })).toEqual([]);
    const restarted = await createSqlPersonalDataStore(db, masterKey);
    expect(await restarted.searchByName('색인전', { after: null, limit: 10 })).toEqual(['IDX']);
  });

  it('refuses to start with another master key than the database’s', async () => {
    await store.put('M', person());
    await expect(createSqlPersonalDataStore(db, randomBytes(32))).rejects.toThrow(/sealed with another master key/);
    expect(await (await createSqlPersonalDataStore(db, masterKey)).byIds(['M'])).not.toEqual([undefined]);
  });
});

describe('the plaintext table of earlier versions', () => {
  it('is sealed row by row and dropped when the store starts', async () => {
    const { db, dispose } = await SQL_ENGINES[0].create();
    try {
      const p = person();
      await db.exec(`CREATE SCHEMA hub_private;
        CREATE TABLE hub_private.customer_personal_data (customer_id text PRIMARY KEY, name text NOT NULL, phone text NOT NULL, address text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());`);
      await db.query('INSERT INTO hub_private.customer_personal_data (customer_id, name, phone, address) VALUES ($1, $2, $3, $4)', [
        'OLD',
        p.name,
        p.phone,
        p.address,
      ]);
      const store = await createSqlPersonalDataStore(db, randomBytes(32));
      expect(await store.byIds(['OLD'])).toEqual([p]);
      expect(await privateRows(db)).not.toContain(p.name);
      expect(
        await db.query(
          `SELECT 1 FROM information_schema.tables WHERE table_schema = 'hub_private' AND table_name = 'customer_personal_data_plaintext'`,
        ),
      ).toEqual([]);
    } finally {
      await dispose();
    }
  });
});
