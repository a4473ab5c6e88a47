import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { branchVisitStream, cafeSessionStream, townHallStream } from '@hub/events';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

const IMPORT = `mutation($i: ImportHistoryInput!) { importHistory(input: $i) { format encoding records imported unchanged failed commands dryRun errors { line key message } } }`;
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/history', name));
/** The same records as history.jsonl: a session, a refused one, a town hall, a campaign and its visit, a video and a view, a contract and its visit, a PRIDE week, and four bad records. */
const CSV = fixture('history.csv');
const JSONL = fixture('history.jsonl');

interface Report {
  format: string;
  encoding: string;
  records: number;
  imported: number;
  unchanged: number;
  failed: number;
  commands: number;
  dryRun: boolean;
  errors: { line: number; key: string | null; message: string }[];
}

describe.each(HUB_ENGINES)('history import on $name', (engine) => {
  let t: HubUnderTest;
  const run = async (bytes: Buffer, extra: Record<string, unknown> = {}) => {
    const before = await t.hub.store.headPosition();
    const r = await t.ok(IMPORT, { i: { contentBase64: bytes.toString('base64'), ...extra } });
    return { report: r.importHistory as Report, before, after: await t.hub.store.headPosition() };
  };
  const streamOf = async (name: string) => (await t.hub.store.readStream(name)).map((e) => [e.type, e.metadata.occurredAt]);

  beforeAll(async () => {
    t = await startHub(engine);
    const ctx = { actor: 'test:setup' };
    const { directory, customerSmile } = t.hub;
    await directory.defineOrgUnit({ orgUnitId: 'HQ', name: '본사', kind: 'DIVISION' }, ctx);
    await directory.defineOrgUnit({ orgUnitId: 'IT', name: 'IT', kind: 'DEPARTMENT', parentId: 'HQ' }, ctx);
    await directory.registerEmployee(
      { employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'HQ', region: 'Seoul', hiredOn: '2013-05-01' },
      ctx,
    );
    for (const [employeeId, grade] of [
      ['E1', 'STAFF'],
      ['E2', 'STAFF'],
      ['E3', 'STAFF'],
      ['E4', 'MANAGER'],
      ['GM1', 'GENERAL_MANAGER'],
    ] as const) {
      await directory.registerEmployee(
        { employeeId, name: employeeId, grade, orgUnitId: 'IT', region: 'Seoul', hiredOn: '2010-01-04' },
        ctx,
      );
    }
    await directory.registerBranch({ branchId: 'B1', name: '반포지점', region: 'Seoul', district: '서초구', seoul: true }, ctx);
    await directory.registerFc({ fcId: 'FC1', name: '설계사', branchId: 'B1', hiredOn: '2010-01-04' }, ctx);
    await customerSmile.registerCustomer(
      { customerId: 'C1', branchId: 'B1', registeredOn: '2014-03-01', name: '고객', phone: '010-1234-5678', address: '서울 서초구' },
      ctx,
    );
  }, 120_000);
  afterAll(() => t.dispose());

  it('checks a whole file in a dry run, reporting bad records by line, and records nothing', async () => {
    const { report, before, after } = await run(CSV, { dryRun: true });
    expect(report).toMatchObject({ format: 'CSV', encoding: 'UTF8', records: 20, imported: 15, unchanged: 0, failed: 5, dryRun: true });
    expect(report.errors.map((e) => e.line)).toEqual([8, 9, 19, 20, 21]);
    expect(after).toBe(before);
  });

  it('imports a UTF-8 CSV (with BOM): one append per session at the dates of the story; a refused session records nothing; bad records by line', async () => {
    const { report } = await run(CSV);
    expect(report).toMatchObject({ format: 'CSV', encoding: 'UTF8', records: 20, imported: 15, unchanged: 0, failed: 5, dryRun: false });
    expect(report.errors.map((e) => [e.line, e.key])).toEqual([
      [8, 'H-CAFE-2'],
      [9, 'H-CAFE-2'],
      [19, 'H-NONE'],
      [20, null],
      [21, null],
    ]);
    expect(report.errors[0]!.message).toMatch(/부장/); // GM1 walked in: the whole session is refused
    expect(report.errors[2]!.message).toMatch(/no cafe_session H-NONE/);
    expect(report.errors[3]!.message).toMatch(/secondsWatched/);
    expect(report.errors[4]!.message).toMatch(/type "nonsense"/);

    // The session: scheduled two weeks before (occurredAt), invitations then, attendance and the question at the session.
    expect(await streamOf(cafeSessionStream('H-CAFE-1'))).toEqual([
      ['CafeSessionScheduled', '2014-02-24T00:00:00.000Z'],
      ['EmployeeInvitedToCafeSession', '2014-02-24T00:00:00.000Z'],
      ['EmployeeInvitedToCafeSession', '2014-02-24T00:00:00.000Z'],
      ['CafeSessionAttendanceRecorded', '2014-03-10T06:00:00.000Z'],
      ['CafeSessionAttendanceRecorded', '2014-03-10T06:00:00.000Z'],
      ['CafeSessionQuestionRaised', '2014-03-10T06:00:00.000Z'],
      ['CafeSessionQuestionAnswered', '2014-03-10T06:00:00.000Z'],
    ]);
    // One append: every event of the session carries the same cause.
    expect(new Set((await t.hub.store.readStream(cafeSessionStream('H-CAFE-1'))).map((e) => e.metadata.causationId)).size).toBe(1);
    expect(await streamOf(cafeSessionStream('H-CAFE-2'))).toEqual([]);
    // A town hall in the past with no occurredAt of its own: recorded at its own time.
    expect(await streamOf(townHallStream('H-TH-1'))).toEqual([
      ['TownHallScheduled', '2014-04-20T09:00:00.000Z'],
      ['TownHallHeadCountRecorded', '2014-04-20T09:00:00.000Z'],
    ]);
    expect(await streamOf(branchVisitStream('H-V1'))).toEqual([['BranchVisited', '2014-12-20T02:00:00.000Z']]);
    const answer = await t.ok(`{ cafeSession(id: "H-CAFE-1") { venue attendedCount invitedCount } }`);
    expect(answer).toEqual({ cafeSession: { venue: '카페베네, 여의도', attendedCount: 2, invitedCount: 2 } });
  });

  it('records nothing twice: the same file again, as JSON Lines, and as CP949', async () => {
    const again = await run(CSV);
    expect(again.report).toMatchObject({ imported: 0, unchanged: 15, failed: 5 });
    expect(again.after).toBe(again.before);

    const jsonl = await run(JSONL);
    expect(jsonl.report).toMatchObject({ format: 'JSONL', records: 20, imported: 0, unchanged: 15, failed: 5 });
    expect(jsonl.report.errors.map((e) => e.line)).toEqual([7, 8, 18, 19, 20]);
    expect(jsonl.after).toBe(jsonl.before);

    const cp949 = iconv.encode(CSV.toString('utf8').replace(/^\uFEFF/, ''), 'cp949');
    const korean = await run(cp949);
    expect(korean.report).toMatchObject({ encoding: 'CP949', imported: 0, unchanged: 15, failed: 5 });
    expect(korean.after).toBe(korean.before);
  });

  it('records only what is new when a later file repeats a contract with one more visit', async () => {
    const file = Buffer.from(
      [
        '{"type":"contract","contractId":"H-K1","customerId":"C1","fcId":"FC1","product":"종신보험","signedOn":"2014-03-12"}',
        '{"type":"customer_visit","visitId":"H-K1-3m","contractId":"H-K1","fcId":"FC1","visitedAt":"2014-05-20T14:00:00+09:00","topics":["welcome and coverage"],"rating":5}',
        '{"type":"customer_visit","visitId":"H-K1-1y","contractId":"H-K1","fcId":"FC1","leaderIds":["CEO"],"visitedAt":"2015-03-12T15:00:00+09:00","topics":["one-year check"]}',
      ].join('\n'),
    );
    const { report, before, after } = await run(file);
    expect(report).toMatchObject({ records: 3, imported: 1, unchanged: 2, failed: 0, commands: 1 });
    expect(after).toBe((before ?? -1n) + 1n); // only the new visit
    expect((await streamOf('contract-H-K1')).map(([type]) => type)).toEqual(['ContractSigned', 'CustomerVisited', 'CustomerVisited']);
    expect((await run(file)).report).toMatchObject({ imported: 0, unchanged: 3 });
  });

  it('imports a CP949 file from Korean Excel', async () => {
    const csv = [
      'type,sessionId,scheduledAt,venue,hostIds,employeeId',
      'cafe_session,H-CAFE-3,2014-04-14T15:00:00+09:00,"스타벅스, 광화문",CEO,',
      'cafe_invitation,H-CAFE-3,,,,E2',
      'cafe_attendance,H-CAFE-3,,,,E2',
    ].join('\r\n');
    const { report, before, after } = await run(iconv.encode(csv, 'cp949'));
    expect(report).toMatchObject({ encoding: 'CP949', records: 3, imported: 3, failed: 0, commands: 1 });
    expect(after).toBe((before ?? -1n) + 3n);
    expect(await t.ok(`{ cafeSession(id: "H-CAFE-3") { venue attendedCount } }`)).toEqual({
      cafeSession: { venue: '스타벅스, 광화문', attendedCount: 1 },
    });
  });

  it('takes occurredAt on single mutations: business time where the data has none, refused where it contradicts the data', async () => {
    await t.ok(
      `mutation { inviteToCafeSession(input: { sessionId: "H-CAFE-1", employeeId: "E4" }, occurredAt: "2014-03-03T09:00:00+09:00") { id } }`,
    );
    expect((await streamOf(cafeSessionStream('H-CAFE-1'))).at(-1)).toEqual(['EmployeeInvitedToCafeSession', '2014-03-03T00:00:00.000Z']);
    await t.refused(
      `mutation { recordBranchVisit(input: { visitId: "H-V2", branchId: "B1", visitedAt: "2014-12-21T11:00:00+09:00", purpose: "x" }, occurredAt: "2014-12-22T11:00:00+09:00") { id } }`,
      'VALIDATION',
      /contradicts visitedAt/,
    );
    await t.refused(
      `mutation { promoteEmployee(input: { employeeId: "E1", grade: ASSISTANT_MANAGER, effectiveOn: "2015-04-01" }, occurredAt: "2015-05-01T00:00:00+09:00") { id } }`,
      'VALIDATION',
      /contradicts effectiveOn/,
    );
  });

  it('is for ADMIN only', async () => {
    const r = await t.graphql(IMPORT, { i: { contentBase64: JSONL.toString('base64') } }, 'HR');
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records a whole café session and a town hall through the bulk mutations: all or nothing, once per command id', async () => {
    const RECORD = `mutation($input: RecordCafeSessionInput!, $commandId: String, $occurredAt: DateTime) {
      recordCafeSession(input: $input, commandId: $commandId, occurredAt: $occurredAt) { id invitedCount attendedCount } }`;
    const input = {
      sessionId: 'B-CAFE-1',
      scheduledAt: '2014-05-12T15:00:00+09:00',
      venue: 'Café',
      hostIds: ['CEO'],
      invitations: [{ employeeId: 'E1' }, { employeeId: 'E2' }],
      attendance: [{ employeeId: 'E1' }],
      questions: [{ topic: 'career', text: 'How?', askedBy: 'E1', answer: { answeredBy: 'CEO', answer: 'Like this.' } }],
    };
    // In the past without occurredAt: refused, nothing recorded.
    await t.refused(RECORD, 'VALIDATION', /scheduling is for the future/, { input });
    const variables = { input, commandId: 'bulk-cafe-1', occurredAt: '2014-05-01T09:00:00+09:00' };
    expect(await t.ok(RECORD, variables)).toEqual({ recordCafeSession: { id: 'B-CAFE-1', invitedCount: 2, attendedCount: 1 } });
    const head = await t.hub.store.headPosition();
    expect(await t.ok(RECORD, variables)).toEqual({ recordCafeSession: { id: 'B-CAFE-1', invitedCount: 2, attendedCount: 1 } });
    expect(await t.hub.store.headPosition()).toBe(head);
    expect(await streamOf(cafeSessionStream('B-CAFE-1'))).toHaveLength(6);
    // A 부장 among the attendees refuses the whole session.
    await t.refused(RECORD, 'FORBIDDEN_BY_RULE', /부장/, {
      input: { ...input, sessionId: 'B-CAFE-2', attendance: [{ employeeId: 'E1' }, { employeeId: 'GM1' }] },
      occurredAt: '2014-05-01T09:00:00+09:00',
    });

    const TOWN_HALL = `mutation($input: RecordTownHallInput!, $occurredAt: DateTime) { recordTownHall(input: $input, occurredAt: $occurredAt) { id headCount attendedCount } }`;
    const th = await t.ok(TOWN_HALL, {
      input: {
        townHallId: 'B-TH-1',
        scheduledAt: '2014-06-20T18:00:00+09:00',
        format: 'CHIMAEK',
        theme: '치맥',
        venue: 'Rooftop',
        presenterIds: ['CEO'],
        attendance: [{ employeeId: 'E1' }, { employeeId: 'E2' }],
      },
      occurredAt: '2014-06-01T09:00:00+09:00',
    });
    expect(th).toEqual({ recordTownHall: { id: 'B-TH-1', headCount: 0, attendedCount: 2 } });
    expect(await streamOf(townHallStream('B-TH-1'))).toEqual([
      ['TownHallScheduled', '2014-06-01T00:00:00.000Z'],
      ['TownHallAttendanceRecorded', '2014-06-20T09:00:00.000Z'],
      ['TownHallAttendanceRecorded', '2014-06-20T09:00:00.000Z'],
    ]);
  });
});
