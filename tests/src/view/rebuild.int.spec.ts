import type { EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { ALL_PROJECTIONS, createProjector, oneEventAtATime, type Projector } from '@hub/read-model';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany, HUNDRED_THOUSAND_EVENTS, SCALES, type GeneratedCompany } from '@hub/platform/generate';
import { dumpView } from '@hub/read-model/testing';

/*
 * Rebuild from zero equals the view built incrementally, on more than 100,000 events of every
 * channel (PostgreSQL): the projector follows the store live while the data set is appended. The
 * embedded engine runs the same on a fifth of the data — single-connection PGlite takes over ten
 * minutes for 100,000 events on a 2-core machine, too long for every `npm test`.
 */
const CASES = [
  { ...SQL_ENGINES[1], size: HUNDRED_THOUSAND_EVENTS, atLeast: 100_000 },
  { ...SQL_ENGINES[0], size: SCALES.small, atLeast: 20_000 },
];

describe.each(CASES)('rebuild on $atLeast+ generated events on $name', ({ size, atLeast, ...engine }) => {
  let db: SqlDriver;
  let store: EventStore;
  let projector: Projector;
  let dispose: () => Promise<void>;
  let generated: GeneratedCompany;

  beforeAll(async () => {
    const created = await engine.create();
    db = created.db;
    store = await createSqlEventStore(db, { pollIntervalMs: 20 });
    projector = createProjector({ store, db });
    await projector.start();
    dispose = async () => {
      await projector.stop();
      await store.close();
      await created.dispose();
    };
  }, 120_000);
  afterAll(() => dispose());

  it('builds the view while events arrive, then rebuilds it from zero to the same rows', async () => {
    generated = await generateCompany(store, size);
    expect(generated.events).toBeGreaterThanOrEqual(atLeast);
    // Every event type of the hub is in the data set, so every projection is exercised.
    const { hubEventSchema } = await import('@hub/events');
    const allTypes = hubEventSchema.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(generated.byType).sort()).toEqual(allTypes);

    await projector.waitFor(await store.headPosition(), 600_000);
    const incremental = await dumpView(db);
    // The view holds what the generator wrote, counted independently of the view.
    expect(incremental.touches).toHaveLength(generated.touches);
    for (const [table, rows] of Object.entries(incremental))
      if (table !== 'dead_letters') expect(rows.length, `hub_view.${table} is empty`).toBeGreaterThan(0);
    expect(incremental.dead_letters, 'the generated company has no poison event').toEqual([]);

    const indexes = () => db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'hub_view' ORDER BY indexname`);
    const declared = await indexes();
    const stats = await projector.rebuild();
    expect(stats.applied).toBe(generated.events);
    expect(await dumpView(db)).toEqual(incremental);
    // A rebuild from zero creates the secondary indexes after the replay: all of them, as declared.
    expect(await indexes()).toEqual(declared);

    // Set-based projection leaves the same rows as every event applied alone, in order.
    await projector.stop();
    const alone = createProjector({ store, db, projections: ALL_PROJECTIONS.map(oneEventAtATime), log: () => undefined });
    expect((await alone.rebuild()).applied).toBe(generated.events);
    expect(await dumpView(db)).toEqual(incremental);
  }, 1_200_000);
});
