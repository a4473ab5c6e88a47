import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/*
 * The CEO's e-mail letters end to end: HQ ─ IT (E1, E2), FIN (E3); branch B1 with FC1.
 * Letter L1 (January 2015) to employees and FCs, E2's copy bounced; letter L2 only to IT.
 */
describe.each(HUB_ENGINES)('e-mail letters through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const refused = (query: string, code: string, message: RegExp) => t.refused(query, code, message);
  const LETTER = `id subject sent delivered opened openRate author { id }`;
  const open = (readerKind: string, readerId: string, openedAt: string, letterId = 'L1') =>
    `mutation { recordEmailLetterOpen(input: { letterId: "${letterId}", readerKind: ${readerKind}, readerId: "${readerId}", openedAt: "${openedAt}" }) { ${LETTER} } }`;

  beforeAll(async () => {
    t = await startHub(engine);
    const m = (q: string) => ok(`mutation { ${q} }`);
    await m(`defineOrgUnit(input: { orgUnitId: "HQ", name: "Head Office", kind: DIVISION }) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "IT", name: "IT", kind: DEPARTMENT, parentId: "HQ" }) { id }`);
    await m(`defineOrgUnit(input: { orgUnitId: "FIN", name: "Finance", kind: DEPARTMENT, parentId: "HQ" }) { id }`);
    await m(`registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul" }) { id }`);
    for (const [id, unit] of [
      ['E1', 'IT'],
      ['E2', 'IT'],
      ['E3', 'FIN'],
    ])
      await m(
        `registerEmployee(input: { employeeId: "${id}", name: "${id}", grade: STAFF, orgUnitId: "${unit}", region: "Seoul", hiredOn: "2010-01-04" }) { id }`,
      );
    await m(`registerBranch(input: { branchId: "B1", name: "반포", region: "Seoul", district: "서초구", seoul: true }) { id }`);
    await m(`registerFc(input: { fcId: "FC1", name: "이설계", branchId: "B1", hiredOn: "2010-01-04" }) { id }`);
  });
  afterAll(() => t.dispose());

  it('sends a letter, records opens as broadcast touches by the author, and counts a second open once', async () => {
    const sent = await ok(`mutation { sendEmailLetter(input: {
        letterId: "L1", authorId: "CEO", subject: "2015년을 시작하며", audience: [EMPLOYEE, FC], sentAt: "2015-01-02T09:00:00+09:00",
        recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }, { readerKind: EMPLOYEE, readerId: "E2", delivered: false },
                     { readerKind: EMPLOYEE, readerId: "E3" }, { readerKind: FC, readerId: "FC1" }] }) { ${LETTER} } }`);
    expect(sent).toEqual({
      sendEmailLetter: { id: 'L1', subject: '2015년을 시작하며', sent: 4, delivered: 3, opened: 0, openRate: 0, author: { id: 'CEO' } },
    });
    await ok(open('EMPLOYEE', 'E1', '2015-01-02T10:00:00+09:00'));
    const after = await ok(open('FC', 'FC1', '2015-01-03T10:00:00+09:00'));
    expect(after).toMatchObject({ recordEmailLetterOpen: { opened: 2, delivered: 3, openRate: 2 / 3 } });
    // Opened again on another device: the same reader reached once, nothing new recorded.
    const head = await t.hub.store.headPosition();
    expect(await ok(open('EMPLOYEE', 'E1', '2015-01-05T10:00:00+09:00'))).toMatchObject({ recordEmailLetterOpen: { opened: 2 } });
    expect(await t.hub.store.headPosition()).toBe(head);
    expect(await ok(`{ employee(id: "E1") { touches { channel mode leader { id } } } }`)).toEqual({
      employee: { touches: [{ channel: 'EMAIL_LETTER', mode: 'BROADCAST', leader: { id: 'CEO' } }] },
    });
    expect(await ok(`{ emailLetters(first: 10) { totalCount edges { node { id sent delivered opened openRate } } } }`)).toEqual({
      emailLetters: { totalCount: 1, edges: [{ node: { id: 'L1', sent: 4, delivered: 3, opened: 2, openRate: 2 / 3 } }] },
    });
  });

  it('shows the channel in coverage by channel like every other', async () => {
    const r = await ok(
      `{ coverage(population: EMPLOYEE, period: { from: "2015-01-01T00:00:00+09:00", to: "2015-02-01T00:00:00+09:00" }) { reached byChannel { channel reached touches } } }`,
    );
    expect(r).toEqual({ coverage: { reached: 1, byChannel: [{ channel: 'EMAIL_LETTER', reached: 1, touches: 1 }] } });
    const fcs = await ok(
      `{ coverage(population: FC, period: { from: "2015-01-01T00:00:00+09:00", to: "2015-02-01T00:00:00+09:00" }, channel: EMAIL_LETTER) { reached population } }`,
    );
    expect(fcs).toEqual({ coverage: { reached: 1, population: 1 } });
  });

  it('narrows a letter to an org unit and the units under it', async () => {
    await ok(`mutation { sendEmailLetter(input: {
        letterId: "L2", authorId: "CEO", subject: "To HQ", audience: [EMPLOYEE], orgUnitIds: ["HQ"], sentAt: "2015-02-02T09:00:00+09:00",
        recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }, { readerKind: EMPLOYEE, readerId: "E3" }] }) { id } }`);
    await refused(
      `mutation { sendEmailLetter(input: { letterId: "L3", authorId: "CEO", subject: "To IT", audience: [EMPLOYEE], orgUnitIds: ["IT"],
        sentAt: "2015-02-02T09:00:00+09:00", recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }, { readerKind: EMPLOYEE, readerId: "E3" }] }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /E3 is outside the letter's org units/,
    );
  });

  it('refuses bad input and impossible letters and opens, appending nothing', async () => {
    await refused(open('EMPLOYEE', 'E1', '2015-01-02T10:00:00+09:00', 'NEVER-SENT'), 'NOT_FOUND', /was not sent/);
    await refused(open('EMPLOYEE', 'E2', '2015-01-02T10:00:00+09:00'), 'FORBIDDEN_BY_RULE', /not delivered to EMPLOYEE E2/);
    await refused(open('EMPLOYEE', 'E3', '2015-01-01T10:00:00+09:00'), 'FORBIDDEN_BY_RULE', /before the letter was sent/);
    await refused(open('EMPLOYEE', 'NOBODY', '2015-01-02T10:00:00+09:00'), 'NOT_FOUND', /NOBODY/);
    await refused(
      `mutation { sendEmailLetter(input: { letterId: "L1", authorId: "CEO", subject: "Again", audience: [EMPLOYEE], sentAt: "2015-01-02T09:00:00+09:00",
        recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }] }) { id } }`,
      'CONFLICT',
      /already sent/,
    );
    await refused(
      `mutation { sendEmailLetter(input: { authorId: "CEO", subject: "  ", audience: [], sentAt: "2015-01-02T09:00:00+09:00", recipients: [] }) { id } }`,
      'VALIDATION',
      /subject[\s\S]*audience[\s\S]*recipients/,
    );
    await refused(
      `mutation { sendEmailLetter(input: { authorId: "CEO", subject: "From the future", audience: [EMPLOYEE], sentAt: "2999-01-01T00:00:00Z",
        recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }] }) { id } }`,
      'VALIDATION',
      /in the future/,
    );
    await refused(
      `mutation { sendEmailLetter(input: { authorId: "CEO", subject: "Employees only", audience: [EMPLOYEE], sentAt: "2015-01-02T09:00:00+09:00",
        recipients: [{ readerKind: FC, readerId: "FC1" }] }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /not FC FC1/,
    );
  });

  it('lets LEADERSHIP and HR record letters, refuses other roles, and lets every role read them', async () => {
    const send = `mutation { sendEmailLetter(input: { letterId: "L9", authorId: "CEO", subject: "x", audience: [EMPLOYEE], sentAt: "2015-01-02T09:00:00+09:00",
      recipients: [{ readerKind: EMPLOYEE, readerId: "E1" }] }) { id } }`;
    for (const role of ['VIEWER', 'SALES', 'ADMIN'] as const) await t.refused(send, 'FORBIDDEN', /./, undefined, role);
    await t.refused(open('EMPLOYEE', 'E3', '2015-01-03T10:00:00+09:00'), 'FORBIDDEN', /./, undefined, 'SALES');
    const read = await t.ok(`{ emailLetters(first: 1) { totalCount } }`, undefined, 'VIEWER');
    expect(read).toEqual({ emailLetters: { totalCount: 2 } });
  });
});
