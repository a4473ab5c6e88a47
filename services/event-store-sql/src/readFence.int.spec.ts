import { randomUUID } from 'node:crypto';
import { createPgDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase, SQL_ENGINES } from '@hub/sql/testing';
import type { EventStore, EventToAppend, RecordedEvent } from '@hub/event-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendStatement, createSqlEventStore } from './sqlEventStore';

/*
 * Appends on PostgreSQL run side by side and take positions from a sequence, so they may commit
 * out of position order. These specs prove readers still never pass a position that a smaller one
 * could commit behind (the read fence), and that the races appends now run into end as the port
 * promises. PostgreSQL only (but for the migration): PGlite has one connection, nothing there runs
 * side by side.
 */

const event = (data: unknown = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'Fenced',
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: 'fence-spec', occurredAt: '2015-03-12T06:00:00.000Z', schemaVersion: 1 },
});

const settledWithin = async (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('SQL adapter on PostgreSQL: appends side by side, readers behind the fence', () => {
  let drop: () => Promise<void>;
  let db: SqlDriver;
  let store: EventStore;
  beforeEach(async () => {
    const database = await createTestDatabase('es_fence');
    drop = database.drop;
    db = createPgDriver(database.url, { max: 12 });
    store = await createSqlEventStore(db, { pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    await db.close();
    await drop();
  });

  /** Runs the store's own append statement in a transaction that stays open until `end` is called. */
  const holdAppendOpen = async (streamName: string, events: EventToAppend[], outcome: 'commit' | 'roll back') => {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    let started!: (position: bigint) => void;
    const position = new Promise<bigint>((resolve) => (started = resolve));
    const done = db
      .transaction(async (tx) => {
        const { sql, params } = appendStatement(streamName, events, 'any');
        const [row] = await tx.query<{ position: string }>(sql, params);
        started(BigInt(row!.position));
        await ended;
        if (outcome === 'roll back') throw new Error('rolled back on purpose');
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && e.message === 'rolled back on purpose')) throw e;
      });
    return { position: await position, end: async () => (end(), done) };
  };

  it('holds readers at an append still in flight, then gives both events in position order', async () => {
    const before = await store.headPosition();
    const early = event({ early: true });
    const held = await holdAppendOpen('fence-held', [early], 'commit');
    let read: Promise<RecordedEvent[]>;
    let head: Promise<bigint | undefined>;
    let late: { position: bigint };
    try {
      late = await store.append('fence-free', [event({ late: true })]);
      expect(late.position > held.position).toBe(true);
      read = store.readAll(before === undefined ? {} : { after: before });
      head = store.headPosition();
      expect(await settledWithin(read, 300)).toBe(false);
      expect(await settledWithin(head, 0)).toBe(false);
    } finally {
      await held.end();
    }
    const events = await read;
    expect(events.map((e) => e.position)).toEqual([held.position, late.position]);
    expect(events[0]!.id).toBe(early.id);
    expect(await head).toBe(late.position);
  });

  it('lets readers pass the position of an append that rolled back once it has ended', async () => {
    const before = await store.headPosition();
    const held = await holdAppendOpen('fence-rolled-back', [event()], 'roll back');
    let read: Promise<RecordedEvent[]>;
    let late: { position: bigint };
    try {
      late = await store.append('fence-free', [event()]);
      read = store.readAll(before === undefined ? {} : { after: before });
      expect(await settledWithin(read, 300)).toBe(false);
    } finally {
      await held.end();
    }
    expect((await read).map((e) => e.position)).toEqual([late.position]);
    expect(await store.readStream('fence-rolled-back')).toEqual([]);
  });

  it('refuses to answer a fence under an isolation that would read the head from a stale snapshot', async () => {
    const fenced = db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return tx.query('SELECT hub_events.read_fence()');
    });
    await expect(fenced).rejects.toThrow(/needs READ COMMITTED, not repeatable read/);
  });

  it('lands every append of writers racing on one stream with expected revision any, without a hole', async () => {
    const s = `race-any-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => Promise.all([0, 1, 2].map(() => store.append(s, [event(), event()])))),
    );
    const revisions = (await store.readStream(s)).map((e) => Number(e.streamRevision));
    expect(revisions).toEqual(Array.from({ length: 48 }, (_, i) => i));
    const answered = results.flat().map((r) => Number(r.nextExpectedRevision));
    expect(new Set(answered).size).toBe(24);
  });

  it('stores an append once when it races its own retry, and answers both alike', async () => {
    const s = `race-retry-${randomUUID()}`;
    await store.append(s, [event()]);
    const events = [event(), event(), event()];
    const [a, b, c] = await Promise.all([
      store.append(s, events, { expectedRevision: 0n }),
      store.append(s, events, { expectedRevision: 0n }),
      store.append(s, events),
    ]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect((await store.readStream(s)).map((e) => e.id).slice(1)).toEqual(events.map((e) => e.id));
  });

  it('delivers every event once, in order, to several readers while eight writers append', async () => {
    const before = await store.headPosition();
    const after = before === undefined ? {} : { after: before };
    const run = randomUUID();
    const seenBy = [1, 13].map(() => [] as RecordedEvent[]);
    const subs = [1, 13].map((batchSize, r) =>
      store.subscribe({ ...after, batchSize, handler: async (batch) => void seenBy[r]!.push(...batch) }),
    );
    // A reader paging readAll by hand, checkpointing the last position it was given.
    const paged: RecordedEvent[] = [];
    let writing = true;
    const pager = (async () => {
      let checkpoint = before;
      while (writing || paged.length === 0 || checkpoint !== (await store.headPosition())) {
        const page = await store.readAll({ ...(checkpoint === undefined ? {} : { after: checkpoint }), limit: 5 });
        paged.push(...page);
        if (page.length) checkpoint = page[page.length - 1]!.position;
      }
    })();
    try {
      const appended: string[] = [];
      let last = 0n;
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let i = 0; i < 40; i++) {
            const batch = Array.from({ length: 1 + ((w + i) % 3) }, () => event({ w, i }));
            const r = await store.append(`fence-race-${run}-${w}`, batch);
            appended.push(...batch.map((e) => e.id));
            if (r.position > last) last = r.position;
          }
        }),
      );
      writing = false;
      await Promise.all(subs.map((sub) => sub.waitFor(last, 30_000)));
      await pager;
      for (const seen of [...seenBy, paged]) {
        const ids = seen.map((e) => e.id);
        expect(ids).toHaveLength(appended.length);
        expect(new Set(ids)).toEqual(new Set(appended));
        for (let i = 1; i < seen.length; i++) expect(seen[i]!.position > seen[i - 1]!.position).toBe(true);
      }
    } finally {
      writing = false;
      await Promise.all(subs.map((sub) => sub.close()));
    }
  }, 60_000);
});

describe.each(SQL_ENGINES)('SQL adapter on $name: a store created before the read fence', (engine) => {
  it('keeps its events and their positions and appends after them', async () => {
    const { db, dispose } = await engine.create();
    try {
      // The events table as earlier versions created it, with a gap in its positions.
      await db.exec(`
        CREATE SCHEMA hub_events;
        CREATE TABLE hub_events.events (
          position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_name text NOT NULL,
          stream_revision bigint NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
          recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(), UNIQUE (stream_name, stream_revision));
        INSERT INTO hub_events.events (position, event_id, stream_name, stream_revision, type, data, metadata)
        VALUES (1, '${randomUUID()}', 'old', 0, 'Old', '{}', '{}'), (5, '${randomUUID()}', 'old', 1, 'Old', '{}', '{}');
        SELECT setval('hub_events.events_position_seq', 5);`);
      const store = await createSqlEventStore(db);
      expect((await store.readAll()).map((e) => e.position)).toEqual([1n, 5n]);
      const next = await store.append('old', [event()], { expectedRevision: 1n });
      expect(next).toEqual({ nextExpectedRevision: 2n, position: 6n });
      expect(await store.headPosition()).toBe(6n);
      await store.close();
    } finally {
      await dispose();
    }
  });
});
