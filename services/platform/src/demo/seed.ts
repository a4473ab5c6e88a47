import type { BranchVisitService } from '@hub/branch-visits';
import type { CafeSessionService } from '@hub/cafe-sessions';
import type { EmailLetterService } from '@hub/email-letters';
import type { PrideService } from '@hub/pride';
import type { TownHallService } from '@hub/town-halls';
import type { VideoMessageService } from '@hub/video-messages';
import { seedBranchVisits } from './branchVisits';
import { seedCafeSessions, seedUpcomingCafeSessions } from './cafeSessions';
import { seedCustomerSmile, type DemoCustomerSmile } from './customerSmile';
import { seedDirectory, type DemoDirectory } from './directory';
import { seedEmailLetters } from './letters';
import { seedPrideActivity } from './pride';
import { prng, type DemoStory } from './story';
import { seedTownHalls } from './townHalls';
import { seedVideoMessages } from './videoMessages';

export { DEMO_DIVISIONS, DEMO_ORG_UNITS } from './story';

/*
 * The demo company, after the 2015 article: the CEO took office in February 2014 and has held a
 * café session (톡톡타임) twice a month since, ten employees of grade 차장 or below each time —
 * about 300 people by mid-2015. Deterministic: the same company on every machine. One module per
 * channel beside this one; they walk one random sequence in this order.
 */

export interface DemoSeedServices {
  directory: DemoDirectory;
  cafeSessions: CafeSessionService;
  townHalls: TownHallService;
  branchVisits: BranchVisitService;
  videoMessages: VideoMessageService;
  customerSmile: DemoCustomerSmile;
  pride: PrideService;
  emailLetters: EmailLetterService;
}

export interface DemoSummary {
  employees: number;
  branches: number;
  fcs: number;
  cafeSessions: number;
  attendances: number;
  townHalls: number;
  branchVisits: number;
  videoMessages: number;
  customers: number;
  customerVisits: number;
  activityReports: number;
  emailLetters: number;
}

/**
 * Seeded as history: every fact at its date in the story (facts dated by their own data — hiredOn,
 * signedOn, weekOf … — take it from there). Every command carries a deterministic command id, so
 * seeding twice records everything once.
 */
export const seedDemoCompany = async (services: DemoSeedServices, now = new Date()): Promise<DemoSummary> => {
  const story: DemoStory = {
    random: prng(20_150_701),
    ctx: (commandId, occurredAt) => ({ actor: 'system:demo-seed', commandId: `demo:${commandId}`, ...(occurredAt ? { occurredAt } : {}) }),
    now,
  };
  const { branchFcs, eligible, employeesByUnit, employees, branches, fcs } = await seedDirectory(services.directory, story);
  const cafe = await seedCafeSessions(services.cafeSessions, eligible, story);
  const townHalls = await seedTownHalls(services.townHalls, eligible, cafe.queue, story);
  const branchVisits = await seedBranchVisits(services.branchVisits, branchFcs, story);
  const videoMessages = await seedVideoMessages(services.videoMessages, eligible, branchFcs, story);
  const { customers, customerVisits } = await seedCustomerSmile(services.customerSmile, branchFcs, story);
  const activityReports = await seedPrideActivity(services.pride, branchFcs, story);
  const emailLetters = await seedEmailLetters(services.emailLetters, employeesByUnit, branchFcs, story);
  const upcoming = await seedUpcomingCafeSessions(services.cafeSessions, cafe.queue, story);
  return {
    employees,
    branches,
    fcs,
    cafeSessions: cafe.sessions + upcoming,
    attendances: cafe.attendances,
    townHalls,
    branchVisits,
    videoMessages,
    customers,
    customerVisits,
    activityReports,
    emailLetters,
  };
};
