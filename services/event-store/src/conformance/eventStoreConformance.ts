import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdempotencyMismatchError, WrongExpectedRevisionError } from '../errors';
import type { EventStore, EventToAppend, RecordedEvent } from '../port';

export interface ConformanceTarget {
  store: EventStore;
  dispose: () => Promise<void>;
}

const event = (type = 'Something', data: unknown = { n: 1 }, occurredAt = '2015-03-12T06:00:00.000Z'): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: 'contract-suite',
    occurredAt,
    schemaVersion: 1,
  },
});

const stream = (prefix = 'contract') => `${prefix}-${randomUUID()}`;

/**
 * The one suite every event-store adapter must pass. `create` gives a store per test;
 * it may hold other tests' events (a shared server), so every check looks only at its own streams.
 */
export const eventStoreConformance = (adapter: string, create: () => Promise<ConformanceTarget>) => {
  describe(`event store contract: ${adapter}`, () => {
    let target: ConformanceTarget;
    let store: EventStore;
    beforeEach(async () => {
      target = await create();
      store = target.store;
    });
    afterEach(async () => {
      await target.dispose();
    });

    it('appends to a new stream and reads it back in order with all metadata', async () => {
      const s = stream();
      const events = [event('A', { n: 1, text: '톡톡타임' }), event('B', { n: 2 }), event('C', { nested: { list: [1, 2] } })];
      const result = await store.append(s, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2n);
      const read = await store.readStream(s);
      expect(read.map((e) => [e.id, e.type, e.streamRevision, e.data])).toEqual(events.map((e, i) => [e.id, e.type, BigInt(i), e.data]));
      expect(read[0]!.metadata).toEqual(events[0]!.metadata);
      // occurred-at is the writer's; recorded-at is the store's own clock.
      expect(read[0]!.metadata.occurredAt).toBe('2015-03-12T06:00:00.000Z');
      expect(Date.parse(read[0]!.recordedAt)).toBeGreaterThan(Date.parse('2020-01-01'));
      expect(result.position).toBe(read[2]!.position);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('appends at an exact expected revision and refuses a stale one without writing', async () => {
      const s = stream();
      await store.append(s, [event()], { expectedRevision: 'no_stream' });
      await store.append(s, [event()], { expectedRevision: 0n });
      const stale = store.append(s, [event()], { expectedRevision: 0n });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(stale).rejects.toMatchObject({ streamName: s, expected: 0n, actual: 1n });
      expect(await store.readStream(s)).toHaveLength(2);
    });

    it('refuses no_stream on an existing stream and an exact revision on a missing one', async () => {
      const s = stream();
      await store.append(s, [event()]);
      await expect(store.append(s, [event()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(stream(), [event()], { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(s)).toHaveLength(1);
    });

    it('stores a repeated append once and answers it like the first', async () => {
      const s = stream();
      const events = [event(), event()];
      const first = await store.append(s, events, { expectedRevision: 'no_stream' });
      const again = await store.append(s, events, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      expect(await store.readStream(s)).toHaveLength(2);
      expect((await store.readAll()).filter((e) => e.streamName === s)).toHaveLength(2);
    });

    it('refuses an append that repeats only some stored ids, writing nothing', async () => {
      const s = stream();
      const [a, b] = [event(), event()];
      await store.append(s, [a]);
      await expect(store.append(s, [a, b])).rejects.toBeInstanceOf(IdempotencyMismatchError);
      expect((await store.readStream(s)).map((e) => e.id)).toEqual([a.id]);
    });

    it('refuses malformed input before writing', async () => {
      const s = stream();
      await expect(store.append(s, [{ ...event(), id: 'not-a-uuid' }])).rejects.toThrow(/not a UUID/);
      await expect(store.append(s, [])).rejects.toThrow(/no events/);
      const e = event();
      await expect(store.append(s, [e, e])).rejects.toThrow(/twice/);
      expect(await store.readStream(s)).toEqual([]);
    });

    it('reads all streams in one global order, after an exclusive position, in pages', async () => {
      const before = await store.headPosition();
      const [s1, s2] = [stream('one'), stream('two')];
      await store.append(s1, [event('A')]);
      await store.append(s2, [event('B'), event('C')]);
      await store.append(s1, [event('D')]);
      const all = (await store.readAll(before === undefined ? {} : { after: before })).filter(
        (e) => e.streamName === s1 || e.streamName === s2,
      );
      expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      for (let i = 1; i < all.length; i++) expect(all[i]!.position > all[i - 1]!.position).toBe(true);
      const page = await store.readAll({ after: all[0]!.position, limit: 2 });
      expect(page.map((e) => e.type)).toEqual(['B', 'C']);
      expect(await store.headPosition()).toBe(all[3]!.position);
    });

    it('lets exactly one of two concurrent writers at the same revision win', async () => {
      const s = stream();
      await store.append(s, [event()]);
      const results = await Promise.allSettled([
        store.append(s, [event('X')], { expectedRevision: 0n }),
        store.append(s, [event('Y')], { expectedRevision: 0n }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(s)).toHaveLength(2);
    });

    it('catches up from a checkpoint, then delivers live events', async () => {
      const s = stream();
      await store.append(s, [event('A'), event('B'), event('C')]);
      const [first] = await store.readStream(s);
      const seen: RecordedEvent[] = [];
      const sub = store.subscribe({
        after: first!.position,
        handler: async (batch) => {
          seen.push(...batch.filter((e) => e.streamName === s));
        },
      });
      try {
        await sub.caughtUp;
        expect(seen.map((e) => e.type)).toEqual(['B', 'C']);
        const live = await store.append(s, [event('D')]);
        await sub.waitFor(live.position, 10_000);
        expect(seen.map((e) => e.type)).toEqual(['B', 'C', 'D']);
        expect(sub.position).toBe(live.position);
      } finally {
        await sub.close();
      }
    });

    it('delivers every event exactly once, in order, to a subscriber racing concurrent appenders', async () => {
      const writers = 8;
      const appendsPerWriter = 25;
      const run = randomUUID();
      const raceStream = (w: number) => `race-${run}-${w}`;
      const seen: RecordedEvent[] = [];
      const before = await store.headPosition();
      const sub = store.subscribe({
        ...(before === undefined ? {} : { after: before }),
        batchSize: 7,
        handler: async (batch) => {
          seen.push(...batch);
        },
      });
      try {
        const appended: string[] = [];
        let last = 0n;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < appendsPerWriter; i++) {
              const batch = [event('Race', { w, i }), ...(i % 3 === 0 ? [event('Race', { w, i, extra: true })] : [])];
              const r = await store.append(raceStream(w), batch);
              appended.push(...batch.map((e) => e.id));
              if (r.position > last) last = r.position;
            }
          }),
        );
        await sub.waitFor(last, 30_000);
        const ids = seen.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(appended));
        for (let i = 1; i < seen.length; i++) expect(seen[i]!.position > seen[i - 1]!.position).toBe(true);
        // Within each stream the subscriber sees revisions 0, 1, 2, ... with no hole.
        for (let w = 0; w < writers; w++) {
          const revisions = seen.filter((e) => e.streamName === raceStream(w)).map((e) => Number(e.streamRevision));
          expect(revisions).toEqual(revisions.map((_, i) => i));
        }
      } finally {
        await sub.close();
      }
    }, 60_000);
  });
};
