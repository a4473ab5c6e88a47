import type { Role } from '@hub/access';
import { schema } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/*
 * Issue #9, through the real gateway: every mutation, sent 50 times in parallel with one
 * `commandId`, answers the same (ids included, also where the hub generates them) and records
 * one call's events; the same `commandId` with another input is refused with
 * IDEMPOTENCY_CONFLICT and records nothing. The list of mutations must equal the schema's, so a
 * new mutation cannot skip this.
 *
 * Three mutations are not event-sourced commands and take no `commandId` (see the last tests):
 * importCsv (idempotent per row, by ids it derives from each row's content), issueApiToken and
 * revokeApiToken (API tokens live in SQL, not in events).
 */

const PARALLEL = 50;

interface CommandCase {
  /** The mutation field. */
  mutation: string;
  /** A valid input, given the prerequisites `beforeAll` records. Ids the hub can generate are left out. */
  input: Record<string, unknown>;
  /** Fields changed for the conflicting retry (the same command id, another input). */
  conflict: Record<string, unknown>;
  /** What to ask of the answer. */
  select: string;
  /** Events one call records (default 1). */
  events?: number;
}

const COMMANDS: CommandCase[] = [
  // Directory: org units, employees, branches, FCs.
  {
    mutation: 'defineOrgUnit',
    input: { orgUnitId: 'IDEM-OU', name: 'Idempotent team', kind: 'TEAM', parentId: 'IT' },
    conflict: { name: 'Other team' },
    select: '{ id name kind parent { id } }',
  },
  {
    mutation: 'registerEmployee',
    input: { employeeId: 'IDEM-E', name: '김반복', grade: 'STAFF', orgUnitId: 'IT', region: 'Seoul', hiredOn: '2014-01-02' },
    conflict: { grade: 'MANAGER' },
    select: '{ id name grade orgUnit { id } region hiredOn }',
  },
  {
    mutation: 'promoteEmployee',
    input: { employeeId: 'E2', grade: 'ASSISTANT_MANAGER', effectiveOn: '2015-01-01' },
    conflict: { grade: 'MANAGER' },
    select: '{ id grade }',
  },
  {
    mutation: 'transferEmployee',
    input: { employeeId: 'E3', orgUnitId: 'HQ', region: 'Busan', effectiveOn: '2015-02-01' },
    conflict: { region: 'Daegu' },
    select: '{ id orgUnit { id } region }',
  },
  {
    mutation: 'recordEmployeeLeft',
    input: { employeeId: 'E4', leftOn: '2015-06-30' },
    conflict: { leftOn: '2015-07-31' },
    select: '{ id leftOn }',
  },
  {
    mutation: 'registerBranch',
    input: { branchId: 'IDEM-B', name: '반복 지점', region: 'Seoul', district: '강남구', seoul: true },
    conflict: { seoul: false },
    select: '{ id name region district seoul pride }',
  },
  {
    mutation: 'enrollBranchInPride',
    input: { branchId: 'B2', since: '2015-03-09' },
    conflict: { since: '2015-03-16' },
    select: '{ id pride prideSince }',
  },
  {
    mutation: 'registerFc',
    input: { fcId: 'IDEM-FC', name: '반설계', branchId: 'B1', hiredOn: '2013-01-07' },
    conflict: { branchId: 'B2' },
    select: '{ id name branch { id } hiredOn }',
  },
  {
    mutation: 'transferFc',
    input: { fcId: 'FC2', branchId: 'B2', effectiveOn: '2015-01-01' },
    conflict: { effectiveOn: '2015-02-01' },
    select: '{ id branch { id } }',
  },
  { mutation: 'recordFcLeft', input: { fcId: 'FC3', leftOn: '2015-06-30' }, conflict: { leftOn: '2015-07-01' }, select: '{ id leftOn }' },
  // Customer Smile and PRIDE. registerCustomer's personal fields are not part of the fingerprint, so its conflict changes a date.
  {
    mutation: 'registerCustomer',
    input: { branchId: 'B1', registeredOn: '2014-04-01', name: '박반복', phone: '010-2222-3333', address: '서울 서초구 반포동' },
    conflict: { registeredOn: '2014-04-02' },
    select: '{ id registeredOn branch { id } }',
  },
  {
    mutation: 'signContract',
    input: { customerId: 'C1', fcId: 'FC1', product: '연금보험', signedOn: '2014-08-01' },
    conflict: { product: '종신보험' },
    select: '{ id product signedOn customer { id } fc { id } followUps { __typename } }',
  },
  {
    mutation: 'recordCustomerVisit',
    input: {
      contractId: 'K1',
      fcId: 'FC1',
      leaderIds: ['CEO'],
      visitedAt: '2014-05-20T10:00:00+09:00',
      topics: ['coverage'],
      feedback: { rating: 5, comment: '친절해요' },
    },
    conflict: { topics: ['coverage', 'claims'] },
    select: '{ id satisfies topics rating comment leaders { id } fc { id } }',
  },
  {
    mutation: 'eraseCustomerPersonalData',
    input: { customerId: 'C2', erasedOn: '2016-01-01' },
    conflict: { erasedOn: '2016-01-02' },
    select: '{ id erasedOn }',
  },
  // `repeated` tells the first answer from the repeats, so it is left out of the comparison and checked apart.
  {
    mutation: 'reportFcWeeklyActivity',
    input: { fcId: 'FC1', weekOf: '2015-03-09', customerVisits: 12, calls: 30, contracts: 2 },
    conflict: { calls: 31 },
    select: '{ fcId weekOf repeated }',
  },
  // Branch visits.
  {
    mutation: 'launchCampaign',
    input: { name: 'Christmas cakes', purpose: 'Thank every branch', targetBranchIds: ['B1', 'B2'], deadline: '2014-12-24' },
    conflict: { deadline: '2014-12-25' },
    select: '{ id name targetCount visitedCount }',
  },
  {
    mutation: 'recordBranchVisit',
    input: {
      branchId: 'B1',
      leaderIds: ['CEO'],
      fcIds: ['FC1'],
      visitedAt: '2014-12-20T11:00:00+09:00',
      purpose: 'Christmas visit',
      gift: 'Christmas cake',
    },
    conflict: { gift: 'Flowers' },
    select: '{ id branch { id } leaders { id } fcs { id } gift visitedAt }',
  },
  // Café sessions (톡톡타임).
  {
    mutation: 'scheduleCafeSession',
    input: { scheduledAt: '2035-04-09T15:00:00+09:00', venue: 'Café Bene, Yeouido', hostIds: ['CEO'] },
    conflict: { venue: 'Starbucks, Jongno' },
    select: '{ id scheduledAt venue capacity status hosts { id } }',
  },
  {
    mutation: 'inviteToCafeSession',
    input: { sessionId: 'S1', employeeId: 'E5' },
    conflict: { employeeId: 'E6' },
    select: '{ id invitedCount }',
  },
  {
    mutation: 'recordCafeSessionAttendance',
    input: { sessionId: 'S1', employeeId: 'E6' },
    conflict: { employeeId: 'E5' },
    select: '{ id attendedCount }',
  },
  {
    mutation: 'raiseCafeSessionQuestion',
    input: { sessionId: 'S1', topic: 'career', text: 'How do I grow?', askedBy: 'E1' },
    conflict: { text: 'How do I grow faster?' },
    select: '{ id topic text askedBy { id } answered }',
  },
  {
    mutation: 'answerCafeSessionQuestion',
    input: { sessionId: 'S1', questionId: 'Q1', answeredBy: 'CEO', mode: 'LIVE', answer: 'Candidly: yes.' },
    conflict: { mode: 'FOLLOWED_UP' },
    select: '{ id answered answer answerMode answeredBy { id } }',
  },
  {
    mutation: 'assignCafeSessionFollowUp',
    input: { sessionId: 'S1', description: 'Send the career ladder', ownerId: 'CEO', dueOn: '2015-03-31' },
    conflict: { dueOn: '2015-04-30' },
    select: '{ id description dueOn owner { id } }',
  },
  {
    mutation: 'completeCafeSessionFollowUp',
    input: { sessionId: 'S1', followUpId: 'F1', completedOn: '2015-03-20' },
    conflict: { completedOn: '2015-03-21' },
    select: '{ id completedOn }',
  },
  {
    mutation: 'recordCafeSession',
    input: {
      scheduledAt: '2035-05-14T15:00:00+09:00',
      venue: 'Café Bene, Yeouido',
      hostIds: ['CEO'],
      invitations: [{ employeeId: 'E5' }, { employeeId: 'E6' }],
    },
    events: 3, // scheduled and two invitations, in one append
    conflict: { venue: 'Starbucks, Jongno' },
    select: '{ id venue invitedCount hosts { id } }',
  },
  {
    mutation: 'cancelCafeSession',
    input: { sessionId: 'S-LATER', reason: 'The CEO travels' },
    conflict: { reason: 'Rain' },
    select: '{ id status cancelReason }',
  },
  // Town halls.
  {
    mutation: 'scheduleTownHall',
    input: {
      scheduledAt: '2035-07-20T18:00:00+09:00',
      format: 'TALK_CONCERT',
      theme: 'H1 results',
      venue: 'Auditorium',
      presenterIds: ['CEO', 'M1'],
    },
    conflict: { format: 'CHIMAEK' },
    select: '{ id format theme venue presenters { id } }',
  },
  {
    mutation: 'recordTownHall',
    input: { scheduledAt: '2035-09-20T18:00:00+09:00', format: 'LECTURE', theme: 'Q3 results', venue: 'Auditorium', presenterIds: ['CEO'] },
    conflict: { theme: 'Q3 plans' },
    select: '{ id format theme presenters { id } }',
  },
  {
    mutation: 'recordTownHallAttendance',
    input: { townHallId: 'TH1', employeeId: 'E2' },
    conflict: { employeeId: 'E5' },
    select: '{ id attendedCount }',
  },
  {
    mutation: 'recordTownHallHeadCount',
    input: { townHallId: 'TH1', orgUnitId: 'IT', headCount: 30 },
    conflict: { headCount: 31 },
    select: '{ id headCount headCounts { orgUnit { id } headCount } }',
  },
  {
    mutation: 'raiseTownHallQuestion',
    input: { townHallId: 'TH1', topic: 'strategy', text: 'Next year?', askedBy: 'E1' },
    conflict: { topic: 'pay' },
    select: '{ id questions { id text askedBy { id } } }',
  },
  {
    mutation: 'answerTownHallQuestion',
    input: { townHallId: 'TH1', questionId: 'TQ1', answeredBy: 'M1', answer: 'Growth.' },
    conflict: { answer: 'Profit.' },
    select: '{ id questions { id answeredBy { id } } }',
  },
  {
    mutation: 'assignTownHallFollowUp',
    input: { townHallId: 'TH1', questionId: 'TQ1', description: 'Publish the plan', ownerId: 'M1', dueOn: '2015-06-30' },
    conflict: { dueOn: '2015-07-31' },
    select: '{ id description dueOn owner { id } gathering { channel id } }',
  },
  {
    mutation: 'completeTownHallFollowUp',
    input: { townHallId: 'TH1', followUpId: 'TF1', completedOn: '2015-06-20' },
    conflict: { completedOn: '2015-06-21' },
    select: '{ id completedOn }',
  },
  {
    mutation: 'giveTownHallFeedback',
    input: { townHallId: 'TH1', rating: 5, comment: '치맥 최고', employeeId: 'E1' },
    conflict: { rating: 4 },
    select: '{ id feedbackCount averageRating }',
  },
  {
    mutation: 'cancelTownHall',
    input: { townHallId: 'TH-LATER', reason: 'Typhoon' },
    conflict: { reason: 'Rain' },
    select: '{ id status cancelReason }',
  },
  // Video messages.
  {
    mutation: 'publishVideoMessage',
    input: {
      authorId: 'CEO',
      title: 'Mid-year message',
      durationSeconds: 240,
      audience: ['EMPLOYEE', 'FC'],
      publishedAt: '2015-07-01T09:00:00+09:00',
    },
    conflict: { durationSeconds: 241 },
    select: '{ id title durationSeconds audience author { id } publishedAt }',
  },
  {
    mutation: 'recordVideoView',
    input: { videoId: 'V1', viewerKind: 'EMPLOYEE', viewerId: 'E1', secondsWatched: 120, viewedAt: '2015-01-02T10:00:00+09:00' },
    conflict: { secondsWatched: 121 },
    select: '{ id views distinctViewers averageCompletion }',
  },
  // E-mail letters.
  {
    mutation: 'sendEmailLetter',
    input: {
      authorId: 'CEO',
      subject: 'Mid-year letter',
      audience: ['EMPLOYEE'],
      recipients: [{ readerKind: 'EMPLOYEE', readerId: 'E1' }],
      sentAt: '2015-07-01T09:00:00+09:00',
    },
    conflict: { subject: 'Another letter' },
    select: '{ id subject sent delivered }',
  },
  {
    mutation: 'recordEmailLetterOpen',
    input: { letterId: 'L1', readerKind: 'EMPLOYEE', readerId: 'E1', openedAt: '2015-01-02T10:00:00+09:00' },
    conflict: { openedAt: '2015-01-02T11:00:00+09:00' },
    select: '{ id opened }',
  },
];

/** Mutations whose answer's `id` the hub generates when the input leaves it out. */
const GENERATED_ID = new Set([
  'registerCustomer',
  'signContract',
  'recordCustomerVisit',
  'launchCampaign',
  'recordBranchVisit',
  'scheduleCafeSession',
  'raiseCafeSessionQuestion',
  'assignCafeSessionFollowUp',
  'assignTownHallFollowUp',
  'scheduleTownHall',
  'recordCafeSession',
  'recordTownHall',
  'publishVideoMessage',
  'sendEmailLetter',
]);

/** Mutations that are not commands of the event store: no `commandId` argument (tested below on their own terms). */
const NOT_COMMANDS = ['importCsv', 'importHistory', 'issueApiToken', 'revokeApiToken'];

const documentFor = (c: CommandCase) => {
  const field = schema.getMutationType()!.getFields()[c.mutation];
  const inputType = field?.args.find((a) => a.name === 'input')?.type.toString();
  if (!inputType) throw new Error(`${c.mutation} has no input argument`);
  return `mutation($commandId: String, $input: ${inputType}) { ${c.mutation}(commandId: $commandId, input: $input) ${c.select} }`;
};

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
/** The answer's data without `repeated` (the one field a repeat is allowed to answer differently). */
const comparable = (data: unknown): unknown =>
  JSON.parse(JSON.stringify(data ?? null, (key, value: unknown) => (key === 'repeated' ? undefined : value)));

describe.each(HUB_ENGINES)('idempotency of every mutation on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, role?: Role) => t.ok(query, undefined, role);
  const head = async () => (await t.hub.store.headPosition()) ?? 0n;

  beforeAll(async () => {
    t = await startHub(engine);
    // The prerequisites, without command ids.
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "HQ", name: "Head Office", kind: DIVISION }) { id } }`);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "IT", name: "IT", kind: DEPARTMENT, parentId: "HQ" }) { id } }`);
    await ok(
      `mutation { registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul", title: "CEO", hiredOn: "2013-05-01" }) { id } }`,
    );
    await ok(
      `mutation { registerEmployee(input: { employeeId: "M1", name: "과장 발표자", grade: MANAGER, orgUnitId: "IT", region: "Seoul", hiredOn: "2010-01-04" }) { id } }`,
    );
    for (const [id, grade] of [
      ['E1', 'STAFF'],
      ['E2', 'STAFF'],
      ['E3', 'ASSISTANT_MANAGER'],
      ['E4', 'STAFF'],
      ['E5', 'DEPUTY_GENERAL_MANAGER'],
      ['E6', 'STAFF'],
    ] as const) {
      await ok(
        `mutation { registerEmployee(input: { employeeId: "${id}", name: "직원 ${id}", grade: ${grade}, orgUnitId: "IT", region: "Seoul", hiredOn: "2010-01-04" }) { id } }`,
      );
    }
    await ok(
      `mutation { registerBranch(input: { branchId: "B1", name: "반포", region: "Seoul", district: "서초구", seoul: true }) { id } }`,
    );
    await ok(
      `mutation { registerBranch(input: { branchId: "B2", name: "해운대", region: "Busan", district: "해운대구", seoul: false }) { id } }`,
    );
    for (const fc of ['FC1', 'FC2', 'FC3'])
      await ok(`mutation { registerFc(input: { fcId: "${fc}", name: "설계사 ${fc}", branchId: "B1", hiredOn: "2010-01-04" }) { id } }`);
    for (const c of ['C1', 'C2']) {
      await ok(
        `mutation { registerCustomer(input: { customerId: "${c}", branchId: "B1", registeredOn: "2014-03-01", name: "고객 ${c}", phone: "010-1234-5678", address: "서울 서초구" }) { id } }`,
      );
    }
    await ok(
      `mutation { signContract(input: { contractId: "K1", customerId: "C1", fcId: "FC1", product: "종신보험", signedOn: "2014-03-10" }) { id } }`,
    );
    // A café session that took place (an invitee who came, a question, a follow-up), and one still to come.
    await ok(
      `mutation { scheduleCafeSession(input: { sessionId: "S1", scheduledAt: "2015-03-12T15:00:00+09:00", venue: "Café Bene, Yeouido", hostIds: ["CEO"] }, occurredAt: "2015-01-15T09:00:00+09:00") { id } }`,
    );
    await ok(`mutation { inviteToCafeSession(input: { sessionId: "S1", employeeId: "E1" }) { id } }`);
    await ok(`mutation { recordCafeSessionAttendance(input: { sessionId: "S1", employeeId: "E1" }) { id } }`);
    await ok(
      `mutation { raiseCafeSessionQuestion(input: { sessionId: "S1", questionId: "Q1", topic: "strategy", text: "Why tea?", askedBy: "E1" }) { id } }`,
    );
    await ok(
      `mutation { assignCafeSessionFollowUp(input: { sessionId: "S1", followUpId: "F1", description: "Share the plan", ownerId: "CEO", dueOn: "2015-03-31" }) { id } }`,
    );
    await ok(
      `mutation { scheduleCafeSession(input: { sessionId: "S-LATER", scheduledAt: "2030-03-12T15:00:00+09:00", venue: "Café Bene, Yeouido", hostIds: ["CEO"] }) { id } }`,
    );
    // A town hall that took place (an attendee, a question, a follow-up), and one still to come.
    await ok(
      `mutation { scheduleTownHall(input: { townHallId: "TH1", scheduledAt: "2015-05-20T18:00:00+09:00", format: CHIMAEK, theme: "Q1 results", venue: "Rooftop", presenterIds: ["CEO", "M1"] }, occurredAt: "2015-01-15T09:00:00+09:00") { id } }`,
    );
    await ok(`mutation { recordTownHallAttendance(input: { townHallId: "TH1", employeeId: "E1" }) { id } }`);
    await ok(
      `mutation { raiseTownHallQuestion(input: { townHallId: "TH1", questionId: "TQ1", topic: "strategy", text: "Where to?", askedBy: "E1" }) { id } }`,
    );
    await ok(
      `mutation { assignTownHallFollowUp(input: { townHallId: "TH1", followUpId: "TF1", description: "Write it up", ownerId: "CEO", dueOn: "2015-06-30" }) { id } }`,
    );
    await ok(
      `mutation { scheduleTownHall(input: { townHallId: "TH-LATER", scheduledAt: "2030-05-20T18:00:00+09:00", format: LECTURE, theme: "Later", venue: "Hall", presenterIds: ["CEO"] }) { id } }`,
    );
    await ok(
      `mutation { publishVideoMessage(input: { videoId: "V1", authorId: "CEO", title: "New year message", durationSeconds: 300, audience: [EMPLOYEE, FC], publishedAt: "2015-01-02T09:00:00+09:00" }) { id } }`,
    );
    await ok(
      `mutation { sendEmailLetter(input: { letterId: "L1", authorId: "CEO", subject: "New year letter", audience: [EMPLOYEE], recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }], sentAt: "2015-01-02T09:00:00+09:00" }) { id } }`,
    );
  });
  afterAll(() => t.dispose());

  it('covers every mutation of the schema: the commands below, and the three that are not commands', () => {
    expect([...COMMANDS.map((c) => c.mutation), ...NOT_COMMANDS].sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
    const fields = schema.getMutationType()!.getFields();
    const argsOf = (mutation: string) => fields[mutation]!.args.map((a) => a.name);
    for (const c of COMMANDS) expect(argsOf(c.mutation), c.mutation).toContain('commandId');
    for (const name of NOT_COMMANDS) expect(argsOf(name), name).not.toContain('commandId');
  });

  it.each(COMMANDS)(
    `$mutation: ${PARALLEL} parallel retries with one commandId answer the same and record one call's events; another input is IDEMPOTENCY_CONFLICT`,
    async (c) => {
      const document = documentFor(c);
      const commandId = `idem-${c.mutation}`;
      const before = await head();
      const answers: Answer[] = await Promise.all(
        Array.from({ length: PARALLEL }, () => t.graphql<Record<string, unknown>>(document, { commandId, input: c.input })),
      );

      expect(answers.flatMap((a) => a.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`)).toEqual([]);
      const first = comparable(answers[0]!.data);
      expect(first).toMatchObject({ [c.mutation]: expect.anything() });
      for (const a of answers) expect(comparable(a.data)).toEqual(first);
      if (c.select.includes('repeated')) {
        expect(answers.filter((a) => (a.data?.[c.mutation] as { repeated: boolean }).repeated === false)).toHaveLength(1);
      }

      // One call's events, each carrying the command id as its cause; none from the 49 repeats.
      const appended = await t.hub.store.readAll({ after: before });
      expect(appended.map((e) => e.metadata.causationId)).toEqual(Array.from({ length: c.events ?? 1 }, () => commandId));
      const after = await head();
      expect(after).toBe(appended.at(-1)!.position);

      // A later retry: the same answer, nothing recorded.
      const late = await t.graphql(document, { commandId, input: c.input });
      expect(late.errors).toBeUndefined();
      expect(comparable(late.data)).toEqual(first);
      // The same command id with another input: refused, nothing recorded (also when many arrive at once).
      const conflicts = await Promise.all(
        Array.from({ length: 5 }, () => t.graphql(document, { commandId, input: { ...c.input, ...c.conflict } })),
      );
      for (const r of conflicts) {
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['IDEMPOTENCY_CONFLICT']);
        expect(r.errors?.[0]?.message).toMatch(new RegExp(`Command id ${commandId} was already used`));
      }
      expect(await head()).toBe(after);

      // Where the hub generates the id, it comes from the command id: another command id with the same input is another thing.
      if (GENERATED_ID.has(c.mutation)) {
        const other = await t.graphql<Record<string, unknown>>(document, { commandId: `${commandId}-another`, input: c.input });
        expect(other.errors).toBeUndefined();
        const idOf = (data: Record<string, unknown> | null | undefined) => (data?.[c.mutation] as { id: string }).id;
        expect(idOf(other.data)).not.toBe(idOf(answers[0]!.data));
        const recorded = await t.hub.store.readAll({ after });
        expect(recorded.map((e) => e.metadata.causationId)).toEqual(Array.from({ length: c.events ?? 1 }, () => `${commandId}-another`));
        expect(JSON.stringify(recorded[0]!.data)).toContain(`"${idOf(other.data)}"`);
      }
    },
  );

  it('registerCustomer: a retry with other personal data (not part of the fingerprint) gets the stored answer and changes nothing, the first personal data kept', async () => {
    const REGISTER = `mutation($commandId: String, $input: RegisterCustomerInput!) { registerCustomer(commandId: $commandId, input: $input) { id registeredOn } }`;
    const input = { branchId: 'B1', registeredOn: '2014-05-01', name: '최개인', phone: '010-5555-6666', address: '서울 강남구' };
    const first = await t.ok(REGISTER, { commandId: 'idem-pii', input });
    const before = await head();
    const guessed = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.graphql<Record<string, unknown>>(REGISTER, {
          commandId: 'idem-pii',
          input: { ...input, name: `추측 ${i}`, phone: `010-0000-000${i}`, address: '부산' },
        }),
      ),
    );
    for (const r of guessed) expect(r).toEqual({ data: first });
    expect(await head()).toBe(before);
    const id = (first.registerCustomer as { id: string }).id;
    const stored = await t.ok(`query($id: ID!) { customer(id: $id) { personalData { name phone address } } }`, { id }, 'SALES');
    expect(stored).toEqual({ customer: { personalData: { name: '최개인', phone: '010-5555-6666', address: '서울 강남구' } } });
  });

  it(`importCsv (no commandId: each row's commands take ids derived from the row's content): ${PARALLEL} parallel runs of one file record it once`, async () => {
    const IMPORT = `mutation($i: ImportCsvInput!) { importCsv(input: $i) { rows imported unchanged failed errors { line message } } }`;
    const csv =
      'branchId,name,region,district,seoul,prideSince\r\nCSV-1,광화문,Seoul,종로구,Y,\r\nCSV-2,분당,Gyeonggi,성남시,N,2015-03-09\r\nCSV-3,대구,Daegu,중구,N,\r\n';
    const input = { i: { kind: 'BRANCHES', contentBase64: Buffer.from(csv, 'utf8').toString('base64') } };
    const before = await head();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.graphql<{ importCsv: { rows: number; imported: number; unchanged: number; failed: number } }>(IMPORT, input),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? []).map((e) => e.message)).toEqual([]);
    const reports = answers.map((a) => a.data!.importCsv);
    for (const r of reports) expect(r).toMatchObject({ rows: 3, failed: 0, errors: [] });
    for (const r of reports) expect(r.imported + r.unchanged).toBe(3);
    // Each row was recorded by exactly one of the runs: three branches, one of them enrolled in PRIDE.
    expect(reports.reduce((n, r) => n + r.imported, 0)).toBe(3);
    const appended = await t.hub.store.readAll({ after: before });
    expect(appended.map((e) => e.type).sort()).toEqual([
      'BranchEnrolledInPride',
      'BranchRegistered',
      'BranchRegistered',
      'BranchRegistered',
    ]);
    // Re-running the file later records nothing either.
    const again = await t.ok(IMPORT, input);
    expect(again.importCsv).toMatchObject({ imported: 0, unchanged: 3, failed: 0 });
    expect(await head()).toBe(appended.at(-1)!.position);
  });

  it('issueApiToken and revokeApiToken (no commandId; tokens are SQL rows, not events): record no event; a retried issue makes another token, a retried revoke is refused', async () => {
    const before = await head();
    const ISSUE = `mutation { issueApiToken(input: { subject: "idem-bot", role: HR, expiresInDays: 1 }) { id subject role token } }`;
    const issued = await Promise.all([t.ok(ISSUE), t.ok(ISSUE)]);
    const [a, b] = issued.map((r) => r.issueApiToken as { id: string; token: string });
    expect(a!.id).not.toBe(b!.id);
    const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
    const revoked = await Promise.all(
      Array.from({ length: 10 }, () => t.graphql<{ revokeApiToken: { id: string; revokedAt: string } }>(REVOKE, { id: a!.id })),
    );
    expect(revoked.filter((r) => !r.errors).map((r) => r.data!.revokeApiToken.id)).toEqual([a!.id]);
    expect(new Set(revoked.flatMap((r) => r.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`))).toEqual(
      new Set([`NOT_FOUND: No active API token ${a!.id}`]),
    );
    expect(await head()).toBe(before);
  });
});
