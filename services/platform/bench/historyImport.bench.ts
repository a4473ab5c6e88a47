import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, createServer, schema } from '@hub/gateway';
import { createHub, type Hub } from '../src/hub';
import { benchScale, writeBenchResults } from '../../../scripts/benchGoals';

/*
 * `npm run bench`: loading the article's 2014–2015 story (about 2,000 operations) into an empty
 * hub, side by side: one history import (one command per aggregate, a whole session in one
 * append) against the same story through single GraphQL mutations (each waiting for the view, as
 * an API client would), in the same process on embedded PGlite, each into a fresh store.
 * Results go to bench-results/history-import.json at the repository root (no goal of issue #14:
 * `goals` is empty). Not a test. BENCH_SCALE=smoke tells a shorter story (40 employees, two
 * months, fewer branches, videos, customers and PRIDE weeks) only to prove the bench runs; every other scale the whole one.
 */

const STORY =
  benchScale() === 'smoke'
    ? { staff: 40, branches: 4, months: 2, videos: 1, customers: 10, prideFcs: 2 }
    : { staff: 360, branches: 24, months: 16, videos: 4, customers: 90, prideFcs: 20 };

type Rec = Record<string, unknown> & { type: string };

const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

/** The story, deterministic: who exists (set up untimed) and what happened (timed). */
const story = () => {
  const random = prng(20_150_701);
  const staff = Array.from({ length: STORY.staff }, (_, i) => `E${String(i + 1).padStart(4, '0')}`);
  const branches = Array.from({ length: STORY.branches }, (_, i) => `BR${String(i + 1).padStart(3, '0')}`);
  const fcs = branches.flatMap((b, i) => Array.from({ length: 5 }, (_, j) => ({ fcId: `FC${i * 5 + j + 1}`, branchId: b })));
  const customers = fcs.slice(0, STORY.customers).map((fc, i) => ({ customerId: `CU${i + 1}`, ...fc }));
  const records: Rec[] = [];
  const at = (d: Date) => d.toISOString();
  let cursor = 0;
  for (let month = 0; month < STORY.months; month++) {
    for (const day of [10, 24]) {
      const date = new Date(Date.UTC(2014, 2 + month, day, 6));
      const sessionId = `cafe-${at(date).slice(0, 10)}`;
      records.push({
        type: 'cafe_session',
        sessionId,
        scheduledAt: at(date),
        venue: 'Café Bene, Yeouido',
        hostIds: ['CEO'],
        occurredAt: at(new Date(date.getTime() - 14 * 86_400_000)),
      });
      const guests = Array.from({ length: 10 }, () => staff[cursor++ % staff.length]!);
      for (const employeeId of guests)
        records.push({ type: 'cafe_invitation', sessionId, employeeId, occurredAt: at(new Date(date.getTime() - 7 * 86_400_000)) });
      const present = guests.filter(() => random() > 0.08);
      for (const employeeId of present) records.push({ type: 'cafe_attendance', sessionId, employeeId });
      for (let q = 0; q < 3; q++) {
        const raisedAt = at(new Date(date.getTime() + (q + 1) * 600_000));
        records.push({
          type: 'cafe_question',
          sessionId,
          questionId: `${sessionId}-q${q}`,
          topic: 'career',
          text: 'What should I prepare?',
          askedBy: present[0]!,
          raisedAt,
          answeredBy: 'CEO',
          answer: 'Candidly…',
          answeredAt: raisedAt,
        });
      }
    }
  }
  for (let i = 0; i < 8; i++) {
    const date = new Date(Date.UTC(2014, 3 + i * 2, 20, 9));
    const townHallId = `townhall-${at(date).slice(0, 7)}`;
    records.push({
      type: 'town_hall',
      townHallId,
      scheduledAt: at(date),
      format: 'LECTURE',
      theme: `Theme ${i}`,
      venue: 'Auditorium',
      presenterIds: ['CEO'],
      occurredAt: at(new Date(date.getTime() - 30 * 86_400_000)),
    });
    for (const orgUnitId of ['STRAT', 'FIN', 'HR', 'IT', 'MKT', 'CS'])
      records.push({ type: 'town_hall_head_count', townHallId, orgUnitId, headCount: 20 + Math.floor(random() * 20) });
  }
  records.push({
    type: 'campaign',
    campaignId: 'xmas-2014',
    name: 'Christmas 2014',
    purpose: 'A cake for every branch',
    targetBranchIds: branches,
    deadline: '2014-12-24',
    occurredAt: '2014-12-01T00:00:00.000Z',
  });
  branches.forEach((branchId, i) =>
    records.push({
      type: 'branch_visit',
      visitId: `xmas-2014-${branchId}`,
      branchId,
      leaderIds: ['CEO'],
      visitedAt: at(new Date(Date.UTC(2014, 11, 15 + (i % 9), 2))),
      purpose: 'Christmas visit',
      campaignId: 'xmas-2014',
      fcIds: [],
      gift: 'Christmas cake',
    }),
  );
  for (let v = 0; v < STORY.videos; v++) {
    const videoId = `video-2015-${v + 1}`;
    const publishedAt = at(new Date(Date.UTC(2015, v * 2, 5)));
    records.push({
      type: 'video',
      videoId,
      authorId: 'CEO',
      title: `Message ${v + 1}`,
      durationSeconds: 300,
      audience: ['EMPLOYEE', 'FC'],
      publishedAt,
    });
    for (const viewerId of staff.filter(() => random() < 0.25)) {
      records.push({
        type: 'video_view',
        videoId,
        viewId: `${videoId}-${viewerId}`,
        viewerKind: 'EMPLOYEE',
        viewerId,
        secondsWatched: 300,
        viewedAt: at(new Date(Date.parse(publishedAt) + 86_400_000)),
      });
    }
  }
  for (const [i, c] of customers.entries()) {
    const signedOn = `2014-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    records.push({ type: 'contract', contractId: `CT${i + 1}`, customerId: c.customerId, fcId: c.fcId, product: '종신보험', signedOn });
    for (const days of [45, 365]) {
      records.push({
        type: 'customer_visit',
        visitId: `CT${i + 1}-${days}`,
        contractId: `CT${i + 1}`,
        fcId: c.fcId,
        visitedAt: at(new Date(Date.parse(`${signedOn}T05:00:00Z`) + days * 86_400_000)),
        topics: ['coverage'],
        rating: 5,
      });
    }
  }
  for (const { fcId } of fcs.slice(0, STORY.prideFcs)) {
    for (let w = 0; w < 8; w++)
      records.push({
        type: 'pride_week',
        fcId,
        weekOf: at(new Date(Date.UTC(2015, 3, 6 + w * 7))).slice(0, 10),
        customerVisits: 10,
        calls: 25,
        contracts: 1,
      });
  }
  return { staff, branches, fcs, customers, records };
};

const setUp = async (hub: Hub, s: ReturnType<typeof story>) => {
  const ctx = { actor: 'bench:setup', occurredAt: '2000-01-01T00:00:00+09:00' };
  await hub.directory.defineOrgUnit({ orgUnitId: 'HQ', name: 'HQ', kind: 'DIVISION' }, ctx);
  for (const id of ['STRAT', 'FIN', 'HR', 'IT', 'MKT', 'CS'])
    await hub.directory.defineOrgUnit({ orgUnitId: id, name: id, kind: 'DEPARTMENT', parentId: 'HQ' }, ctx);
  await hub.directory.registerEmployee(
    { employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'HQ', region: 'Seoul', hiredOn: '2014-02-01' },
    { actor: 'bench:setup' },
  );
  for (const [i, employeeId] of s.staff.entries()) {
    await hub.directory.registerEmployee(
      {
        employeeId,
        name: employeeId,
        grade: 'STAFF',
        orgUnitId: ['STRAT', 'FIN', 'HR', 'IT', 'MKT', 'CS'][i % 6]!,
        region: 'Seoul',
        hiredOn: '2010-01-04',
      },
      { actor: 'bench:setup' },
    );
  }
  for (const branchId of s.branches)
    await hub.directory.registerBranch({ branchId, name: branchId, region: 'Seoul', district: '서초구', seoul: true }, ctx);
  for (const fc of s.fcs) await hub.directory.registerFc({ ...fc, name: fc.fcId, hiredOn: '2010-01-04' }, { actor: 'bench:setup' });
  for (const c of s.customers) {
    await hub.customerSmile.registerCustomer(
      { customerId: c.customerId, branchId: c.branchId, registeredOn: '2014-01-01', name: '고객', phone: '010-1234-5678', address: '서울' },
      { actor: 'bench:setup' },
    );
  }
};

/** A hub with a gateway in memory (no socket), as the tests run it. */
const startHub = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  const hub = await createHub({ dataDir });
  await hub.projector.start();
  const token = async (role: 'ADMIN' | 'HR' | 'SALES') =>
    (await hub.tokens.issue({ subject: `bench:${role.toLowerCase()}`, role }, 'bench')).token;
  const tokens = { ADMIN: await token('ADMIN'), HR: await token('HR'), SALES: await token('SALES') };
  const gateway = createServer({
    ...hub.gatewayDeps(),
    log: () => undefined,
    limits: { rateLimit: { perMinute: 10_000_000 } },
    viewWaitMs: 60_000,
  });
  const graphql = async (query: string, variables: Record<string, unknown>, role: keyof typeof tokens) => {
    const response = await gateway.yoga.fetch('http://hub.bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: 'bench', authorization: `Bearer ${tokens[role]}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data!;
  };
  return {
    hub,
    graphql,
    async dispose() {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** One mutation per operation, with its role: what an API client does without the history import. */
const single = (mutation: string, role: 'HR' | 'SALES') => {
  const inputType = schema
    .getMutationType()!
    .getFields()
    [mutation]!.args.find((a) => a.name === 'input')!
    .type.toString();
  return {
    role,
    document: `mutation($input: ${inputType}, $occurredAt: DateTime) { ${mutation}(input: $input, occurredAt: $occurredAt) { __typename } }`,
  };
};
const M = {
  schedule: single('scheduleCafeSession', 'HR'),
  invite: single('inviteToCafeSession', 'HR'),
  attend: single('recordCafeSessionAttendance', 'HR'),
  raise: single('raiseCafeSessionQuestion', 'HR'),
  answer: single('answerCafeSessionQuestion', 'HR'),
  townHall: single('scheduleTownHall', 'HR'),
  headCount: single('recordTownHallHeadCount', 'HR'),
  campaign: single('launchCampaign', 'SALES'),
  visit: single('recordBranchVisit', 'SALES'),
  video: single('publishVideoMessage', 'HR'),
  view: single('recordVideoView', 'HR'),
  contract: single('signContract', 'SALES'),
  customerVisit: single('recordCustomerVisit', 'SALES'),
  pride: single('reportFcWeeklyActivity', 'SALES'),
};

const asMutations = ({ type, occurredAt, ...r }: Rec): [keyof typeof M, Record<string, unknown>, string | undefined][] => {
  const at = typeof occurredAt === 'string' ? occurredAt : undefined;
  switch (type) {
    case 'cafe_session':
      return [['schedule', r, at]];
    case 'cafe_invitation':
      return [['invite', r, at]];
    case 'cafe_attendance':
      return [['attend', r, at]];
    case 'cafe_question': {
      const { answeredBy, answer, answeredAt, ...q } = r;
      return [
        ['raise', q, undefined],
        ['answer', { sessionId: q.sessionId, questionId: q.questionId, answeredBy, answer, answeredAt, mode: 'LIVE' }, undefined],
      ];
    }
    case 'town_hall':
      return [['townHall', r, at]];
    case 'town_hall_head_count':
      return [['headCount', r, undefined]];
    case 'campaign':
      return [['campaign', r, at]];
    case 'branch_visit':
      return [['visit', r, undefined]];
    case 'video':
      return [['video', r, undefined]];
    case 'video_view':
      return [['view', r, undefined]];
    case 'contract':
      return [['contract', r, undefined]];
    case 'customer_visit': {
      const { rating, ...visit } = r;
      return [['customerVisit', { ...visit, feedback: { rating } }, undefined]];
    }
    case 'pride_week':
      return [['pride', r, undefined]];
    default:
      throw new Error(`no mutation for ${type}`);
  }
};

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const s = story();
const jsonl = Buffer.from(s.records.map((r) => JSON.stringify(r)).join('\n'));
const operations = s.records.flatMap(asMutations);

// History import: one mutation with the whole file.
const a = await startHub();
await setUp(a.hub, s);
let start = process.hrtime.bigint();
const imported = await a.graphql(
  'mutation($i: ImportHistoryInput!) { importHistory(input: $i) { imported failed commands errors { line message } } }',
  { i: { contentBase64: jsonl.toString('base64') } },
  'ADMIN',
);
const importSeconds = seconds(start);
const report = imported.importHistory as { imported: number; failed: number; commands: number; errors: unknown[] };
if (report.failed > 0) throw new Error(`history import refused records: ${JSON.stringify(report.errors.slice(0, 5))}`);
const headA = await a.hub.store.headPosition();
await a.dispose();

// Baseline: the same story, one GraphQL mutation per operation, in file order.
const b = await startHub();
await setUp(b.hub, s);
start = process.hrtime.bigint();
for (const [name, input, occurredAt] of operations) {
  await b.graphql(M[name].document, { input, ...(occurredAt ? { occurredAt } : {}) }, M[name].role);
}
const singleSeconds = seconds(start);
const headB = await b.hub.store.headPosition();
await b.dispose();

const result = {
  benchmark: 'history import vs single mutations',
  engine: 'PGlite (embedded)',
  records: s.records.length,
  operations: operations.length,
  /** Both runs wrote the same number of events (setup included): the same story. */
  sameEvents: headA === headB,
  historyImport: {
    seconds: Number(importSeconds.toFixed(2)),
    commands: report.commands,
    operationsPerSecond: Math.round(operations.length / importSeconds),
  },
  singleMutations: {
    seconds: Number(singleSeconds.toFixed(2)),
    commands: operations.length,
    operationsPerSecond: Math.round(operations.length / singleSeconds),
  },
  speedup: Number((singleSeconds / importSeconds).toFixed(1)),
};
const file = writeBenchResults('history-import', result, []);
console.log(
  `history import: ${result.historyImport.seconds} s for ${result.operations} operations (${result.historyImport.commands} commands)`,
);
console.log(`single mutations: ${result.singleMutations.seconds} s — the import is ${result.speedup}× faster → ${file}`);
