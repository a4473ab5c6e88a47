import { randomBytes } from 'node:crypto';
import { createBranchVisitService } from '@hub/branch-visits';
import { createCafeSessionService } from '@hub/cafe-sessions';
import { createCustomerSmileService } from '@hub/customer-smile';
import { createSqlPersonalDataStore } from '@hub/personal-data/sql';
import { createDirectoryService } from '@hub/directory';
import { createEmailLetterService } from '@hub/email-letters';
import { createSqlEventStore } from '@hub/event-store-sql';
import { createPgliteDriver } from '@hub/sql';
import { createPrideService } from '@hub/pride';
import { cafeSessionReachByOrgUnit, createProjector } from '@hub/read-model';
import { createTownHallService } from '@hub/town-halls';
import { createVideoMessageService } from '@hub/video-messages';
import { describe, expect, it } from 'vitest';
import { seedDemoCompany } from './seed';

describe('demo company', () => {
  it('tells the article’s story, obeys every rule, and seeds only once however often it runs', async () => {
    const db = await createPgliteDriver();
    const store = await createSqlEventStore(db);
    const directory = createDirectoryService(store);
    const cafeSessions = createCafeSessionService({ store, directory });
    const townHalls = createTownHallService({ store, directory });
    const branchVisits = createBranchVisitService({ store, directory });
    const videoMessages = createVideoMessageService({ store, directory });
    const customerSmile = createCustomerSmileService({
      store,
      directory,
      personalData: await createSqlPersonalDataStore(db, randomBytes(32)),
    });
    const pride = createPrideService({ store, directory });
    const emailLetters = createEmailLetterService({ store, directory });
    const services = { directory, cafeSessions, townHalls, branchVisits, videoMessages, customerSmile, pride, emailLetters };
    try {
      const summary = await seedDemoCompany(services, new Date('2026-11-25T00:00:00Z'));
      expect(summary.cafeSessions).toBe(34); // twice a month for 16 months, and two upcoming
      expect(summary.townHalls).toBe(8); // every two months
      expect(summary.branches).toBeGreaterThan(74);
      expect(summary.branchVisits).toBe(summary.branches); // a cake for every branch
      const events = await store.readAll({ limit: 100_000 });
      const attended = events
        .filter((e) => e.type === 'CafeSessionAttendanceRecorded')
        .map((e) => (e.data as { employeeId: string }).employeeId);
      expect(attended).toHaveLength(summary.attendances);
      expect(new Set(attended).size).toBeGreaterThan(250); // "about 300 employees met"
      expect(new Set(attended).size).toBeLessThan(330);
      // The CEO's one-year check in Banpo (서초구), satisfying the ONE_YEAR follow-up.
      const banpo = events.find((e) => e.type === 'CustomerVisited' && (e.data as { visitId: string }).visitId === 'CT-BANPO-1y');
      expect(banpo?.data).toMatchObject({ leaderIds: ['CEO'], satisfies: 'ONE_YEAR' });
      expect(summary.customers).toBeGreaterThan(80);
      // The CEO's letters: every one sent, and opened by some of those it reached.
      expect(events.filter((e) => e.type === 'EmailLetterSent')).toHaveLength(summary.emailLetters);
      expect(events.filter((e) => e.type === 'EmailLetterOpened').length).toBeGreaterThan(300);
      expect(events.filter((e) => e.type === 'FcWeeklyActivityReported')).toHaveLength(summary.activityReports);
      // Seeded as history: every fact at its date in the story (2014–2015, and the one-year visits of
      // late contracts in early 2016), except the two sessions still to come.
      const storyEnd = '2016-04-01T00:00:00.000Z';
      const outside = events.filter(
        (e) => e.metadata.occurredAt >= storyEnd && !String((e.data as { sessionId?: string }).sessionId).startsWith('cafe-upcoming-'),
      );
      expect(outside.map((e) => e.type)).toEqual([]);
      const hired = events.find((e) => e.type === 'EmployeeRegistered' && (e.data as { employeeId: string }).employeeId === 'CEO');
      expect(hired?.metadata.occurredAt).toBe('2014-01-31T15:00:00.000Z'); // hiredOn 2014-02-01 in Korea
      const sessionTimes = new Map(
        events
          .filter((e) => e.type === 'CafeSessionScheduled')
          .map((e) => [(e.data as { sessionId: string }).sessionId, (e.data as { scheduledAt: string }).scheduledAt]),
      );
      for (const e of events.filter((x) => x.type === 'CafeSessionAttendanceRecorded'))
        expect(e.metadata.occurredAt).toBe(sessionTimes.get((e.data as { sessionId: string }).sessionId));
      // As of 2014-12-31 the story is half told: some attendance already, not all of it.
      const byEndOf2014 = events.filter(
        (e) => e.type === 'CafeSessionAttendanceRecorded' && e.metadata.occurredAt < '2014-12-31T15:00:00.000Z',
      ).length;
      expect(byEndOf2014).toBeGreaterThan(summary.attendances * 0.5);
      expect(byEndOf2014).toBeLessThan(summary.attendances * 0.75);
      // The view at three moments: the README's table ("The model": two times), from the view itself.
      const projector = createProjector({ store, db, log: () => undefined });
      await projector.start();
      const reachAsOf = async (asOf: string | null) => {
        const [company] = await cafeSessionReachByOrgUnit(
          db,
          { from: '2014-01-01T00:00:00+09:00', to: '2016-01-01T00:00:00+09:00' },
          { orgUnitId: 'COMPANY' },
          asOf,
        );
        return [company?.eligiblePopulation, company?.reached];
      };
      expect([await reachAsOf('2014-06-30T23:59:59+09:00'), await reachAsOf('2014-12-31T23:59:59+09:00'), await reachAsOf(null)]).toEqual([
        [357, 75],
        [357, 183],
        [357, 286],
      ]);
      await projector.stop();
      const head = await store.headPosition();
      await seedDemoCompany(services, new Date('2026-11-25T00:00:00Z'));
      expect(await store.headPosition()).toBe(head);
    } finally {
      await store.close();
      await db.close();
    }
  }, 420_000); // ~6,000 commands twice; slow when every workspace's tests share two cores
});
