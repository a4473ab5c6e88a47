import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/*
 * Issue #10, end to end through the public API: an empty hub takes a company's directory (CSV)
 * and its 2014 history (JSON Lines) today, then answers questions about 2014 as they stood then —
 * business time (`asOf`) — and as the hub knew them before a correction — record time (`knownAt`).
 */

const CSV_IMPORT = `mutation($i: ImportCsvInput!) { importCsv(input: $i) { imported failed errors { line message } } }`;
const HISTORY_IMPORT = `mutation($i: ImportHistoryInput!) { importHistory(input: $i) { imported failed errors { line message } } }`;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const ORG_UNITS = ['orgUnitId,name,kind,parentId', 'HQ,본사,DIVISION,', 'IT,IT,DEPARTMENT,HQ', 'FIN,재무,DEPARTMENT,HQ'].join('\n');
const EMPLOYEES = [
  'employeeId,name,grade,orgUnitId,region,title,hiredOn',
  'CEO,정문국,임원,HQ,Seoul,CEO,2013-05-01',
  'E1,김사원,사원,IT,Seoul,,2010-01-04',
  'E2,이대리,대리,IT,Seoul,,2012-03-02',
  'E3,박과장,과장,FIN,Seoul,,2011-07-01',
  // Joins in August 2014: not there as of June.
  'E4,최신입,사원,FIN,Busan,,2014-08-01',
].join('\n');
const line = (o: Record<string, unknown>) => JSON.stringify(o);
const SPRING = [
  line({
    type: 'cafe_session',
    sessionId: 'CAFE-MAR',
    scheduledAt: '2014-03-13T15:00:00+09:00',
    venue: '카페베네, 여의도',
    hostIds: ['CEO'],
    occurredAt: '2014-02-27T09:00:00+09:00',
  }),
  line({ type: 'cafe_attendance', sessionId: 'CAFE-MAR', employeeId: 'E1' }),
  line({ type: 'cafe_attendance', sessionId: 'CAFE-MAR', employeeId: 'E3' }),
].join('\n');
const AUTUMN = [
  line({
    type: 'cafe_session',
    sessionId: 'CAFE-SEP',
    scheduledAt: '2014-09-18T15:00:00+09:00',
    venue: 'Starbucks, 광화문',
    hostIds: ['CEO'],
    occurredAt: '2014-09-04T09:00:00+09:00',
  }),
  line({ type: 'cafe_attendance', sessionId: 'CAFE-SEP', employeeId: 'E2' }),
  line({ type: 'cafe_attendance', sessionId: 'CAFE-SEP', employeeId: 'E4' }),
].join('\n');

const QUESTION = `query($asOf: DateTime, $knownAt: DateTime) {
  coverage(population: EMPLOYEE, period: { fromDay: "2014-01-01", toDay: "2014-12-31" }, asOf: $asOf, knownAt: $knownAt) { population reached }
  fin: cafeSessionReachByOrgUnit(period: { fromDay: "2014-01-01", toDay: "2014-12-31" }, orgUnitId: "FIN", asOf: $asOf, knownAt: $knownAt) { orgUnitId population reached }
  e2: employee(id: "E2", asOf: $asOf, knownAt: $knownAt) { grade orgUnit { id } }
  e4: employee(id: "E4", asOf: $asOf, knownAt: $knownAt) { name }
}`;

describe.each(HUB_ENGINES)('history loaded today, asked about its past, on $name', (engine) => {
  let t: HubUnderTest;
  let beforeAutumnLoad: string;

  beforeAll(async () => {
    t = await startHub(engine);
    for (const [kind, csv] of [
      ['ORG_UNITS', ORG_UNITS],
      ['EMPLOYEES', EMPLOYEES],
    ] as const) {
      expect(await t.ok(CSV_IMPORT, { i: { kind, contentBase64: base64(csv) } })).toMatchObject({ importCsv: { failed: 0 } });
    }
    expect(await t.ok(HISTORY_IMPORT, { i: { contentBase64: base64(SPRING) } })).toMatchObject({
      importHistory: { imported: 3, failed: 0 },
    });
    // E2 moved to Finance as a 과장 from 2014-07-01, recorded today.
    await t.ok(`mutation { promoteEmployee(input: { employeeId: "E2", grade: MANAGER, effectiveOn: "2014-07-01" }) { id } }`);
    await t.ok(
      `mutation { transferEmployee(input: { employeeId: "E2", orgUnitId: "FIN", region: "Seoul", effectiveOn: "2014-07-01" }) { id } }`,
    );
    await new Promise((r) => setTimeout(r, 5));
    beforeAutumnLoad = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    expect(await t.ok(HISTORY_IMPORT, { i: { contentBase64: base64(AUTUMN) } })).toMatchObject({
      importHistory: { imported: 3, failed: 0 },
    });
  }, 120_000);
  afterAll(() => t?.dispose());

  it('answers as of a day in 2014 with what had happened by then: the directory as it stood, the sessions held', async () => {
    expect(await t.ok(QUESTION, { asOf: '2014-06-30T23:59:59+09:00' })).toEqual({
      // E4 not hired yet; the spring session reached E1 and E3.
      coverage: { population: 4, reached: 2 },
      fin: [{ orgUnitId: 'FIN', population: 1, reached: 1 }],
      e2: { grade: 'ASSISTANT_MANAGER', orgUnit: { id: 'IT' } },
      e4: null,
    });
    expect(await t.ok(QUESTION, { asOf: '2014-12-31T23:59:59+09:00' })).toEqual({
      coverage: { population: 5, reached: 4 },
      // Finance by the end of 2014: E3, E4 and E2 (transferred in July), all three reached.
      fin: [{ orgUnitId: 'FIN', population: 3, reached: 3 }],
      e2: { grade: 'MANAGER', orgUnit: { id: 'FIN' } },
      e4: { name: '최신입' },
    });
  });

  it('answers known at a moment before the autumn was loaded: the same business day, without what came later', async () => {
    expect(await t.ok(QUESTION, { asOf: '2014-12-31T23:59:59+09:00', knownAt: beforeAutumnLoad })).toEqual({
      coverage: { population: 5, reached: 2 },
      fin: [{ orgUnitId: 'FIN', population: 3, reached: 1 }],
      e2: { grade: 'MANAGER', orgUnit: { id: 'FIN' } },
      e4: { name: '최신입' },
    });
  });

  it('answers now with everything, and refuses a knownAt that is not an instant', async () => {
    expect(await t.ok(QUESTION, {})).toMatchObject({ coverage: { population: 5, reached: 4 } });
    await t.refused(`{ employee(id: "E1", knownAt: "yesterday") { name } }`, 'VALIDATION', /DateTime|date-time/);
  });
});
