import { koreanDay, koreanDayStart, type Grade } from '@hub/contracts';
import type { CafeSessionService } from '@hub/cafe-sessions';
import type { CustomerSmileService } from '@hub/customer-smile';
import type { PrideService } from '@hub/pride';
import type { DirectoryService } from '@hub/directory';
import type { TownHallService } from '@hub/town-halls';
import type { BranchVisitService } from '@hub/branch-visits';
import type { VideoMessageService } from '@hub/video-messages';

/*
 * The demo company, after the 2015 article: the CEO took office in February 2014 and has held a
 * café session (톡톡타임) twice a month since, ten employees of grade 차장 or below each time —
 * about 300 people by mid-2015. Deterministic: the same company on every machine.
 */

const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황'];
const GIVEN = ['민준', '서연', '지훈', '하은', '도윤', '수빈', '예준', '지민', '현우', '유진', '승현', '다은', '준호', '소영', '태희', '지원', '성민', '혜진'];
/** Customers' given names come from their own list, so a test can tell a customer's name from a colleague's. */
const CUSTOMER_GIVEN = ['가온', '나래', '다온', '라희', '마루', '바다', '사랑', '아라', '자운', '차미', '하람', '해솔', '보람', '새봄', '누리', '한결', '이슬', '초롱'];

/** The org tree: divisions, their departments, and (where staff sit) teams. */
export const DEMO_DIVISIONS = [
  { orgUnitId: 'EXEC', name: 'Executive Office' },
  { orgUnitId: 'CORP', name: 'Corporate Division' },
  { orgUnitId: 'CUST', name: 'Customer Division' },
  { orgUnitId: 'SALES', name: 'Sales Division' },
] as const;

export const DEMO_ORG_UNITS = [
  { orgUnitId: 'STRAT', name: 'Strategy & Planning', parentId: 'CORP', region: 'Seoul', size: 40 },
  { orgUnitId: 'FIN', name: 'Finance', parentId: 'CORP', region: 'Seoul', size: 35 },
  { orgUnitId: 'HR', name: 'Human Resources', parentId: 'CORP', region: 'Seoul', size: 25 },
  { orgUnitId: 'IT', name: 'IT', parentId: 'CORP', region: 'Seoul', size: 60 },
  { orgUnitId: 'MKT', name: 'Marketing', parentId: 'CUST', region: 'Seoul', size: 55 },
  { orgUnitId: 'CS', name: 'Customer Service', parentId: 'CUST', region: 'Seoul', size: 70 },
  { orgUnitId: 'UW', name: 'Underwriting', parentId: 'CUST', region: 'Seoul', size: 45 },
  { orgUnitId: 'SS-BUSAN', name: 'Sales Support Busan', parentId: 'SALES', region: 'Busan', size: 30 },
  { orgUnitId: 'SS-DAEGU', name: 'Sales Support Daegu', parentId: 'SALES', region: 'Daegu', size: 20 },
  { orgUnitId: 'SS-GWANGJU', name: 'Sales Support Gwangju', parentId: 'SALES', region: 'Gwangju', size: 20 },
] as const;

/** Seoul has 74 branches (the article); the rest of the country more. Districts (구) of Seoul in turn. */
const SEOUL_DISTRICTS = ['서초구', '강남구', '송파구', '종로구', '중구', '마포구', '영등포구', '용산구', '성동구', '강서구', '노원구', '관악구'];
const OTHER_REGIONS = [
  { region: 'Busan', districts: ['해운대구', '부산진구', '동래구'], count: 14 },
  { region: 'Daegu', districts: ['수성구', '중구'], count: 10 },
  { region: 'Gwangju', districts: ['서구', '북구'], count: 8 },
  { region: 'Gyeonggi', districts: ['수원시', '성남시', '고양시'], count: 20 },
];

/** Grade mix of a unit, bottom-heavy like a real company: 사원 … 부장. */
const GRADE_MIX: [Grade, number][] = [
  ['STAFF', 0.32],
  ['ASSISTANT_MANAGER', 0.26],
  ['MANAGER', 0.2],
  ['DEPUTY_GENERAL_MANAGER', 0.12],
  ['GENERAL_MANAGER', 0.1],
];

const PRODUCTS = ['종신보험', '변액종신보험', '연금보험', '건강보험', '어린이보험'];

const EXECUTIVES = [
  { employeeId: 'CEO', name: '정문국', title: 'CEO' },
  { employeeId: 'EX-CFO', name: '한재무', title: 'CFO' },
  { employeeId: 'EX-CMO', name: '오마케', title: 'CMO' },
  { employeeId: 'EX-CSO', name: '서영업', title: 'Chief Sales Officer' },
  { employeeId: 'EX-CHRO', name: '권인사', title: 'CHRO' },
];

const TOPICS = [
  ['strategy', '회사가 5년 뒤 어디에 있을까요? Where will we be in five years?'],
  ['career', '차장 승진까지 무엇을 준비해야 하나요? What should I prepare for promotion?'],
  ['customers', 'Customer Smile 방문이 실제로 해지율을 낮추나요? Do Customer Smile visits lower lapses?'],
  ['work-life', '유연근무제 확대 계획이 있나요? Any plan to widen flexible hours?'],
  ['personal', '사장님은 스트레스를 어떻게 푸시나요? How do you handle stress?'],
  ['products', '신상품 출시 일정이 궁금합니다. When do the new products launch?'],
] as const;

export interface DemoSeedServices {
  directory: Pick<DirectoryService, 'defineOrgUnit' | 'registerEmployee' | 'registerBranch' | 'enrollBranchInPride' | 'registerFc'>;
  cafeSessions: CafeSessionService;
  townHalls: TownHallService;
  branchVisits: BranchVisitService;
  videoMessages: VideoMessageService;
  customerSmile: Pick<CustomerSmileService, 'registerCustomer' | 'signContract' | 'recordVisit'>;
  pride: PrideService;
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
}

/** Every command carries a deterministic command id, so seeding twice records everything once. */
export const seedDemoCompany = async ({ directory, cafeSessions, townHalls, branchVisits, videoMessages, customerSmile, pride }: DemoSeedServices, now = new Date()): Promise<DemoSummary> => {
  const random = prng(20_150_701);
  const ctx = (commandId: string, occurredAt?: string) => ({ actor: 'system:demo-seed', commandId: `demo:${commandId}`, ...(occurredAt ? { occurredAt } : {}) });
  // Seeded as history: every fact at its date in the story. Facts dated by their own data (hiredOn,
  // signedOn, since, weekOf …) take it from there; the org tree and the branches stood before anyone
  // in the demo was hired.
  const FOUNDED = '2000-01-01T00:00:00+09:00';

  for (const d of DEMO_DIVISIONS) await directory.defineOrgUnit({ ...d, kind: 'DIVISION' }, ctx(`org-unit:${d.orgUnitId}`, FOUNDED));
  for (const u of DEMO_ORG_UNITS) {
    await directory.defineOrgUnit({ orgUnitId: u.orgUnitId, name: u.name, kind: 'DEPARTMENT', parentId: u.parentId }, ctx(`org-unit:${u.orgUnitId}`, FOUNDED));
  }
  for (const e of EXECUTIVES) {
    await directory.registerEmployee({ ...e, grade: 'EXECUTIVE', orgUnitId: 'EXEC', region: 'Seoul', hiredOn: '2014-02-01' }, ctx(`employee:${e.employeeId}`));
  }

  // Branches and their FCs: 74 in Seoul, more nationwide; PRIDE rolled out from July 2014.
  let branches = 0;
  let fcs = 0;
  const branchFcs = new Map<string, { fcIds: string[]; seoul: boolean; district: string; pride: boolean }>();
  const addBranch = async (region: string, district: string, seoul: boolean) => {
    branches++;
    const branchId = `BR${String(branches).padStart(3, '0')}`;
    await directory.registerBranch({ branchId, name: `${district} ${branches}지점`, region, district, seoul }, ctx(`branch:${branchId}`, FOUNDED));
    const isPride = branches % 6 === 1;
    if (isPride) await directory.enrollBranchInPride({ branchId, since: random() < 0.5 ? '2014-07-01' : '2015-01-01' }, ctx(`branch:${branchId}:pride`));
    const staff = 4 + Math.floor(random() * 5);
    const fcIds: string[] = [];
    branchFcs.set(branchId, { fcIds, seoul, district, pride: isPride });
    for (let i = 0; i < staff; i++) {
      fcs++;
      const fcId = `FC${String(fcs).padStart(4, '0')}`;
      fcIds.push(fcId);
      const name = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      await directory.registerFc({ fcId, name, branchId, hiredOn: `${2005 + Math.floor(random() * 9)}-0${1 + Math.floor(random() * 9)}-01` }, ctx(`fc:${fcId}`));
    }
  };
  for (let i = 0; i < 74; i++) await addBranch('Seoul', SEOUL_DISTRICTS[i % SEOUL_DISTRICTS.length]!, true);
  for (const r of OTHER_REGIONS) for (let i = 0; i < r.count; i++) await addBranch(r.region, r.districts[i % r.districts.length]!, false);

  const eligible: string[] = [];
  let n = 0;
  for (const unit of DEMO_ORG_UNITS) {
    for (let i = 0; i < unit.size; i++) {
      n++;
      const employeeId = `E${String(n).padStart(4, '0')}`;
      let r = random();
      const grade = GRADE_MIX.find(([, share]) => (r -= share) < 0)?.[0] ?? 'STAFF';
      const name = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      const hiredYear = 2000 + Math.floor(random() * 14);
      await directory.registerEmployee(
        { employeeId, name, grade, orgUnitId: unit.orgUnitId, region: unit.region, hiredOn: `${hiredYear}-0${1 + Math.floor(random() * 9)}-01` },
        ctx(`employee:${employeeId}`),
      );
      if (grade !== 'GENERAL_MANAGER') eligible.push(employeeId);
    }
  }

  // Shuffle once, then walk the list: most people meet the CEO once, a few twice.
  const queue = [...eligible].sort(() => random() - 0.5);
  let cursor = 0;
  let sessions = 0;
  let attendances = 0;
  for (let month = 0; month < 16; month++) {
    for (const day of [10, 24]) {
      const date = new Date(Date.UTC(2014, 2 + month, day, 6, 0)); // 15:00 KST
      const sessionId = `cafe-${koreanDay(date)}`;
      const scheduledAt = date.toISOString();
      await cafeSessions.schedule(
        { sessionId, scheduledAt, venue: month % 3 === 0 ? 'Café Bene, Yeouido' : 'Starbucks, Gwanghwamun', hostIds: ['CEO'] },
        ctx(`${sessionId}:schedule`, new Date(date.getTime() - 14 * 86_400_000).toISOString()),
      );
      sessions++;
      const guests: string[] = [];
      while (guests.length < 10) {
        const id = queue[cursor++ % queue.length]!;
        if (!guests.includes(id)) guests.push(id);
      }
      for (const employeeId of guests) {
        await cafeSessions.invite({ sessionId, employeeId }, ctx(`${sessionId}:invite:${employeeId}`, new Date(date.getTime() - 7 * 86_400_000).toISOString()));
      }
      // Usually one invitee cannot make it.
      const present = guests.filter(() => random() > 0.08);
      for (const employeeId of present) {
        await cafeSessions.recordAttendance({ sessionId, employeeId }, ctx(`${sessionId}:attend:${employeeId}`, scheduledAt));
        attendances++;
      }
      const questions = 2 + Math.floor(random() * 3);
      for (let q = 0; q < questions; q++) {
        const [topic, text] = TOPICS[Math.floor(random() * TOPICS.length)]!;
        const anonymous = random() < 0.3;
        const askedBy = present[Math.floor(random() * present.length)]!;
        const raisedAt = new Date(date.getTime() + (q + 1) * 600_000).toISOString();
        const questionId = `${sessionId}-q${q + 1}`;
        await cafeSessions.raiseQuestion({ sessionId, questionId, topic, text, anonymous, askedBy, raisedAt }, ctx(`${questionId}:raise`, raisedAt));
        const live = random() < 0.75;
        const answeredAt = new Date(date.getTime() + (live ? (q + 1) * 600_000 + 120_000 : 10 * 86_400_000)).toISOString();
        const lastTwoMonths = month >= 14;
        if (live || !lastTwoMonths) {
          await cafeSessions.answerQuestion(
            { sessionId, questionId, answeredBy: 'CEO', mode: live ? 'LIVE' : 'FOLLOWED_UP', answer: live ? '솔직하게 말씀드리면… Candidly, here is where we stand.' : 'Followed up by e-mail with the team’s answer.', answeredAt },
            ctx(`${questionId}:answer`, answeredAt),
          );
        }
        if (!live) {
          const due = koreanDay(new Date(date.getTime() + 21 * 86_400_000));
          const followUpId = `${questionId}-f`;
          await cafeSessions.assignFollowUp(
            { sessionId, followUpId, questionId, description: `Answer in writing: ${topic}`, ownerId: month % 2 ? 'EX-CHRO' : 'EX-CSO', dueOn: due },
            ctx(`${followUpId}:assign`, raisedAt),
          );
          if (!lastTwoMonths) {
            // Business time from completedOn itself.
            await cafeSessions.completeFollowUp({ sessionId, followUpId, completedOn: due, note: 'Shared with the participants.' }, ctx(`${followUpId}:complete`));
          }
        }
      }
    }
  }

  // Town halls every two months, in changing formats, with presenters from executives down to 과장.
  const FORMATS = ['TALK_CONCERT', 'CHIMAEK', 'LECTURE', 'TALK_CONCERT', 'CHIMAEK', 'OTHER', 'LECTURE', 'CHIMAEK'] as const;
  const THEMES = ['2014 strategy: one direction', 'Customer Smile launch', 'PRIDE program kick-off', 'H1 results', 'Year-end review', '2015 plan', 'Q1 results', 'Digital sales'];
  const managers = queue.slice(-40);
  let townHallCount = 0;
  for (let i = 0; i < 8; i++) {
    const date = new Date(Date.UTC(2014, 3 + i * 2, 20, 9, 0)); // 18:00 KST
    const townHallId = `townhall-${date.toISOString().slice(0, 7)}`;
    const scheduledAt = date.toISOString();
    const presenterIds = ['CEO', EXECUTIVES[1 + (i % 4)]!.employeeId, managers[i]!];
    await townHalls.schedule(
      { townHallId, scheduledAt, format: FORMATS[i]!, theme: THEMES[i]!, venue: i % 2 ? 'Auditorium, HQ' : 'Rooftop garden, HQ', presenterIds },
      ctx(`${townHallId}:schedule`, new Date(date.getTime() - 30 * 86_400_000).toISOString()),
    );
    townHallCount++;
    // Small formats take names; large ones count heads per department.
    if (FORMATS[i] === 'CHIMAEK') {
      for (const employeeId of eligible.filter(() => random() < 0.08)) {
        if (presenterIds.includes(employeeId)) continue;
        await townHalls.recordAttendance({ townHallId, employeeId }, ctx(`${townHallId}:attend:${employeeId}`, scheduledAt));
      }
    } else {
      for (const unit of DEMO_ORG_UNITS) {
        const headCount = Math.round(unit.size * (0.5 + random() * 0.4));
        await townHalls.recordHeadCount({ townHallId, orgUnitId: unit.orgUnitId, headCount }, ctx(`${townHallId}:count:${unit.orgUnitId}`, scheduledAt));
      }
    }
    for (let q = 0; q < 3; q++) {
      const [topic, text] = TOPICS[Math.floor(random() * TOPICS.length)]!;
      const questionId = `${townHallId}-q${q + 1}`;
      const raisedAt = new Date(date.getTime() + (q + 1) * 900_000).toISOString();
      await townHalls.raiseQuestion({ townHallId, questionId, topic, text, anonymous: true, raisedAt }, ctx(`${questionId}:raise`, raisedAt));
      if (q < 2 || i < 7) {
        await townHalls.answerQuestion({ townHallId, questionId, answeredBy: presenterIds[q % presenterIds.length]!, answer: 'Answered on stage.', answeredAt: raisedAt }, ctx(`${questionId}:answer`, raisedAt));
      }
    }
    for (let f = 0; f < 12; f++) {
      await townHalls.giveFeedback({ townHallId, feedbackId: `${townHallId}-fb${f + 1}`, rating: 3 + Math.floor(random() * 3), comment: f % 4 === 0 ? 'More time for questions, please.' : null }, ctx(`${townHallId}:feedback:${f}`, scheduledAt));
    }
  }

  // Christmas 2014: a cake to every branch nationwide; the CEO and executives took them in person
  // to the 74 Seoul branches and met their FCs.
  const campaignId = 'xmas-2014';
  await branchVisits.launchCampaign(
    { campaignId, name: 'Christmas 2014: a cake for every branch', purpose: 'Thank every branch; the CEO and executives visit Seoul in person', targetBranchIds: [...branchFcs.keys()], deadline: '2014-12-24' },
    ctx(`${campaignId}:launch`, '2014-12-01T00:00:00.000Z'),
  );
  let visits = 0;
  for (const [branchId, { fcIds, seoul }] of branchFcs) {
    visits++;
    const visitedAt = new Date(Date.UTC(2014, 11, 15 + (visits % 9), 1 + (visits % 8))).toISOString();
    const leaderIds = seoul ? [EXECUTIVES[visits % EXECUTIVES.length]!.employeeId, ...(visits % 5 === 0 ? ['CEO'] : [])] : [];
    await branchVisits.recordVisit(
      {
        visitId: `${campaignId}-${branchId}`,
        branchId,
        leaderIds: [...new Set(leaderIds)],
        visitedAt,
        purpose: seoul ? 'Christmas visit with a cake' : 'Christmas cake delivered',
        campaignId,
        fcIds: seoul ? fcIds.filter(() => random() < 0.7) : [],
        gift: 'Christmas cake',
      },
      ctx(`${campaignId}:${branchId}`, visitedAt),
    );
  }

  // The CEO's video messages, to employees and FCs; some watch to the end, some do not.
  const VIDEOS = ['New year message 2015', 'Customer Smile: why we visit again', 'Q1 results in five minutes', 'PRIDE branches: what good looks like'];
  const allFcs = [...branchFcs.values()].flatMap((b) => b.fcIds);
  for (let i = 0; i < VIDEOS.length; i++) {
    const videoId = `video-2015-${i + 1}`;
    const publishedAt = new Date(Date.UTC(2015, i * 2, 5, 0, 0)).toISOString();
    const durationSeconds = 240 + i * 60;
    await videoMessages.publish({ videoId, authorId: 'CEO', title: VIDEOS[i]!, durationSeconds, audience: ['EMPLOYEE', 'FC'], publishedAt }, ctx(`${videoId}:publish`, publishedAt));
    const viewers = [
      ...eligible.filter(() => random() < 0.2).map((id) => ['EMPLOYEE', id] as const),
      ...allFcs.filter(() => random() < 0.1).map((id) => ['FC', id] as const),
    ];
    for (const [viewerKind, viewerId] of viewers) {
      const viewedAt = new Date(Date.parse(publishedAt) + (1 + Math.floor(random() * 10)) * 86_400_000).toISOString();
      const secondsWatched = random() < 0.5 ? durationSeconds : Math.floor(random() * durationSeconds);
      await videoMessages.recordView(
        { videoId, viewId: `${videoId}-${viewerKind}-${viewerId}`, viewerKind, viewerId, secondsWatched, viewedAt },
        ctx(`${videoId}:view:${viewerKind}:${viewerId}`, viewedAt),
      );
    }
  }

  // Customer Smile (고객스마일): customers of Seoul branches sign contracts through 2014; their FCs
  // visit within three months and around the first anniversary — mostly on time, some late, some never.
  let customers = 0;
  let customerVisits = 0;
  const seoulBranches = [...branchFcs.entries()].filter(([, b]) => b.seoul);
  for (const [branchId, { fcIds, district }] of seoulBranches.slice(0, 30)) {
    for (const fcId of fcIds.slice(0, 3)) {
      customers++;
      const customerId = `CU${String(customers).padStart(5, '0')}`;
      const signedOn = `2014-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const name = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${CUSTOMER_GIVEN[Math.floor(random() * CUSTOMER_GIVEN.length)]}`;
      const phone = `010-${String(1000 + Math.floor(random() * 9000))}-${String(1000 + Math.floor(random() * 9000))}`;
      await customerSmile.registerCustomer({ customerId, branchId, registeredOn: signedOn, name, phone, address: `서울 ${district} ${1 + Math.floor(random() * 300)}` }, ctx(`customer:${customerId}`));
      const contractId = `CT${String(customers).padStart(5, '0')}`;
      await customerSmile.signContract({ contractId, customerId, fcId, product: PRODUCTS[Math.floor(random() * PRODUCTS.length)]!, signedOn }, ctx(`contract:${contractId}`));
      // [days after signing, topic]: the three-month visit, then the one-year check (if it has come).
      for (const [days, topic] of [[20 + Math.floor(random() * (random() < 0.85 ? 60 : 150)), 'welcome and coverage'], [350 + Math.floor(random() * (random() < 0.8 ? 30 : 90)), 'one-year check']] as const) {
        const visitedAt = new Date(Date.parse(`${signedOn}T05:00:00Z`) + days * 86_400_000).toISOString();
        if (visitedAt > now.toISOString() || random() < 0.08) continue;
        customerVisits++;
        await customerSmile.recordVisit(
          { visitId: `${contractId}-${days}`, contractId, fcId, visitedAt, topics: [topic], feedback: { rating: 3 + Math.floor(random() * 3), comment: null } },
          ctx(`visit:${contractId}:${days}`, visitedAt),
        );
      }
    }
  }
  // The article: the CEO went with an FC to a customer in Banpo (서초구) for the one-year check.
  const [banpoBranchId, banpo] = seoulBranches.find(([, b]) => b.district === '서초구')!;
  const banpoFc = banpo.fcIds[0]!;
  customers++;
  await customerSmile.registerCustomer({ customerId: 'CU-BANPO', branchId: banpoBranchId, registeredOn: '2014-03-12', name: '반포고객', phone: '010-3535-1212', address: '서울 서초구 반포동 20' }, ctx('customer:CU-BANPO'));
  await customerSmile.signContract({ contractId: 'CT-BANPO', customerId: 'CU-BANPO', fcId: banpoFc, product: '변액종신보험', signedOn: '2014-03-12' }, ctx('contract:CT-BANPO'));
  for (const [visitId, visitedAt, leaderIds, topics] of [
    ['CT-BANPO-3m', '2014-05-20T05:00:00Z', [], ['welcome and coverage']],
    ['CT-BANPO-1y', '2015-03-12T06:00:00Z', ['CEO'], ['re-explained the coverage of the product bought a year ago']],
  ] as const) {
    customerVisits++;
    await customerSmile.recordVisit(
      { visitId, contractId: 'CT-BANPO', fcId: banpoFc, leaderIds: [...leaderIds], visitedAt, topics: [...topics], feedback: { rating: 5, comment: visitId.endsWith('1y') ? '대표님이 직접 오셔서 감동했어요' : null } },
      ctx(`visit:${visitId}`, visitedAt),
    );
  }

  // PRIDE: FCs report their weekly activity; PRIDE branches' FCs are more active. Eight weeks of
  // spring 2015 from every PRIDE branch and as many others, to compare side by side.
  let activityReports = 0;
  const prideBranches = [...branchFcs.values()].filter((b) => b.pride);
  const others = [...branchFcs.values()].filter((b) => !b.pride).slice(0, prideBranches.length);
  for (const { fcIds, pride: isPride } of [...prideBranches, ...others]) {
    for (const fcId of fcIds) {
      for (let week = 0; week < 8; week++) {
        const weekOf = new Date(Date.UTC(2015, 3, 6 + week * 7)).toISOString().slice(0, 10); // Mondays from 2015-04-06
        const customerVisitsThatWeek = Math.floor(random() * (isPride ? 8 : 5)) + (isPride ? 6 : 3);
        const calls = Math.floor(random() * 15) + (isPride ? 20 : 12);
        const contracts = Math.floor(random() * (isPride ? 3 : 2));
        activityReports++;
        await pride.reportWeeklyActivity({ fcId, weekOf, customerVisits: customerVisitsThatWeek, calls, contracts }, ctx(`activity:${fcId}:${weekOf}`, koreanDayStart(weekOf)));
      }
    }
  }

  // Two upcoming sessions, so the console shows something still to come.
  for (const weeks of [1, 3]) {
    const date = new Date(now.getTime() + weeks * 7 * 86_400_000);
    date.setUTCHours(6, 0, 0, 0);
    const sessionId = `cafe-upcoming-${weeks}`;
    await cafeSessions.schedule({ sessionId, scheduledAt: date.toISOString(), venue: 'Café Bene, Yeouido', hostIds: ['CEO'] }, ctx(`${sessionId}:schedule`));
    sessions++;
    for (const employeeId of queue.slice(0, 3 + weeks)) {
      await cafeSessions.invite({ sessionId, employeeId }, ctx(`${sessionId}:invite:${employeeId}`));
    }
  }

  return {
    employees: EXECUTIVES.length + n,
    branches,
    fcs,
    cafeSessions: sessions,
    attendances,
    townHalls: townHallCount,
    branchVisits: visits,
    videoMessages: VIDEOS.length,
    customers,
    customerVisits,
    activityReports,
  };
};
