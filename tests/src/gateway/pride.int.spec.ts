import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

/* PRIDE weekly FC activity through GraphQL: reported, corrected, and compared PRIDE vs the rest. */
describe.each(HUB_ENGINES)('PRIDE weekly FC activity through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const report = (fcId: string, weekOf: string, visits: number, calls: number, contracts: number, extra = '') =>
    t.ok(
      `mutation { reportFcWeeklyActivity(input: { fcId: "${fcId}", weekOf: "${weekOf}", customerVisits: ${visits}, calls: ${calls}, contracts: ${contracts}${extra} }) { fcId weekOf repeated } }`,
    );

  beforeAll(async () => {
    t = await startHub(engine);
    await t.ok(
      `mutation { registerBranch(input: { branchId: "P1", name: "PRIDE 지점", region: "Seoul", district: "서초구", seoul: true }) { id } }`,
    );
    await t.ok(
      `mutation { registerBranch(input: { branchId: "N1", name: "일반 지점", region: "Busan", district: "해운대구", seoul: false }) { id } }`,
    );
    await t.ok(`mutation { enrollBranchInPride(input: { branchId: "P1", since: "2015-03-09" }) { id } }`);
    for (const [fc, branch] of [
      ['FC1', 'P1'],
      ['FC2', 'P1'],
      ['FC3', 'N1'],
    ]) {
      await t.ok(`mutation { registerFc(input: { fcId: "${fc}", name: "${fc}", branchId: "${branch}", hiredOn: "2014-01-06" }) { id } }`);
    }
  });
  afterAll(() => t.dispose());

  it('records weeks, refuses bad reports without appending, and lets a correction replace a week', async () => {
    await report('FC1', '2015-03-02', 8, 20, 1); // before P1 joined PRIDE
    await report('FC1', '2015-03-09', 12, 30, 2);
    await report('FC2', '2015-03-09', 10, 25, 1);
    await report('FC3', '2015-03-09', 6, 15, 0);
    await report('FC3', '2015-03-16', 7, 18, 1);

    const refused = (q: string, code: string, m: RegExp) => t.refused(q, code, m);
    await refused(
      `mutation { reportFcWeeklyActivity(input: { fcId: "FC1", weekOf: "2015-03-10", customerVisits: 1, calls: 1, contracts: 0 }) { fcId } }`,
      'FORBIDDEN_BY_RULE',
      /Monday/,
    );
    await refused(
      `mutation { reportFcWeeklyActivity(input: { fcId: "FC1", weekOf: "2015-03-16", customerVisits: -1, calls: 1, contracts: 0 }) { fcId } }`,
      'VALIDATION',
      /negative/,
    );
    await refused(
      `mutation { reportFcWeeklyActivity(input: { fcId: "NOPE", weekOf: "2015-03-16", customerVisits: 1, calls: 1, contracts: 0 }) { fcId } }`,
      'NOT_FOUND',
      /NOPE/,
    );
    await refused(
      `mutation { reportFcWeeklyActivity(input: { fcId: "FC1", weekOf: "2015-03-09", customerVisits: 13, calls: 30, contracts: 2 }) { fcId } }`,
      'CONFLICT',
      /correction/,
    );
    await refused(
      `mutation { reportFcWeeklyActivity(input: { fcId: "FC1", weekOf: "2099-03-02", customerVisits: 1, calls: 1, contracts: 0 }) { fcId } }`,
      'FORBIDDEN_BY_RULE',
      /not started/,
    );
    await refused(
      `mutation { reportFcWeeklyActivity(input: { fcId: "FC1", weekOf: "2013-12-30", customerVisits: 1, calls: 1, contracts: 0 }) { fcId } }`,
      'FORBIDDEN_BY_RULE',
      /hired on 2014-01-06/,
    );

    const before = await t.ok(`{ fcActivity(groupBy: FC, from: "2015-03-09", to: "2015-03-09") { key customerVisits } }`);
    await report('FC1', '2015-03-09', 14, 30, 2, ', correction: true');
    const after = await t.ok(`{ fcActivity(groupBy: FC, from: "2015-03-09", to: "2015-03-09") { key customerVisits } }`);
    expect(before).toEqual({
      fcActivity: [
        { key: 'FC1', customerVisits: 12 },
        { key: 'FC2', customerVisits: 10 },
        { key: 'FC3', customerVisits: 6 },
      ],
    });
    expect(after).toEqual({
      fcActivity: [
        { key: 'FC1', customerVisits: 14 },
        { key: 'FC2', customerVisits: 10 },
        { key: 'FC3', customerVisits: 6 },
      ],
    });
    // Retrying with the same command id records the week once.
    const once = await t.ok(
      `mutation { reportFcWeeklyActivity(input: { fcId: "FC2", weekOf: "2015-03-16", customerVisits: 9, calls: 20, contracts: 1 }, commandId: "w-1") { repeated } }`,
    );
    const twice = await t.ok(
      `mutation { reportFcWeeklyActivity(input: { fcId: "FC2", weekOf: "2015-03-16", customerVisits: 9, calls: 20, contracts: 1 }, commandId: "w-1") { repeated } }`,
    );
    expect([once, twice]).toEqual([{ reportFcWeeklyActivity: { repeated: false } }, { reportFcWeeklyActivity: { repeated: true } }]);
  });

  it('puts PRIDE and non-PRIDE activity side by side; a week counts as PRIDE once its branch had joined', async () => {
    const side = await t.ok(
      `{ fcActivity(groupBy: PRIDE, from: "2015-03-01", to: "2015-03-31") { key fcs fcWeeks customerVisits calls contracts visitsPerFcWeek contractsPerFcWeek } }`,
    );
    expect(side).toEqual({
      fcActivity: [
        {
          key: 'NON_PRIDE',
          fcs: 2,
          fcWeeks: 3,
          customerVisits: 8 + 6 + 7,
          calls: 20 + 15 + 18,
          contracts: 1 + 0 + 1,
          visitsPerFcWeek: 7,
          contractsPerFcWeek: 2 / 3,
        },
        {
          key: 'PRIDE',
          fcs: 2,
          fcWeeks: 3,
          customerVisits: 14 + 10 + 9,
          calls: 30 + 25 + 20,
          contracts: 2 + 1 + 1,
          visitsPerFcWeek: 11,
          contractsPerFcWeek: 4 / 3,
        },
      ],
    });
    const weeks = await t.ok(`{ fcActivity(groupBy: WEEK, from: "2015-03-01", to: "2015-03-31", pride: true) { key fcWeeks } }`);
    expect(weeks).toEqual({
      fcActivity: [
        { key: '2015-03-09', fcWeeks: 2 },
        { key: '2015-03-16', fcWeeks: 1 },
      ],
    });
    const bad = await t.graphql(`{ fcActivity(groupBy: PRIDE, from: "2015-04-01", to: "2015-03-01") { key } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
