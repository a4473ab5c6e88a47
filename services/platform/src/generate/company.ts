import { FOLLOW_UP_KINDS, SCHEMA_VERSION, type HubEvent } from '@hub/events';
import { deterministicUuid, type EventStore } from '@hub/event-store';

/*
 * A large, valid, deterministic company history across every channel (the same seed gives the same
 * events, ids included), appended straight to the store stream by stream (no command handling, so
 * 100,000 events take seconds, not minutes). Every event is valid and
 * the projector validates each with the union — though not every one the services would decide
 * today (FCs keep their first branch and report after leaving; promoted 부장 still attend café
 * sessions). `npm run generate` writes one into the configured store; the tests and benchmarks call
 * it directly. Its cadences are denser than the brief's (a café session every two days, a town hall
 * every twenty) so that a few years hold millions of events.
 */

/** mulberry32: 32-bit integer arithmetic only (Math.imul), so every seed has its own long sequence. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

export interface GeneratedCompany {
  events: number;
  /** Touches the view must hold, counted from what was generated (not from the view). */
  touches: number;
  byType: Record<string, number>;
}

const pad = (n: number, width = 5) => String(n).padStart(width, '0');
const day = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const instant = (base: string, days: number, hour = 6) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000 + hour * 3_600_000).toISOString();

/** When a generated event happened, from its own date (Korean calendar days start at 00:00 KST). */
const businessTime = (e: HubEvent): string | undefined => {
  const d = e.data as Record<string, unknown>;
  for (const key of ['scheduledAt', 'visitedAt', 'viewedAt', 'publishedAt', 'raisedAt', 'answeredAt', 'sentAt', 'openedAt'])
    if (typeof d[key] === 'string') return new Date(d[key] as string).toISOString();
  for (const key of ['effectiveOn', 'leftOn', 'hiredOn', 'since', 'signedOn', 'registeredOn', 'weekOf', 'completedOn', 'erasedOn']) {
    if (typeof d[key] === 'string') return new Date(`${d[key] as string}T00:00:00+09:00`).toISOString();
  }
  return undefined;
};

export interface CompanySize {
  employees: number;
  branches: number;
  fcsPerBranch: number;
  cafeSessions: number;
  townHalls: number;
  videos: number;
  viewsPerVideo: number;
  customers: number;
  activityWeeks: number;
}

/** `npm run generate -- --scale …`: small for tests, medium and large for the benchmarks (event counts approximate). */
export const SCALES = {
  /** ~20,000 events. */
  small: {
    employees: 600,
    branches: 40,
    fcsPerBranch: 12,
    cafeSessions: 60,
    townHalls: 10,
    videos: 5,
    viewsPerVideo: 250,
    customers: 600,
    activityWeeks: 20,
  },
  /** ~500,000 events. */
  medium: {
    employees: 5_000,
    branches: 150,
    fcsPerBranch: 20,
    cafeSessions: 800,
    townHalls: 60,
    videos: 50,
    viewsPerVideo: 3_000,
    customers: 30_000,
    activityWeeks: 52,
  },
  /** ~5,000,000 events: about 10,000 employees, 6,000 FCs and 300,000 customers. */
  large: {
    employees: 10_000,
    branches: 300,
    fcsPerBranch: 20,
    cafeSessions: 1_600,
    townHalls: 100,
    videos: 200,
    viewsPerVideo: 14_000,
    customers: 300_000,
    activityWeeks: 156,
  },
} as const satisfies Record<string, CompanySize>;
export type Scale = keyof typeof SCALES;

/** ~100,000 events of every type: the specs that need more than the small company, and the view bench. */
export const HUNDRED_THOUSAND_EVENTS: CompanySize = {
  employees: 3000,
  branches: 120,
  fcsPerBranch: 20,
  cafeSessions: 300,
  townHalls: 40,
  videos: 20,
  viewsPerVideo: 300,
  customers: 3000,
  activityWeeks: 20,
};

export const generateCompany = async (
  store: Pick<EventStore, 'append'>,
  size: CompanySize,
  options: {
    seed?: number;
    onProgress?: (eventsWritten: number) => void;
    /**
     * Appends in flight at once (default 1: one after another). More write faster on a server; the
     * events and their ids are the same, only their global order varies between runs (every stream
     * still in order, and a video or letter is written before its views or opens).
     */
    concurrency?: number;
  } = {},
): Promise<GeneratedCompany> => {
  const seed = options.seed ?? 42;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const result: GeneratedCompany = { events: 0, touches: 0, byType: {} };
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  /** Every append issued so far has been written (the projection of what follows depends on them). */
  const settle = async () => {
    await Promise.all(inFlight);
    if (failure) throw failure.error;
  };
  const append = async (stream: string, events: HubEvent[]) => {
    let previous = '2013-12-01T00:00:00.000Z';
    const write = store
      .append(
        stream,
        events.map((e, i) => {
          // Business time as the services would stamp it; a fact without a date of its own (an
          // invitation, an attendance) happened when the one before it in the stream did.
          previous = businessTime(e) ?? previous;
          return {
            id: deterministicUuid(`generated:${seed}:${stream}:${i}`), // the same seed, the same events
            type: e.type,
            data: e.data,
            metadata: {
              correlationId: 'generated',
              causationId: 'generated',
              actor: 'generator',
              occurredAt: previous,
              schemaVersion: SCHEMA_VERSION,
            },
          };
        }),
      )
      .then(() => {
        result.events += events.length;
        for (const e of events) result.byType[e.type] = (result.byType[e.type] ?? 0) + 1;
        options.onProgress?.(result.events);
      });
    if (concurrency === 1) return write;
    const tracked = write.catch((error: unknown) => void (failure ??= { error })).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure.error;
  };

  // The directory.
  const units = ['HQ', ...Array.from({ length: 20 }, (_, i) => `D${i}`)];
  await append('orgUnit-HQ', [
    { type: 'OrgUnitDefined', data: { orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION', parentId: null } },
  ]);
  for (const u of units.slice(1))
    await append(`orgUnit-${u}`, [
      { type: 'OrgUnitDefined', data: { orgUnitId: u, name: `Dept ${u}`, kind: 'DEPARTMENT', parentId: 'HQ' } },
    ]);
  const leaders = ['CEO', 'CFO', 'CSO', 'CHRO'];
  const employees: string[] = [];
  for (const [i, id] of [...leaders, ...Array.from({ length: size.employees }, (_, i) => `E${pad(i)}`)].entries()) {
    const leader = i < leaders.length;
    if (!leader) employees.push(id);
    const events: HubEvent[] = [
      {
        type: 'EmployeeRegistered',
        data: {
          employeeId: id,
          name: `사람${i}`,
          grade: leader ? 'EXECUTIVE' : pick(['STAFF', 'ASSISTANT_MANAGER', 'MANAGER', 'DEPUTY_GENERAL_MANAGER'] as const),
          orgUnitId: leader ? 'HQ' : pick(units.slice(1)),
          region: pick(['Seoul', 'Busan', 'Daegu']),
          title: leader ? id : null,
          hiredOn: day('2005-01-03', Math.floor(random() * 3000)),
        },
      },
    ];
    if (!leader && random() < 0.1)
      events.push({ type: 'EmployeePromoted', data: { employeeId: id, grade: 'GENERAL_MANAGER', effectiveOn: '2014-07-01' } });
    if (!leader && random() < 0.06)
      events.push({
        type: 'EmployeeTransferred',
        data: { employeeId: id, orgUnitId: pick(units.slice(1)), region: 'Seoul', effectiveOn: '2014-09-01' },
      });
    if (!leader && random() < 0.03) events.push({ type: 'EmployeeLeft', data: { employeeId: id, leftOn: '2015-02-28' } });
    await append(`employee-${id}`, events);
  }
  const branches: { id: string; fcs: string[] }[] = [];
  for (let b = 0; b < size.branches; b++) {
    const id = `B${pad(b, 3)}`;
    const events: HubEvent[] = [
      {
        type: 'BranchRegistered',
        data: {
          branchId: id,
          name: `지점 ${b}`,
          region: b % 3 ? 'Seoul' : 'Busan',
          district: pick(['서초구', '강남구', '해운대구']),
          seoul: b % 3 !== 0,
        },
      },
    ];
    if (b % 6 === 1) events.push({ type: 'BranchEnrolledInPride', data: { branchId: id, since: '2014-07-01' } });
    await append(`branch-${id}`, events);
    const fcs: string[] = [];
    for (let f = 0; f < size.fcsPerBranch; f++) {
      const fcId = `F${id}-${f}`;
      fcs.push(fcId);
      const fcEvents: HubEvent[] = [{ type: 'FcRegistered', data: { fcId, name: `설계사${b}-${f}`, branchId: id, hiredOn: '2010-01-04' } }];
      if (random() < 0.02) fcEvents.push({ type: 'FcLeft', data: { fcId, leftOn: '2015-12-31' } });
      else if (b > 0 && random() < 0.03)
        fcEvents.push({ type: 'FcTransferred', data: { fcId, branchId: `B${pad(b - 1, 3)}`, effectiveOn: '2014-10-01' } });
      await append(`fc-${fcId}`, fcEvents);
    }
    branches.push({ id, fcs });
  }

  // Café sessions: ten guests, questions, answers, a follow-up; some cancelled.
  for (let s = 0; s < size.cafeSessions; s++) {
    const sessionId = `CS${pad(s)}`;
    const at = instant('2014-03-01', s * 2);
    const guests = Array.from({ length: 10 }, () => pick(employees)).filter((g, i, all) => all.indexOf(g) === i);
    const events: HubEvent[] = [
      { type: 'CafeSessionScheduled', data: { sessionId, scheduledAt: at, venue: 'Café', hostIds: ['CEO'], capacity: 12 } },
    ];
    if (s % 25 === 24) {
      events.push({ type: 'CafeSessionCancelled', data: { sessionId, reason: 'Board meeting' } });
    } else {
      for (const g of guests) events.push({ type: 'EmployeeInvitedToCafeSession', data: { sessionId, employeeId: g } });
      for (const g of guests) events.push({ type: 'CafeSessionAttendanceRecorded', data: { sessionId, employeeId: g, walkIn: false } });
      result.touches += guests.length;
      for (let q = 0; q < 3; q++) {
        const questionId = `${sessionId}-Q${q}`;
        events.push({
          type: 'CafeSessionQuestionRaised',
          data: {
            sessionId,
            questionId,
            topic: 'Career',
            text: 'How do I grow here?',
            anonymous: q === 0,
            askedBy: q === 0 ? null : guests[q]!,
            raisedAt: at,
          },
        });
        if (q < 2)
          events.push({
            type: 'CafeSessionQuestionAnswered',
            data: { sessionId, questionId, answeredBy: 'CEO', mode: 'LIVE', answer: 'Like this.', answeredAt: at },
          });
      }
      events.push({
        type: 'CafeSessionFollowUpAssigned',
        data: {
          sessionId,
          followUpId: `${sessionId}-F`,
          questionId: `${sessionId}-Q2`,
          description: 'Check',
          ownerId: 'CHRO',
          dueOn: day(at.slice(0, 10), 30),
        },
      });
      if (s % 2)
        events.push({
          type: 'CafeSessionFollowUpCompleted',
          data: { sessionId, followUpId: `${sessionId}-F`, completedOn: day(at.slice(0, 10), 20), note: null },
        });
    }
    await append(`cafeSession-${sessionId}`, events);
  }

  // Town halls: attendance by name and by head count, questions, feedback.
  for (let h = 0; h < size.townHalls; h++) {
    const townHallId = `TH${pad(h, 3)}`;
    const at = instant('2014-02-01', h * 20, 9);
    const presenters = ['CEO', pick(employees)];
    const events: HubEvent[] = [
      {
        type: 'TownHallScheduled',
        data: {
          townHallId,
          scheduledAt: at,
          format: pick(['TALK_CONCERT', 'CHIMAEK', 'LECTURE'] as const),
          theme: `Theme ${h}`,
          venue: 'Hall',
          presenterIds: presenters,
        },
      },
    ];
    if (h % 10 === 9) {
      await append(`townHall-${townHallId}`, [...events, { type: 'TownHallCancelled', data: { townHallId, reason: 'Typhoon' } }]);
      continue;
    }
    const attendees = Array.from({ length: 400 }, () => pick(employees)).filter((g, i, all) => all.indexOf(g) === i);
    for (const a of attendees) {
      events.push({ type: 'TownHallAttendanceRecorded', data: { townHallId, employeeId: a } });
      result.touches += presenters.filter((p) => p !== a).length;
    }
    for (const u of units.slice(1))
      events.push({ type: 'TownHallHeadCountRecorded', data: { townHallId, orgUnitId: u, headCount: Math.floor(random() * 50) } });
    for (let q = 0; q < 10; q++) {
      const questionId = `${townHallId}-Q${q}`;
      events.push({
        type: 'TownHallQuestionRaised',
        data: { townHallId, questionId, topic: 'Strategy', text: 'Why?', anonymous: true, askedBy: null, raisedAt: at },
      });
      if (q < 8)
        events.push({
          type: 'TownHallQuestionAnswered',
          data: { townHallId, questionId, answeredBy: 'CEO', answer: 'Because.', answeredAt: at },
        });
    }
    // The unanswered questions become a follow-up, done for every other town hall.
    events.push({
      type: 'TownHallFollowUpAssigned',
      data: {
        townHallId,
        followUpId: `${townHallId}-F`,
        questionId: `${townHallId}-Q8`,
        description: 'Answer in writing',
        ownerId: 'CHRO',
        dueOn: day(at.slice(0, 10), 30),
      },
    });
    if (h % 2)
      events.push({
        type: 'TownHallFollowUpCompleted',
        data: { townHallId, followUpId: `${townHallId}-F`, completedOn: day(at.slice(0, 10), 20), note: null },
      });
    for (let f = 0; f < 50; f++)
      events.push({
        type: 'TownHallFeedbackGiven',
        data: { townHallId, feedbackId: `${townHallId}-FB${f}`, rating: 1 + Math.floor(random() * 5), comment: null, employeeId: null },
      });
    await append(`townHall-${townHallId}`, events);
  }

  // A campaign to every branch, leaders meeting FCs.
  await append('campaign-XMAS', [
    {
      type: 'CampaignLaunched',
      data: {
        campaignId: 'XMAS',
        name: 'Christmas',
        purpose: 'Thank every branch',
        targetBranchIds: branches.map((b) => b.id),
        deadline: '2014-12-24',
      },
    },
  ]);
  for (const [i, b] of branches.entries()) {
    const fcIds = b.fcs.slice(0, 3);
    const leaderIds = i % 4 === 0 ? [] : ['CEO', pick(['CFO', 'CSO'])];
    await append(`branchVisit-V${b.id}`, [
      {
        type: 'BranchVisited',
        data: {
          visitId: `V${b.id}`,
          branchId: b.id,
          leaderIds,
          visitedAt: instant('2014-12-01', i % 20),
          purpose: 'Christmas',
          campaignId: 'XMAS',
          fcIds,
          gift: 'Cake',
        },
      },
    ]);
    result.touches += fcIds.length * leaderIds.length;
  }

  // Video messages and their views.
  const fcsAll = branches.flatMap((b) => b.fcs);
  for (let v = 0; v < size.videos; v++) {
    const videoId = `VID${v}`;
    await append(`video-${videoId}`, [
      {
        type: 'VideoMessagePublished',
        data: {
          videoId,
          authorId: 'CEO',
          title: `Message ${v}`,
          durationSeconds: 300,
          audience: ['EMPLOYEE', 'FC'],
          publishedAt: instant('2015-01-05', v * 7),
        },
      },
    ]);
    await settle(); // views are projected against their video
    for (let n = 0; n < size.viewsPerVideo; n++) {
      const employee = n % 2 === 0;
      const viewerId = employee ? employees[(v * 37 + n) % employees.length]! : fcsAll[(v * 41 + n) % fcsAll.length]!;
      const viewerKind = employee ? 'EMPLOYEE' : 'FC';
      await append(`videoViews-${videoId}/${viewerKind}/${viewerId}/${n}`, [
        {
          type: 'VideoMessageViewed',
          data: {
            videoId,
            viewId: `${videoId}-${n}`,
            viewerKind,
            viewerId,
            secondsWatched: Math.floor(random() * 300),
            viewedAt: instant('2015-01-06', v * 7 + (n % 5)),
          },
        },
      ]);
      result.touches++;
    }
  }

  // Customer Smile: customers, contracts, visits (some with a leader), some erasures.
  for (let c = 0; c < size.customers; c++) {
    const customerId = `C${pad(c)}`;
    const branch = branches[c % branches.length]!;
    const fcId = branch.fcs[c % branch.fcs.length]!;
    const signedOn = day('2014-01-02', c % 300);
    const customerEvents: HubEvent[] = [{ type: 'CustomerRegistered', data: { customerId, branchId: branch.id, registeredOn: signedOn } }];
    if (c % 60 === 0) customerEvents.push({ type: 'CustomerPersonalDataErased', data: { customerId, erasedOn: '2016-01-04' } });
    await append(`customer-${customerId}`, customerEvents);
    const contractId = `K${pad(c)}`;
    const followUps = FOLLOW_UP_KINDS.map((kind, k) => ({
      kind,
      opensOn: k === 0 ? signedOn : day(signedOn, k * 365 - 30),
      dueOn: k === 0 ? day(signedOn, 90) : day(signedOn, k * 365 + 30),
    }));
    const contractEvents: HubEvent[] = [
      { type: 'ContractSigned', data: { contractId, customerId, fcId, branchId: branch.id, product: '종신보험', signedOn, followUps } },
    ];
    for (const [k, offset] of [
      [0, 30 + (c % 100)],
      [1, 350 + (c % 40)],
    ] as const) {
      if (random() < 0.1) continue;
      const leaderIds = c % 50 === 0 ? ['CEO'] : [];
      contractEvents.push({
        type: 'CustomerVisited',
        data: {
          visitId: `${contractId}-${k}`,
          contractId,
          customerId,
          fcId,
          leaderIds,
          visitedAt: instant(signedOn, offset, 2),
          topics: ['coverage'],
          feedback: { rating: 5, comment: null },
          satisfies: FOLLOW_UP_KINDS[k]!,
        },
      });
      result.touches += leaderIds.length === 0 ? 1 : 2 * leaderIds.length;
    }
    await append(`contract-${contractId}`, contractEvents);
  }

  // PRIDE weekly activity from every FC, some weeks corrected.
  for (const b of branches) {
    for (const fcId of b.fcs) {
      const events: HubEvent[] = [];
      for (let w = 0; w < size.activityWeeks; w++) {
        const weekOf = day('2015-01-05', w * 7);
        events.push({
          type: 'FcWeeklyActivityReported',
          data: { fcId, branchId: b.id, weekOf, customerVisits: 5 + (w % 7), calls: 20 + (w % 11), contracts: w % 3, correction: false },
        });
        if (w % 10 === 9)
          events.push({
            type: 'FcWeeklyActivityReported',
            data: { fcId, branchId: b.id, weekOf, customerVisits: 6 + (w % 7), calls: 20 + (w % 11), contracts: w % 3, correction: true },
          });
      }
      await append(`fcActivity-${fcId}`, events);
    }
  }
  // E-mail letters from the CEO (as many as videos), each to a slice of employees, some opened.
  // Last, so adding them changed nothing generated before.
  for (let l = 0; l < size.videos; l++) {
    const letterId = `LET${l}`;
    const sentAt = instant('2015-02-02', l * 14);
    const readers = employees.slice((l * 50) % employees.length, ((l * 50) % employees.length) + 200);
    await append(`emailLetter-${letterId}`, [
      {
        type: 'EmailLetterSent',
        data: {
          letterId,
          authorId: 'CEO',
          subject: `Letter ${l}`,
          audience: ['EMPLOYEE'],
          orgUnitIds: [],
          branchIds: [],
          recipients: readers.map((readerId) => ({ readerKind: 'EMPLOYEE' as const, readerId, delivered: true })),
          sentAt,
        },
      },
    ]);
    await settle(); // opens are projected against their letter
    for (const readerId of readers) {
      if (random() >= 0.4) continue;
      await append(`emailOpen-${letterId}/EMPLOYEE/${readerId}`, [
        { type: 'EmailLetterOpened', data: { letterId, readerKind: 'EMPLOYEE', readerId, openedAt: instant('2015-02-02', l * 14, 10) } },
      ]);
      result.touches++;
    }
  }
  await settle();
  return result;
};

/** What `generateCompany` would write (its counts), without writing anything: for progress bars and checks. */
export const countCompany = (size: CompanySize, options: { seed?: number } = {}) =>
  generateCompany({ append: async () => ({ nextExpectedRevision: 0n, position: 0n }) }, size, options);
