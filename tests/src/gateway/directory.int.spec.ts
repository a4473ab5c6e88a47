import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

describe.each(HUB_ENGINES)('the directory through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const refused = (query: string, code: string, message: RegExp) => t.refused(query, code, message);

  beforeAll(async () => {
    t = await startHub(engine);
  });
  afterAll(() => t.dispose());

  it('builds the org tree and refuses a malformed one', async () => {
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "SALES", name: "Sales Division", kind: DIVISION }) { id } }`);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "SP", name: "Sales Planning", kind: DEPARTMENT, parentId: "SALES" }) { id } }`);
    const team = await ok(
      `mutation { defineOrgUnit(input: { orgUnitId: "SP-1", name: "Channel Team", kind: TEAM, parentId: "SP" }) { id kind parent { id parent { id } } } }`,
    );
    expect(team).toEqual({ defineOrgUnit: { id: 'SP-1', kind: 'TEAM', parent: { id: 'SP', parent: { id: 'SALES' } } } });
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "CORP", name: "Corporate Division", kind: DIVISION }) { id } }`);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "FIN", name: "Finance", kind: DEPARTMENT, parentId: "CORP" }) { id } }`);

    await refused(
      `mutation { defineOrgUnit(input: { orgUnitId: "T2", name: "Team", kind: TEAM, parentId: "SALES" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /belongs under a department/,
    );
    await refused(
      `mutation { defineOrgUnit(input: { orgUnitId: "D2", name: "Dept", kind: DEPARTMENT, parentId: "NOPE" }) { id } }`,
      'NOT_FOUND',
      /NOPE/,
    );
    await refused(
      `mutation { defineOrgUnit(input: { orgUnitId: "SALES", name: "Again", kind: DIVISION }) { id } }`,
      'CONFLICT',
      /already defined/,
    );
    await refused(
      `mutation { defineOrgUnit(input: { orgUnitId: "bad id!", name: "X", kind: DIVISION }) { id } }`,
      'VALIDATION',
      /orgUnitId/,
    );

    const tree = await ok(`{ orgUnits { id } }`);
    expect(tree).toEqual({ orgUnits: [{ id: 'CORP' }, { id: 'FIN' }, { id: 'SALES' }, { id: 'SP' }, { id: 'SP-1' }] });
  });

  it('follows an employee through promotion, transfer and departure', async () => {
    await ok(
      `mutation { registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "CORP", region: "Seoul", title: "CEO" }) { id } }`,
    );
    const e = await ok(
      `mutation { registerEmployee(input: { employeeId: "E1", name: "김민지", grade: STAFF, orgUnitId: "SP-1", region: "Seoul", hiredOn: "2012-03-02" }) { id grade orgUnit { id } leftOn } }`,
    );
    expect(e).toEqual({ registerEmployee: { id: 'E1', grade: 'STAFF', orgUnit: { id: 'SP-1' }, leftOn: null } });
    await refused(
      `mutation { registerEmployee(input: { employeeId: "E2", name: "X", grade: STAFF, orgUnitId: "NOPE", region: "Seoul" }) { id } }`,
      'NOT_FOUND',
      /org unit NOPE/,
    );
    await refused(
      `mutation { promoteEmployee(input: { employeeId: "E1", grade: STAFF, effectiveOn: "2014-01-01" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /not above/,
    );
    await refused(
      `mutation { promoteEmployee(input: { employeeId: "E1", grade: MANAGER, effectiveOn: "2011-01-01" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /before/,
    );

    expect(
      await ok(`mutation { promoteEmployee(input: { employeeId: "E1", grade: ASSISTANT_MANAGER, effectiveOn: "2014-01-01" }) { grade } }`),
    ).toEqual({
      promoteEmployee: { grade: 'ASSISTANT_MANAGER' },
    });
    expect(
      await ok(
        `mutation { transferEmployee(input: { employeeId: "E1", orgUnitId: "FIN", region: "Busan", effectiveOn: "2014-06-01" }) { orgUnit { id } region } }`,
      ),
    ).toEqual({
      transferEmployee: { orgUnit: { id: 'FIN' }, region: 'Busan' },
    });
    expect(await ok(`{ employees(filter: { orgUnitId: "CORP" }) { nodes: edges { node { id } } } }`)).toEqual({
      employees: { nodes: [{ node: { id: 'E1' } }, { node: { id: 'CEO' } }] },
    }); // by name: 김 before 정
    expect(await ok(`{ employees(filter: { orgUnitId: "SALES" }) { totalCount edges { node { id } } } }`)).toEqual({
      employees: { totalCount: 0, edges: [] },
    });

    expect(await ok(`mutation { recordEmployeeLeft(input: { employeeId: "E1", leftOn: "2015-03-31" }) { leftOn } }`)).toEqual({
      recordEmployeeLeft: { leftOn: '2015-03-31' },
    });
    await refused(
      `mutation { transferEmployee(input: { employeeId: "E1", orgUnitId: "SP", region: "Seoul", effectiveOn: "2015-06-01" }) { id } }`,
      'FORBIDDEN_BY_RULE',
      /left/,
    );
    expect(await ok(`{ employees(filter: { orgUnitId: "CORP" }) { edges { node { id } } } }`)).toEqual({
      employees: { edges: [{ node: { id: 'CEO' } }] },
    });
    expect(await ok(`{ employees(filter: { orgUnitId: "CORP", includeLeft: true }) { edges { node { id leftOn } } } }`)).toEqual({
      employees: { edges: [{ node: { id: 'E1', leftOn: '2015-03-31' } }, { node: { id: 'CEO', leftOn: null } }] },
    });
  });

  it('counts people in reach only while they were with the company', async () => {
    const REACH = `query($from: DateTime!, $to: DateTime!) { cafeSessionReachByOrgUnit(period: { from: $from, to: $to }, orgUnitId: "FIN") { population } }`;
    // E1 joined in 2012 and left at the end of March 2015.
    expect(await ok(REACH, { from: '2015-01-01T00:00:00Z', to: '2015-04-01T00:00:00Z' })).toEqual({
      cafeSessionReachByOrgUnit: [{ population: 1 }],
    });
    expect(await ok(REACH, { from: '2015-04-01T00:00:00Z', to: '2015-07-01T00:00:00Z' })).toEqual({
      cafeSessionReachByOrgUnit: [{ population: 0 }],
    });
  });

  it('keeps branches, PRIDE enrolment and FCs', async () => {
    await ok(
      `mutation { registerBranch(input: { branchId: "B-BANPO", name: "반포 지점", region: "Seoul", district: "서초구", seoul: true }) { id } }`,
    );
    await ok(
      `mutation { registerBranch(input: { branchId: "B-HAEUNDAE", name: "해운대 지점", region: "Busan", district: "해운대구", seoul: false }) { id } }`,
    );
    expect(await ok(`mutation { enrollBranchInPride(input: { branchId: "B-BANPO", since: "2014-07-01" }) { pride prideSince } }`)).toEqual({
      enrollBranchInPride: { pride: true, prideSince: '2014-07-01' },
    });
    await refused(
      `mutation { enrollBranchInPride(input: { branchId: "B-BANPO", since: "2015-01-01" }) { id } }`,
      'CONFLICT',
      /PRIDE branch since/,
    );
    await refused(
      `mutation { registerFc(input: { fcId: "FC1", name: "이설계", branchId: "B-NOPE", hiredOn: "2013-01-02" }) { id } }`,
      'NOT_FOUND',
      /branch B-NOPE/,
    );

    await ok(`mutation { registerFc(input: { fcId: "FC1", name: "이설계", branchId: "B-BANPO", hiredOn: "2013-01-02" }) { id } }`);
    await ok(`mutation { registerFc(input: { fcId: "FC2", name: "박설계", branchId: "B-BANPO", hiredOn: "2014-01-02" }) { id } }`);
    expect(
      await ok(`mutation { transferFc(input: { fcId: "FC2", branchId: "B-HAEUNDAE", effectiveOn: "2015-01-01" }) { branch { id } } }`),
    ).toEqual({
      transferFc: { branch: { id: 'B-HAEUNDAE' } },
    });
    await ok(`mutation { recordFcLeft(input: { fcId: "FC1", leftOn: "2015-05-31" }) { leftOn } }`);

    const nodes = (r: Record<string, unknown>) => (r.branches as { edges: { node: unknown }[] }).edges.map((e) => e.node);
    expect(nodes(await ok(`{ branches(filter: { pride: true }) { edges { node { id fcs { id } } } } }`))).toEqual([
      { id: 'B-BANPO', fcs: [] },
    ]);
    expect(nodes(await ok(`{ branches(filter: { pride: false }) { edges { node { id fcs { id name } } } } }`))).toEqual([
      { id: 'B-HAEUNDAE', fcs: [{ id: 'FC2', name: '박설계' }] },
    ]);
    expect(nodes(await ok(`{ branches(filter: { seoul: true }) { edges { node { id district } } } }`))).toEqual([
      { id: 'B-BANPO', district: '서초구' },
    ]);
    expect(await ok(`{ branch(id: "B-NOPE") { id } }`)).toEqual({ branch: null });
  });
});
