import { createSqlEventStore } from '@hub/event-store-sql';
import { generateCompany } from '@hub/platform/generate';
import {
  asOfParam,
  asOfSql,
  createProjector,
  gaps,
  periodTouchesSql,
  populationSql,
  wholeMonthsOf,
  type AsOf,
  type ReachPeriod,
} from '@hub/read-model';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Reach reads whole months from touch_months (folded by a trigger as touches are inserted) and the
 * rest from the touches. On a generated company, for periods of every shape (the console's whole
 * months, quarters and years; days; arbitrary instants) and every moment (now; a business moment
 * inside the period, so months hold touches not yet happened then; a record moment in the middle
 * of the recording), those rows summed per person, channel and leader equal the touches counted
 * one by one.
 */
const SIZE = {
  employees: 120,
  branches: 6,
  fcsPerBranch: 5,
  cafeSessions: 14,
  townHalls: 4,
  videos: 3,
  viewsPerVideo: 60,
  customers: 100,
  activityWeeks: 12,
};
const KINDS = ['EMPLOYEE', 'FC', 'CUSTOMER'] as const;
const CHANNELS = [null, 'CAFE_SESSION', 'TOWN_HALL', 'VIDEO_MESSAGE', 'CUSTOMER_VISIT', 'PRIDE'] as const;

describe.each(SQL_ENGINES)('touches of a period, whole months folded, on $name', (engine) => {
  let db: SqlDriver;
  let dispose: () => Promise<void>;
  let span: { first: number; last: number; recordedMiddle: string };
  let leaders: string[];

  beforeAll(async () => {
    const created = await engine.create();
    db = created.db;
    const store = await createSqlEventStore(db, { pollIntervalMs: 20 });
    const projector = createProjector({ store, db, log: () => undefined });
    // Projected while it is written: the trigger folds each batch as it lands.
    await projector.start();
    await generateCompany(store, SIZE);
    await projector.waitFor(await store.headPosition(), 240_000);
    const [row] = await db.query<{ first: Date; last: Date; recorded_middle: string }>(
      `SELECT min(touched_at) AS first, max(touched_at) AS last,
              (SELECT recorded_at::text FROM hub_view.touches ORDER BY recorded_at OFFSET (SELECT count(*) / 2 FROM hub_view.touches) LIMIT 1) AS recorded_middle
       FROM hub_view.touches`,
    );
    leaders = (
      await db.query<{ leader_id: string }>(
        `SELECT DISTINCT leader_id FROM hub_view.touches WHERE leader_id IS NOT NULL ORDER BY 1 LIMIT 6`,
      )
    ).map((r) => r.leader_id);
    span = {
      first: new Date(row!.first).getTime(),
      last: new Date(row!.last).getTime(),
      recordedMiddle: new Date(row!.recorded_middle).toISOString(),
    };
    dispose = async () => {
      await projector.stop();
      await store.close();
      await created.dispose();
    };
  }, 300_000);
  afterAll(() => dispose());

  const folded = async (kind: string, period: ReachPeriod, asOf: AsOf, channel: string | null, leader: string | null = null) => {
    const params: unknown[] = [period.from, period.to, asOfParam(asOf), kind, channel, leader];
    const sql = periodTouchesSql(params, { kind: '$4', from: '$1', to: '$2', asOf: 3, channel: '$5', leader: '$6' }, period);
    return db.query(
      `SELECT person_id, channel, leader_id, sum(touches)::int AS touches, max(last) AS last FROM (${sql}) t GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      params,
    );
  };
  const counted = (kind: string, period: ReachPeriod, asOf: AsOf, channel: string | null, leader: string | null = null) =>
    db.query(
      `SELECT person_id, channel, leader_id, count(*)::int AS touches, max(touched_at) AS last FROM hub_view.touches t
       WHERE person_kind = $4 AND touched_at >= $1::timestamptz AND touched_at < $2::timestamptz AND ${asOfSql('t', 3)}
         AND ($5::text IS NULL OR channel = $5) AND ($6::text IS NULL OR leader_id = $6)
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [period.from, period.to, asOfParam(asOf), kind, channel, leader],
    );

  it('gives what counting the touches gives, for every shape of period and every moment', async () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed / 2 ** 31);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const instantIn = (from: number, to: number) => new Date(from + Math.floor(random() * (to - from))).toISOString();
    const koreanMonthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - 9 * 3_600_000).toISOString();
    const periodOf = (shape: string): ReachPeriod => {
      const start = new Date(instantIn(span.first - 40 * 86_400_000, span.last));
      const [y, m] = [start.getUTCFullYear(), start.getUTCMonth()];
      if (shape === 'month') return { from: koreanMonthStart(y, m), to: koreanMonthStart(y, m + 1) };
      if (shape === 'quarter') return { from: koreanMonthStart(y, m - (m % 3)), to: koreanMonthStart(y, m - (m % 3) + 3) };
      if (shape === 'year') return { from: koreanMonthStart(y, 0), to: koreanMonthStart(y + 1, 0) };
      if (shape === 'days') {
        const from = new Date(Date.UTC(y, m, start.getUTCDate()) - 9 * 3_600_000);
        return { from: from.toISOString(), to: new Date(from.getTime() + pick([7, 30, 45, 91]) * 86_400_000).toISOString() };
      }
      return { from: start.toISOString(), to: instantIn(start.getTime() + 3_600_000, start.getTime() + 120 * 86_400_000) };
    };
    const shapes = new Set<string>();
    let foldedMonths = 0;
    let unseenMonths = 0;
    for (let i = 0; i < 60; i++) {
      const shape = pick(['month', 'quarter', 'year', 'days', 'instants']);
      const period = periodOf(shape);
      const moment = pick(['now', 'at', 'knownAt']);
      const asOf: AsOf =
        moment === 'now'
          ? null
          : moment === 'at'
            ? instantIn(Date.parse(period.from), Date.parse(period.to))
            : { knownAt: span.recordedMiddle };
      const kind = pick(KINDS);
      const channel = pick(CHANNELS);
      const leader = pick([null, null, ...leaders]);
      expect(
        await folded(kind, period, asOf, channel, leader),
        `${kind} ${channel} ${leader} ${JSON.stringify(period)} as of ${JSON.stringify(asOf)}`,
      ).toEqual(await counted(kind, period, asOf, channel, leader));
      const months = wholeMonthsOf(period);
      if (months) {
        shapes.add(shape);
        const [row] = await db.query<{ rows: number; unseen: number }>(
          `SELECT count(*)::int AS rows, count(*) FILTER (WHERE NOT (max_occurred_at <= ($3::timestamptz[])[1] AND max_recorded_at <= ($3::timestamptz[])[2]))::int AS unseen
           FROM hub_view.touch_months WHERE person_kind = $4 AND month >= $1::date AND month < $2::date`,
          [months.fromMonth, months.toMonth, asOfParam(asOf), kind],
        );
        foldedMonths += row!.rows;
        unseenMonths += row!.unseen;
      }
    }
    // The cases reached both roads: month rows taken as they are, and months read touch by touch.
    expect(shapes.size).toBeGreaterThanOrEqual(3);
    expect(foldedMonths).toBeGreaterThan(0);
    expect(unseenMonths).toBeGreaterThan(0);
  }, 300_000);

  it('lists as gaps exactly the people whose last touch before the moment is older than the window', async () => {
    let seed = 5;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed / 2 ** 31);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    let listed = 0;
    for (let i = 0; i < 30; i++) {
      const at = new Date(span.first + Math.floor(random() * (span.last + 40 * 86_400_000 - span.first))).toISOString();
      const days = pick([7, 30, 60, 90, 180]);
      const kind = pick(KINDS);
      const channel = pick(CHANNELS);
      const moment = pick(['now', 'at', 'knownAt']);
      const asOf: AsOf = moment === 'now' ? null : moment === 'at' ? at : { knownAt: span.recordedMiddle };
      // The definition, person by person: the last touch before `at`, a gap when none or older than the window.
      const params: unknown[] = [at, at, asOfParam(asOf)];
      const population = populationSql(kind, {}, params, asOf);
      params.push(kind, channel);
      const [k, ch] = [params.length - 1, params.length];
      const expected = await db.query<{ person_id: string; last: Date | null }>(
        `SELECT pop.person_id, (SELECT max(t.touched_at) FROM hub_view.touches t WHERE t.person_id = pop.person_id AND t.person_kind = $${k}
           AND t.touched_at < $1::timestamptz AND ${asOfSql('t', 3)} AND ($${ch}::text IS NULL OR t.channel = $${ch})) AS last
         FROM (${population}) pop`,
        params,
      );
      const gapsByDefinition = expected
        .filter((r) => r.last === null || new Date(r.last).getTime() < Date.parse(at) - days * 86_400_000)
        .map((r) => ({ personId: r.person_id, lastTouchedAt: r.last === null ? null : new Date(r.last).toISOString() }))
        .sort((a, b) => (a.lastTouchedAt ?? '').localeCompare(b.lastTouchedAt ?? '') || a.personId.localeCompare(b.personId));
      const listedNow = await gaps(db, kind, {}, at, days, { channel }, 100_000, asOf);
      expect(listedNow.total).toBe(gapsByDefinition.length);
      expect(listedNow.rows.map(({ personId, lastTouchedAt }) => ({ personId, lastTouchedAt }))).toEqual(gapsByDefinition);
      listed += listedNow.rows.filter((r) => r.lastTouchedAt !== null).length;
    }
    // Not only people never reached: gaps with a last touch were listed too.
    expect(listed).toBeGreaterThan(0);
  }, 300_000);

  it('reads whole months from the touches while the months are not folded (a rebuild from zero replaying)', async () => {
    const year = new Date(span.first + 200 * 86_400_000).getUTCFullYear();
    const period = {
      from: new Date(Date.UTC(year, 0, 1) - 9 * 3_600_000).toISOString(),
      to: new Date(Date.UTC(year + 1, 0, 1) - 9 * 3_600_000).toISOString(),
    };
    const expected = await counted('EMPLOYEE', period, null, null);
    expect(expected.length).toBeGreaterThan(0);
    await db
      .transaction(async (tx) => {
        // As a rebuild from zero leaves it until its replay is done: no trigger, no month rows.
        await tx.exec('DROP TRIGGER fold_touch_months ON hub_view.touches');
        await tx.exec('DELETE FROM hub_view.touch_months');
        const params: unknown[] = [period.from, period.to, asOfParam(null), 'EMPLOYEE'];
        const sql = periodTouchesSql(params, { kind: '$4', from: '$1', to: '$2', asOf: 3, channel: 'NULL', leader: 'NULL' }, period);
        expect(
          await tx.query(
            `SELECT person_id, channel, leader_id, sum(touches)::int AS touches, max(last) AS last FROM (${sql}) t GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
            params,
          ),
        ).toEqual(expected);
        // Left as it was: the transaction is rolled back.
        await tx.exec('SELECT 1/0');
      })
      .catch((e: Error) => expect(e.message).toMatch(/division by zero/));
    expect(await folded('EMPLOYEE', period, null, null)).toEqual(expected);
  });

  it('names the whole months of a period in Korea', () => {
    // March 2015 in Korea begins 2015-02-28T15:00Z.
    expect(wholeMonthsOf({ from: '2015-02-28T15:00:00.000Z', to: '2015-03-31T15:00:00.000Z' })).toEqual({
      fromMonth: '2015-03-01',
      toMonth: '2015-04-01',
      from: '2015-02-28T15:00:00.000Z',
      to: '2015-03-31T15:00:00.000Z',
    });
    // A minute late: March is no longer whole; April–May are.
    expect(wholeMonthsOf({ from: '2015-02-28T15:01:00.000Z', to: '2015-05-31T15:00:00.000Z' })).toEqual({
      fromMonth: '2015-04-01',
      toMonth: '2015-06-01',
      from: '2015-03-31T15:00:00.000Z',
      to: '2015-05-31T15:00:00.000Z',
    });
    expect(wholeMonthsOf({ from: '2015-03-05T00:00:00.000Z', to: '2015-04-20T00:00:00.000Z' })).toBeNull();
  });
});
