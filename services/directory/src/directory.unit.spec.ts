import type { EventOf } from '@hub/events';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, it } from 'vitest';
import { branchDecider } from './branch';
import { employeeDecider } from './employee';
import { fcDecider } from './fc';
import { orgUnitDecider, type DefineOrgUnit, type OrgUnitSnapshot } from './orgUnit';

describe('org units: division → department → team', () => {
  const division: OrgUnitSnapshot = { orgUnitId: 'SALES', name: 'Sales Division', kind: 'DIVISION', parentId: null };
  const department: OrgUnitSnapshot = { orgUnitId: 'SALES-PLAN', name: 'Sales Planning', kind: 'DEPARTMENT', parentId: 'SALES' };
  const team: OrgUnitSnapshot = { orgUnitId: 'T1', name: 'Team 1', kind: 'TEAM', parentId: 'SALES-PLAN' };
  const define = (unit: OrgUnitSnapshot, parent: OrgUnitSnapshot | null): DefineOrgUnit => ({ type: 'DefineOrgUnit', data: unit, parent });
  const defined = (unit: OrgUnitSnapshot) => ({ type: 'OrgUnitDefined', data: unit }) as const;
  const spec = deciderSpec(orgUnitDecider);

  it('defines a division, a department under it and a team under that', () => {
    spec
      .given()
      .when(define(division, null))
      .then([defined(division)]);
    spec
      .given()
      .when(define(department, division))
      .then([defined(department)]);
    spec
      .given()
      .when(define(team, department))
      .then([defined(team)]);
  });
  it('refuses a division with a parent, a department without a division, a team under a division', () => {
    spec
      .given()
      .when(define({ ...division, parentId: 'X' }, department))
      .thenThrows(/top of the tree/);
    spec
      .given()
      .when(define({ ...department, parentId: null }, null))
      .thenThrows(/belongs under a division/);
    spec
      .given()
      .when(define({ orgUnitId: 'T1', name: 'T', kind: 'TEAM', parentId: 'SALES' }, division))
      .thenThrows(/belongs under a department/);
  });
  it('refuses to define a unit twice', () => {
    spec.given(defined(division)).when(define(division, null)).thenThrows('CONFLICT');
  });
});

describe('employees: register, promote, transfer, leave', () => {
  const registered: EventOf<'EmployeeRegistered'> = {
    type: 'EmployeeRegistered',
    data: { employeeId: 'E1', name: '김민지', grade: 'MANAGER', orgUnitId: 'MKT', region: 'Seoul', title: null, hiredOn: '2012-03-02' },
  };
  const left: EventOf<'EmployeeLeft'> = { type: 'EmployeeLeft', data: { employeeId: 'E1', leftOn: '2015-06-30' } };
  const spec = deciderSpec(employeeDecider);

  it('registers once', () => {
    spec.given().when({ type: 'RegisterEmployee', data: registered.data }).then([registered]);
    spec
      .given(registered)
      .when({ type: 'RegisterEmployee', data: registered.data })
      .thenThrows(/already registered/);
  });
  it('promotes up the ladder only, from the hire date on', () => {
    const promotion = { employeeId: 'E1', grade: 'DEPUTY_GENERAL_MANAGER', effectiveOn: '2015-01-01' } as const;
    spec
      .given(registered)
      .when({ type: 'PromoteEmployee', data: promotion })
      .then([{ type: 'EmployeePromoted', data: promotion }]);
    spec
      .given(registered)
      .when({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'STAFF', effectiveOn: '2015-01-01' } })
      .thenThrows(/not above/);
    spec
      .given(registered)
      .when({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'MANAGER', effectiveOn: '2015-01-01' } })
      .thenThrows(/not above/);
    spec
      .given(registered)
      .when({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'EXECUTIVE', effectiveOn: '2011-01-01' } })
      .thenThrows(/before .* was hired/);
  });
  it('transfers to another unit or region, not to where they already are', () => {
    const transfer = { employeeId: 'E1', orgUnitId: 'IT', region: 'Busan', effectiveOn: '2015-01-01' } as const;
    spec
      .given(registered)
      .when({ type: 'TransferEmployee', data: transfer })
      .then([{ type: 'EmployeeTransferred', data: transfer }]);
    spec
      .given(registered)
      .when({ type: 'TransferEmployee', data: { employeeId: 'E1', orgUnitId: 'MKT', region: 'Seoul', effectiveOn: '2015-01-01' } })
      .thenThrows('CONFLICT');
  });
  it('records a departure once; nothing changes for someone who left', () => {
    spec
      .given(registered)
      .when({ type: 'RecordEmployeeLeft', data: { employeeId: 'E1', leftOn: '2015-06-30' } })
      .then([left]);
    spec
      .given(registered, left)
      .when({ type: 'RecordEmployeeLeft', data: { employeeId: 'E1', leftOn: '2015-07-30' } })
      .thenThrows(/left on 2015-06-30/);
    spec
      .given(registered, left)
      .when({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'EXECUTIVE', effectiveOn: '2015-08-01' } })
      .thenThrows(/left/);
  });
  it('refuses changes to someone never registered', () => {
    spec
      .given()
      .when({ type: 'RecordEmployeeLeft', data: { employeeId: 'E9', leftOn: '2015-06-30' } })
      .thenThrows(/No employee E9/);
  });
});

describe('branches and PRIDE', () => {
  const registered: EventOf<'BranchRegistered'> = {
    type: 'BranchRegistered',
    data: { branchId: 'B-BANPO', name: '반포 지점', region: 'Seoul', district: '서초구', seoul: true },
  };
  const spec = deciderSpec(branchDecider);
  it('registers a branch once and enrols it in PRIDE once', () => {
    spec.given().when({ type: 'RegisterBranch', data: registered.data }).then([registered]);
    spec
      .given(registered)
      .when({ type: 'RegisterBranch', data: registered.data })
      .thenThrows(/already registered/);
    const enrol = { type: 'EnrollBranchInPride', data: { branchId: 'B-BANPO', since: '2014-07-01' } } as const;
    const enrolled: EventOf<'BranchEnrolledInPride'> = { type: 'BranchEnrolledInPride', data: enrol.data };
    spec.given(registered).when(enrol).then([enrolled]);
    spec
      .given(registered, enrolled)
      .when(enrol)
      .thenThrows(/PRIDE branch since 2014-07-01/);
    spec
      .given()
      .when(enrol)
      .thenThrows(/No branch/);
  });
});

describe('FCs (설계사)', () => {
  const registered: EventOf<'FcRegistered'> = {
    type: 'FcRegistered',
    data: { fcId: 'FC1', name: '이설계', branchId: 'B1', hiredOn: '2013-01-02' },
  };
  const spec = deciderSpec(fcDecider);
  it('registers, transfers to another branch, and leaves', () => {
    spec.given().when({ type: 'RegisterFc', data: registered.data }).then([registered]);
    const transfer = { fcId: 'FC1', branchId: 'B2', effectiveOn: '2014-01-01' };
    spec
      .given(registered)
      .when({ type: 'TransferFc', data: transfer })
      .then([{ type: 'FcTransferred', data: transfer }]);
    spec
      .given(registered)
      .when({ type: 'TransferFc', data: { fcId: 'FC1', branchId: 'B1', effectiveOn: '2014-01-01' } })
      .thenThrows(/already at branch/);
    spec
      .given(registered)
      .when({ type: 'TransferFc', data: { fcId: 'FC1', branchId: 'B2', effectiveOn: '2012-01-01' } })
      .thenThrows(/before/);
    const left: EventOf<'FcLeft'> = { type: 'FcLeft', data: { fcId: 'FC1', leftOn: '2015-01-01' } };
    spec
      .given(registered, left)
      .when({ type: 'TransferFc', data: { fcId: 'FC1', branchId: 'B2', effectiveOn: '2015-02-01' } })
      .thenThrows(/left/);
    spec
      .given(registered)
      .when({ type: 'RegisterFc', data: registered.data })
      .thenThrows(/already registered/);
  });
});
