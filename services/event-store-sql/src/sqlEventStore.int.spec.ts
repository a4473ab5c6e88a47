import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDriver, createPgliteDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { eventStoreConformance } from '@hub/event-store/conformance';
import { createSqlEventStore } from './sqlEventStore';

// One in-memory PGlite for the suite (starting one takes seconds); the contract never assumes an empty store.
let pglite: Promise<SqlDriver> | undefined;
afterAll(async () => (await pglite)?.close());
eventStoreConformance('SQL adapter on PGlite (embedded)', async () => {
  pglite ??= createPgliteDriver();
  const store = await createSqlEventStore(await pglite, { pollIntervalMs: 50 });
  return { store, dispose: () => store.close() };
});

eventStoreConformance('SQL adapter on PostgreSQL (pg)', async () => {
  const db = await createTestDatabase('es_contract');
  const store = await createSqlEventStore(createPgDriver(db.url, { max: 12 }), { ownsDriver: true, pollIntervalMs: 50 });
  return {
    store,
    dispose: async () => {
      await store.close();
      await db.drop();
    },
  };
});

describe('SQL adapter on PGlite with a data directory', () => {
  it('keeps its events across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-pglite-'));
    try {
      const first = await createSqlEventStore(await createPgliteDriver(dir), { ownsDriver: true });
      const id = '2f1c3a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
      await first.append('persisted-1', [
        {
          id,
          type: 'Kept',
          data: { ok: true },
          metadata: { correlationId: 'c', causationId: 'c', actor: 't', occurredAt: new Date().toISOString(), schemaVersion: 1 },
        },
      ]);
      await first.close();
      const second = await createSqlEventStore(await createPgliteDriver(dir), { ownsDriver: true });
      expect((await second.readStream('persisted-1')).map((e) => e.id)).toEqual([id]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
