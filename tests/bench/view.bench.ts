import { randomBytes } from 'node:crypto';
import { koreanDayStart } from '@hub/events';
import { createSqlEventStore } from '@hub/event-store-sql';
import { createSqlPersonalDataStore } from '@hub/personal-data/sql';
import {
  branchesPage,
  cafeSessionReachByOrgUnit,
  coverage,
  coverageByMonth,
  createProjector,
  customersByIds,
  emailLettersPage,
  employeeReachByOrgUnit,
  employeesByIds,
  employeesPage,
  fcsPage,
  gaps,
  listOrgUnits,
  nextCafeGuests,
  touchesPage,
  type AsOf,
} from '@hub/read-model';
import { createPgDriver, createPgliteDriver, type SqlDriver } from '@hub/sql';
import { createTestDatabase } from '@hub/sql/testing';
import { generateCompany, HUNDRED_THOUSAND_EVENTS, SCALES, type CompanySize } from '@hub/platform/generate';
import { benchEngines, benchScale, writeBenchResults } from '../../scripts/benchGoals';

/*
 * `npm run bench` (view): the questions people ask of the view, on a generated company, at the
 * three moments they are asked at — now, as of a past business day, and known at a past record
 * moment. Each is reported as p50/p95 over repeated runs and as a ratio to a baseline measured in
 * the same run on the same connection (one employee by id), so a slower machine shifts both. Results
 * go to bench-results/view.json (single-client figures, no goal of issue #14 of their own: the
 * goal is under 20 clients, the load bench). Not a test: nothing passes or fails on time.
 * BENCH_SCALE: smoke a tiny company and 3 runs; small the generator's small company (~20,000
 * events) on both engines; medium and large ~100,000 events on PostgreSQL and the small company on
 * PGlite (in memory), 15 runs — the view's cost at millions of events is the load bench's question.
 */

const TINY: CompanySize = {
  employees: 100,
  branches: 10,
  fcsPerBranch: 5,
  cafeSessions: 10,
  townHalls: 3,
  videos: 2,
  viewsPerVideo: 50,
  customers: 100,
  activityWeeks: 4,
};
const HUNDRED_THOUSAND: CompanySize = {
  ...HUNDRED_THOUSAND_EVENTS,
  employees: Number(process.env.BENCH_EMPLOYEES ?? HUNDRED_THOUSAND_EVENTS.employees),
};
const SCALE = {
  smoke: { runs: 3, PostgreSQL: TINY, PGlite: TINY },
  small: { runs: 10, PostgreSQL: SCALES.small, PGlite: SCALES.small },
  medium: { runs: 15, PostgreSQL: HUNDRED_THOUSAND, PGlite: SCALES.small },
  large: { runs: 15, PostgreSQL: HUNDRED_THOUSAND, PGlite: SCALES.small },
}[benchScale()];
const RUNS = Number(process.env.BENCH_RUNS ?? SCALE.runs);
const SIZES = { PostgreSQL: SCALE.PostgreSQL, PGlite: SCALE.PGlite };

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const timed = async (fn: () => Promise<unknown>) => {
  await fn(); // warm: plans cached, pages in memory
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
};

const measure = async (engine: keyof typeof SIZES, db: SqlDriver) => {
  const store = await createSqlEventStore(db);
  const generated = await generateCompany(store, SIZES[engine]);
  const projector = createProjector({ store, db, log: () => undefined });
  const projectStart = Date.now();
  await projector.start();
  const projectSeconds = (Date.now() - projectStart) / 1000;

  // Customers' names live sealed in the personal-data store (the generator writes none): give each
  // a name so that search by name (blind index, then the customers by id, as the gateway asks) has
  // something to find — about one customer in 40 is a 김민지.
  const personalData = await createSqlPersonalDataStore(db, randomBytes(32));
  const [surnames, givenNames] = [
    ['김', '이', '박', '최', '정'],
    ['민지', '서연', '하준', '도윤', '지우', '예린', '수아', '시우'],
  ];
  for (let c = 0; c < SIZES[engine].customers; c++)
    await personalData.put(`C${String(c).padStart(5, '0')}`, {
      name: `${surnames[c % 5]}${givenNames[Math.floor(c / 5) % 8]}`,
      phone: '010-0000-0000',
      address: '서울',
    });
  const customerSearch = async (text: string, asOf: AsOf) => {
    const found = [];
    for (let after: string | null = null; found.length < 20;) {
      const ids = await personalData.searchByName(text, { after, limit: 100 });
      for (const c of await customersByIds(db, ids, asOf)) if (found.length < 20 && c && c.erasedOn === null) found.push(c);
      if (ids.length < 100) break;
      after = ids[ids.length - 1]!;
    }
    return found;
  };

  const recordedMidway = new Date().toISOString();
  const moments: Record<string, AsOf> = {
    now: null,
    'as of 2014-12-31': '2014-12-31T23:59:59+09:00',
    'known at load': { knownAt: recordedMidway },
  };
  const year = { from: '2014-01-01T00:00:00+09:00', to: '2015-01-01T00:00:00+09:00' };
  const byName = { by: 'NAME', direction: 'ASC' } as const;
  // The overview's trend: twelve Korean months, as the console asked them before coverageByMonth (one
  // coverage each, at once, as the gateway resolves aliases), beside coverageByMonth in the same run.
  const months = Array.from({ length: 12 }, (_, i) => `2014-${String(i + 1).padStart(2, '0')}`);
  const monthPeriod = (m: string) => ({
    from: koreanDayStart(`${m}-01`),
    to: koreanDayStart(
      m.endsWith('12') ? `${Number(m.slice(0, 4)) + 1}-01-01` : `${m.slice(0, 5)}${String(Number(m.slice(5)) + 1).padStart(2, '0')}-01`,
    ),
  });
  const questions: Record<string, (asOf: AsOf) => Promise<unknown>> = {
    'coverage: employees in 2014': (asOf) => coverage(db, 'EMPLOYEE', {}, year, {}, asOf),
    'coverage: employees 차장 or below in one department': (asOf) =>
      coverage(
        db,
        'EMPLOYEE',
        { orgUnitIds: ['D3'], grades: ['STAFF', 'ASSISTANT_MANAGER', 'MANAGER', 'DEPUTY_GENERAL_MANAGER'] },
        year,
        {},
        asOf,
      ),
    'coverage: FCs of Seoul branches': (asOf) => coverage(db, 'FC', { seoul: true }, year, {}, asOf),
    'gaps: employees not reached in 90 days (first 200)': (asOf) =>
      gaps(db, 'EMPLOYEE', {}, '2015-01-01T00:00:00+09:00', 90, {}, 200, asOf),
    'café reach by org unit (company root)': (asOf) => cafeSessionReachByOrgUnit(db, year, {}, asOf),
    'employees page by last touch (first 50)': (asOf) =>
      employeesPage(db, {}, { by: 'LAST_TOUCHED_AT', direction: 'ASC' }, { first: 50 }, asOf),
    'FCs page (first 50)': (asOf) => fcsPage(db, {}, byName, { first: 50 }, asOf),
    'branches page with FC counts (first 50)': (asOf) => branchesPage(db, {}, byName, { first: 50 }, asOf),
    'touches page (first 50)': (asOf) => touchesPage(db, {}, { first: 50 }, asOf),
    'org tree': (asOf) => listOrgUnits(db, asOf),
    'employee reach by org unit (all channels)': (asOf) => employeeReachByOrgUnit(db, year, {}, asOf),
    'trend: 12 × coverage, one per month (employees)': (asOf) =>
      Promise.all(months.map((m) => coverage(db, 'EMPLOYEE', {}, monthPeriod(m), {}, asOf))),
    'trend: 12 × coverage, one per month (FCs)': (asOf) => Promise.all(months.map((m) => coverage(db, 'FC', {}, monthPeriod(m), {}, asOf))),
    'trend: coverageByMonth, 12 months (employees)': (asOf) =>
      coverageByMonth(db, 'EMPLOYEE', {}, { fromMonth: '2014-01', toMonth: '2014-12' }, {}, asOf),
    'trend: coverageByMonth, 12 months (FCs)': (asOf) =>
      coverageByMonth(db, 'FC', {}, { fromMonth: '2014-01', toMonth: '2014-12' }, {}, asOf),
    'e-mail letters page (first 20)': (asOf) => emailLettersPage(db, {}, { first: 20 }, asOf),
    'customer search by name "김민지" (first 20)': (asOf) => customerSearch('김민지', asOf),
    // The console's other questions: the guest list HR calls, and directory search by name and number.
    'next café guests (12, no session)': (asOf) => nextCafeGuests(db, { count: 12 }, asOf),
    'directory search: employees named "사람12" (first 20)': (asOf) =>
      employeesPage(db, { search: '사람12' }, { by: 'NAME', direction: 'ASC' }, { first: 20 }, asOf),
    'directory search: FCs by number "FB01" (first 20)': (asOf) => fcsPage(db, { search: 'FB01' }, byName, { first: 20 }, asOf),
  };

  const baseline = await timed(() => employeesByIds(db, ['E00001'], null));
  const results = [];
  for (const [question, ask] of Object.entries(questions)) {
    for (const [moment, asOf] of Object.entries(moments)) {
      const t = await timed(() => ask(asOf));
      results.push({
        question,
        moment,
        p50Ms: Number(t.p50.toFixed(2)),
        p95Ms: Number(t.p95.toFixed(2)),
        p95ToBaseline: Number((t.p95 / baseline.p95).toFixed(1)),
      });
    }
  }
  await projector.stop();
  await store.close();
  return { engine, events: generated.events, projectSeconds, baselineP95Ms: Number(baseline.p95.toFixed(2)), results };
};

// BENCH_ENGINE=postgres (or pglite) runs one engine only; both by default.
const engines = benchEngines();
const runs = [];
if (engines.includes('PostgreSQL')) {
  const database = await createTestDatabase('bench_view');
  try {
    const db = createPgDriver(database.url, { max: 4 });
    runs.push(await measure('PostgreSQL', db));
    await db.close();
  } finally {
    await database.drop();
  }
}
if (engines.includes('PGlite')) {
  const pglite = await createPgliteDriver();
  runs.push(await measure('PGlite', pglite));
  await pglite.close();
}

for (const run of runs) {
  console.log(
    `\n${run.engine}: ${run.events} events, projected in ${run.projectSeconds.toFixed(1)} s; baseline (one employee by id) p95 ${run.baselineP95Ms} ms`,
  );
  console.table(run.results);
}
const file = writeBenchResults('view', { benchmark: 'view queries at three moments', runs }, []);
console.log(`\nwritten to ${file}`);
