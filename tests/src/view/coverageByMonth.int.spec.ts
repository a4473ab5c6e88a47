import { createSqlEventStore } from '@hub/event-store-sql';
import { koreanDayStart } from '@hub/events';
import { generateCompany } from '@hub/platform/generate';
import {
  coverage,
  coverageByMonth,
  createProjector,
  type AsOf,
  type CoverageFilter,
  type PopulationKind,
  type Segment,
} from '@hub/read-model';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Reach per month is `coverage` asked of each month: on a small generated company (hires, leaves,
 * transfers, every channel), for each population, segment, channel, leader and moment below, every
 * month's population, reached and touches equal what `coverage` says of that Korean month alone.
 */
const SIZE = {
  employees: 150,
  branches: 8,
  fcsPerBranch: 5,
  cafeSessions: 16,
  townHalls: 4,
  videos: 2,
  viewsPerVideo: 40,
  customers: 120,
  activityWeeks: 10,
};

describe.each(SQL_ENGINES)('coverage by month on $name', (engine) => {
  let db: SqlDriver;
  let dispose: () => Promise<void>;
  let recordedBefore: string;

  beforeAll(async () => {
    const created = await engine.create();
    db = created.db;
    const store = await createSqlEventStore(db, { pollIntervalMs: 20 });
    await generateCompany(store, SIZE);
    recordedBefore = new Date().toISOString();
    const projector = createProjector({ store, db, log: () => undefined });
    await projector.start();
    dispose = async () => {
      await projector.stop();
      await store.close();
      await created.dispose();
    };
  }, 240_000);
  afterAll(() => dispose());

  const monthStart = (m: string) => koreanDayStart(`${m}-01`);
  const plusMonth = (m: string) => {
    const [y, n] = [Number(m.slice(0, 4)), Number(m.slice(5))];
    return n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, '0')}`;
  };

  const QUESTIONS: { name: string; kind: PopulationKind; segment: Segment; filter?: CoverageFilter; asOf?: AsOf }[] = [
    { name: 'all employees', kind: 'EMPLOYEE', segment: {} },
    { name: 'employees 차장 or below of one division', kind: 'EMPLOYEE', segment: { orgUnitIds: ['D1'], grades: ['STAFF', 'MANAGER'] } },
    { name: 'employees hired 1 to 3 years before each month’s end', kind: 'EMPLOYEE', segment: { tenure: 'ONE_TO_3_YEARS' } },
    { name: 'employees met at café sessions', kind: 'EMPLOYEE', segment: {}, filter: { channel: 'CAFE_SESSION' } },
    { name: 'employees met by the CEO', kind: 'EMPLOYEE', segment: {}, filter: { leaderId: 'CEO' } },
    { name: 'employees as of a past business moment', kind: 'EMPLOYEE', segment: {}, asOf: '2014-08-15T00:00:00+09:00' },
    { name: 'employees known at a past record moment', kind: 'EMPLOYEE', segment: {}, asOf: { knownAt: 'RECORDED_BEFORE' } },
    { name: 'all FCs', kind: 'FC', segment: {} },
    { name: 'FCs of Seoul branches, in PRIDE', kind: 'FC', segment: { seoul: true, pride: true } },
    { name: 'FCs under a year', kind: 'FC', segment: { tenure: 'UNDER_1_YEAR' } },
    { name: 'all customers', kind: 'CUSTOMER', segment: {} },
    { name: 'customers of Seoul branches', kind: 'CUSTOMER', segment: { seoul: true } },
  ];

  it.each(QUESTIONS)('$name: each month as coverage of that month', async ({ kind, segment, filter = {}, asOf }) => {
    const moment = typeof asOf === 'object' && asOf?.knownAt === 'RECORDED_BEFORE' ? { knownAt: recordedBefore } : asOf;
    const months = await coverageByMonth(db, kind, segment, { fromMonth: '2013-11', toMonth: '2015-04' }, filter, moment);
    expect(months.map((m) => m.month)).toEqual(
      Array.from({ length: 18 }, (_, i) => {
        let m = '2013-11';
        for (let k = 0; k < i; k++) m = plusMonth(m);
        return m;
      }),
    );
    for (const m of months) {
      const alone = await coverage(db, kind, segment, { from: monthStart(m.month), to: monthStart(plusMonth(m.month)) }, filter, moment);
      expect({ month: m.month, from: m.from, to: m.to, population: m.population, reached: m.reached, touches: m.touches }).toEqual({
        month: m.month,
        from: monthStart(m.month),
        to: monthStart(plusMonth(m.month)),
        population: alone.population,
        reached: alone.reached,
        touches: alone.touches,
      });
      expect(m.reachRate).toBeCloseTo(alone.reachRate, 12);
    }
    // Not a comparison of empty months: someone is reached in some month.
    if (moment === undefined && segment.tenure === undefined) expect(months.some((m) => m.reached > 0)).toBe(true);
  });

  it('refuses months that are not months, backwards or too many', async () => {
    const ask = (fromMonth: string, toMonth: string) => coverageByMonth(db, 'EMPLOYEE', {}, { fromMonth, toMonth });
    await expect(ask('2015-13', '2015-12')).rejects.toThrow(/fromMonth must be a month as YYYY-MM/);
    await expect(ask('2015-01', '2015-1')).rejects.toThrow(/toMonth must be a month as YYYY-MM/);
    await expect(ask('2015-03', '2015-02')).rejects.toThrow(/fromMonth must not be after toMonth/);
    await expect(ask('2012-01', '2015-01')).rejects.toThrow(/at most 36 months/);
    expect(await ask('2012-01', '2014-12')).toHaveLength(36);
  });
});
