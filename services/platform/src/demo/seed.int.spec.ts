import { randomBytes } from 'node:crypto';
import { createBranchVisitService } from '@hub/branch-visits';
import { createCafeSessionService } from '@hub/cafe-sessions';
import { createCustomerSmileService, createSqlPersonalDataStore } from '@hub/customer-smile';
import { createDirectoryService } from '@hub/directory';
import { createSqlEventStore } from '@hub/event-store';
import { createPgliteDriver } from '@hub/sql';
import { createPrideService } from '@hub/pride';
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
    const customerSmile = createCustomerSmileService({ store, directory, personalData: await createSqlPersonalDataStore(db, randomBytes(32)) });
    const pride = createPrideService({ store, directory });
    const services = { directory, cafeSessions, townHalls, branchVisits, videoMessages, customerSmile, pride };
    try {
      const summary = await seedDemoCompany(services, new Date('2026-11-25T00:00:00Z'));
      expect(summary.cafeSessions).toBe(34); // twice a month for 16 months, and two upcoming
      expect(summary.townHalls).toBe(8); // every two months
      expect(summary.branches).toBeGreaterThan(74);
      expect(summary.branchVisits).toBe(summary.branches); // a cake for every branch
      const events = await store.readAll({ limit: 100_000 });
      const attended = events.filter((e) => e.type === 'CafeSessionAttendanceRecorded').map((e) => (e.data as { employeeId: string }).employeeId);
      expect(attended).toHaveLength(summary.attendances);
      expect(new Set(attended).size).toBeGreaterThan(250); // "about 300 employees met"
      expect(new Set(attended).size).toBeLessThan(330);
      // The CEO's one-year check in Banpo (서초구), satisfying the ONE_YEAR follow-up.
      const banpo = events.find((e) => e.type === 'CustomerVisited' && (e.data as { visitId: string }).visitId === 'CT-BANPO-1y');
      expect(banpo?.data).toMatchObject({ leaderIds: ['CEO'], satisfies: 'ONE_YEAR' });
      expect(summary.customers).toBeGreaterThan(80);
      expect(events.filter((e) => e.type === 'FcWeeklyActivityReported')).toHaveLength(summary.activityReports);
      const head = await store.headPosition();
      await seedDemoCompany(services, new Date('2026-11-25T00:00:00Z'));
      expect(await store.headPosition()).toBe(head);
    } finally {
      await store.close();
      await db.close();
    }
  }, 420_000); // ~6,000 commands twice; slow when every workspace's tests share two cores
});
