import type { HubEvent } from '@hub/contracts';
import { describe, expect, it } from 'vitest';
import { branchDecider, decideBranch, type BranchCommand } from './branch';
import { decideEmployee, employeeDecider, type EmployeeCommand } from './employee';
import { decideFc, fcDecider, type FcCommand } from './fc';
import { decideOrgUnit, orgUnitDecider, type DefineOrgUnit, type OrgUnitSnapshot } from './orgUnit';

const fold = <S>(decider: { initialState: () => S; evolve: (s: S, e: HubEvent) => S }, events: HubEvent[]) => events.reduce(decider.evolve, decider.initialState());

describe('org units: division → department → team', () => {
  const division: OrgUnitSnapshot = { orgUnitId: 'SALES', name: 'Sales Division', kind: 'DIVISION', parentId: null };
  const department: OrgUnitSnapshot = { orgUnitId: 'SALES-PLAN', name: 'Sales Planning', kind: 'DEPARTMENT', parentId: 'SALES' };
  const define = (unit: OrgUnitSnapshot, parent: OrgUnitSnapshot | null): DefineOrgUnit => ({ type: 'DefineOrgUnit', data: unit, parent });
  const none = orgUnitDecider.initialState();

  it('defines a division, a department under it and a team under that', () => {
    expect(decideOrgUnit(define(division, null), none)).toEqual([{ type: 'OrgUnitDefined', data: division }]);
    expect(decideOrgUnit(define(department, division), none)).toHaveLength(1);
    expect(decideOrgUnit(define({ orgUnitId: 'T1', name: 'Team 1', kind: 'TEAM', parentId: 'SALES-PLAN' }, department), none)).toHaveLength(1);
  });
  it('refuses a division with a parent, a department without a division, a team under a division', () => {
    expect(() => decideOrgUnit(define({ ...division, parentId: 'X' }, department), none)).toThrow(/top of the tree/);
    expect(() => decideOrgUnit(define({ ...department, parentId: null }, null), none)).toThrow(/belongs under a division/);
    expect(() => decideOrgUnit(define({ orgUnitId: 'T1', name: 'T', kind: 'TEAM', parentId: 'SALES' }, division), none)).toThrow(/belongs under a department/);
  });
  it('refuses to define a unit twice', () => {
    const state = fold(orgUnitDecider, [{ type: 'OrgUnitDefined', data: division }]);
    expect(() => decideOrgUnit(define(division, null), state)).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
  });
});

describe('employees: register, promote, transfer, leave', () => {
  const registered: HubEvent = {
    type: 'EmployeeRegistered',
    data: { employeeId: 'E1', name: '김민지', grade: 'MANAGER', orgUnitId: 'MKT', region: 'Seoul', title: null, hiredOn: '2012-03-02' },
  };
  const left: HubEvent = { type: 'EmployeeLeft', data: { employeeId: 'E1', leftOn: '2015-06-30' } };
  const decide = (command: EmployeeCommand, ...history: HubEvent[]) => () => decideEmployee(command, fold(employeeDecider, history));

  it('registers once', () => {
    expect(decide({ type: 'RegisterEmployee', data: registered.data as never })()).toEqual([registered]);
    expect(decide({ type: 'RegisterEmployee', data: registered.data as never }, registered)).toThrow(/already registered/);
  });
  it('promotes up the ladder only, from the hire date on', () => {
    expect(decide({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'DEPUTY_GENERAL_MANAGER', effectiveOn: '2015-01-01' } }, registered)()).toHaveLength(1);
    expect(decide({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'STAFF', effectiveOn: '2015-01-01' } }, registered)).toThrow(/not above/);
    expect(decide({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'MANAGER', effectiveOn: '2015-01-01' } }, registered)).toThrow(/not above/);
    expect(decide({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'EXECUTIVE', effectiveOn: '2011-01-01' } }, registered)).toThrow(/before .* was hired/);
  });
  it('transfers to another unit or region, not to where they already are', () => {
    expect(decide({ type: 'TransferEmployee', data: { employeeId: 'E1', orgUnitId: 'IT', region: 'Busan', effectiveOn: '2015-01-01' } }, registered)()).toHaveLength(1);
    expect(decide({ type: 'TransferEmployee', data: { employeeId: 'E1', orgUnitId: 'MKT', region: 'Seoul', effectiveOn: '2015-01-01' } }, registered)).toThrow(
      expect.objectContaining({ kind: 'CONFLICT' }),
    );
  });
  it('records a departure once; nothing changes for someone who left', () => {
    expect(decide({ type: 'RecordEmployeeLeft', data: { employeeId: 'E1', leftOn: '2015-06-30' } }, registered)()).toEqual([left]);
    expect(decide({ type: 'RecordEmployeeLeft', data: { employeeId: 'E1', leftOn: '2015-07-30' } }, registered, left)).toThrow(/left on 2015-06-30/);
    expect(decide({ type: 'PromoteEmployee', data: { employeeId: 'E1', grade: 'EXECUTIVE', effectiveOn: '2015-08-01' } }, registered, left)).toThrow(/left/);
  });
  it('refuses changes to someone never registered', () => {
    expect(decide({ type: 'RecordEmployeeLeft', data: { employeeId: 'E9', leftOn: '2015-06-30' } })).toThrow(/No employee E9/);
  });
});

describe('branches and PRIDE', () => {
  const registered: HubEvent = { type: 'BranchRegistered', data: { branchId: 'B-BANPO', name: '반포 지점', region: 'Seoul', district: '서초구', seoul: true } };
  const decide = (command: BranchCommand, ...history: HubEvent[]) => () => decideBranch(command, fold(branchDecider, history));
  it('registers a branch once and enrols it in PRIDE once', () => {
    expect(decide({ type: 'RegisterBranch', data: registered.data as never })()).toEqual([registered]);
    expect(decide({ type: 'RegisterBranch', data: registered.data as never }, registered)).toThrow(/already registered/);
    const enrol = { type: 'EnrollBranchInPride', data: { branchId: 'B-BANPO', since: '2014-07-01' } } as const;
    const enrolled: HubEvent = { type: 'BranchEnrolledInPride', data: enrol.data };
    expect(decide(enrol, registered)()).toEqual([enrolled]);
    expect(decide(enrol, registered, enrolled)).toThrow(/PRIDE branch since 2014-07-01/);
    expect(decide(enrol)).toThrow(/No branch/);
  });
});

describe('FCs (설계사)', () => {
  const registered: HubEvent = { type: 'FcRegistered', data: { fcId: 'FC1', name: '이설계', branchId: 'B1', hiredOn: '2013-01-02' } };
  const decide = (command: FcCommand, ...history: HubEvent[]) => () => decideFc(command, fold(fcDecider, history));
  it('registers, transfers to another branch, and leaves', () => {
    expect(decide({ type: 'RegisterFc', data: registered.data as never })()).toEqual([registered]);
    expect(decide({ type: 'TransferFc', data: { fcId: 'FC1', branchId: 'B2', effectiveOn: '2014-01-01' } }, registered)()).toHaveLength(1);
    expect(decide({ type: 'TransferFc', data: { fcId: 'FC1', branchId: 'B1', effectiveOn: '2014-01-01' } }, registered)).toThrow(/already at branch/);
    expect(decide({ type: 'TransferFc', data: { fcId: 'FC1', branchId: 'B2', effectiveOn: '2012-01-01' } }, registered)).toThrow(/before/);
    const left: HubEvent = { type: 'FcLeft', data: { fcId: 'FC1', leftOn: '2015-01-01' } };
    expect(decide({ type: 'TransferFc', data: { fcId: 'FC1', branchId: 'B2', effectiveOn: '2015-02-01' } }, registered, left)).toThrow(/left/);
    expect(decide({ type: 'RegisterFc', data: registered.data as never }, registered)).toThrow(/already registered/);
  });
});
