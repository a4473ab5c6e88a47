import type { DirectoryService } from '@hub/directory';
import {
  DEMO_DIVISIONS,
  DEMO_ORG_UNITS,
  EXECUTIVES,
  GRADE_MIX,
  OTHER_REGIONS,
  SEOUL_DISTRICTS,
  koreanName,
  type DemoBranch,
  type DemoStory,
} from './story';

/*
 * The directory of the demo company: the org tree and the branches stood before anyone in the demo
 * was hired (FOUNDED); people are hired on their own `hiredOn`. Seoul has 74 branches, PRIDE rolled
 * out to every sixth from July 2014.
 */

const FOUNDED = '2000-01-01T00:00:00+09:00';

export type DemoDirectory = Pick<
  DirectoryService,
  'defineOrgUnit' | 'registerEmployee' | 'registerBranch' | 'enrollBranchInPride' | 'registerFc'
>;

export const seedDirectory = async (directory: DemoDirectory, { random, ctx }: DemoStory) => {
  for (const d of DEMO_DIVISIONS) await directory.defineOrgUnit({ ...d, kind: 'DIVISION' }, ctx(`org-unit:${d.orgUnitId}`, FOUNDED));
  for (const u of DEMO_ORG_UNITS) {
    await directory.defineOrgUnit(
      { orgUnitId: u.orgUnitId, name: u.name, kind: 'DEPARTMENT', parentId: u.parentId },
      ctx(`org-unit:${u.orgUnitId}`, FOUNDED),
    );
  }
  for (const e of EXECUTIVES) {
    await directory.registerEmployee(
      { ...e, grade: 'EXECUTIVE', orgUnitId: 'EXEC', region: 'Seoul', hiredOn: '2014-02-01' },
      ctx(`employee:${e.employeeId}`),
    );
  }

  // Branches and their FCs: 74 in Seoul, more nationwide; PRIDE rolled out from July 2014.
  let branches = 0;
  let fcs = 0;
  const branchFcs = new Map<string, DemoBranch>();
  const addBranch = async (region: string, district: string, seoul: boolean) => {
    branches++;
    const branchId = `BR${String(branches).padStart(3, '0')}`;
    await directory.registerBranch(
      { branchId, name: `${district} ${branches}지점`, region, district, seoul },
      ctx(`branch:${branchId}`, FOUNDED),
    );
    const isPride = branches % 6 === 1;
    if (isPride)
      await directory.enrollBranchInPride(
        { branchId, since: random() < 0.5 ? '2014-07-01' : '2015-01-01' },
        ctx(`branch:${branchId}:pride`),
      );
    const staff = 4 + Math.floor(random() * 5);
    const fcIds: string[] = [];
    branchFcs.set(branchId, { fcIds, seoul, district, pride: isPride });
    for (let i = 0; i < staff; i++) {
      fcs++;
      const fcId = `FC${String(fcs).padStart(4, '0')}`;
      fcIds.push(fcId);
      const name = koreanName(random);
      await directory.registerFc(
        { fcId, name, branchId, hiredOn: `${2005 + Math.floor(random() * 9)}-0${1 + Math.floor(random() * 9)}-01` },
        ctx(`fc:${fcId}`),
      );
    }
  };
  for (let i = 0; i < 74; i++) await addBranch('Seoul', SEOUL_DISTRICTS[i % SEOUL_DISTRICTS.length]!, true);
  for (const r of OTHER_REGIONS) for (let i = 0; i < r.count; i++) await addBranch(r.region, r.districts[i % r.districts.length]!, false);

  const eligible: string[] = [];
  /** Every employee by org unit (executives in EXEC), for what is sent to units. */
  const employeesByUnit = new Map<string, string[]>([['EXEC', EXECUTIVES.map((e) => e.employeeId)]]);
  let n = 0;
  for (const unit of DEMO_ORG_UNITS) {
    const members: string[] = [];
    employeesByUnit.set(unit.orgUnitId, members);
    for (let i = 0; i < unit.size; i++) {
      n++;
      const employeeId = `E${String(n).padStart(4, '0')}`;
      let r = random();
      const grade = GRADE_MIX.find(([, share]) => (r -= share) < 0)?.[0] ?? 'STAFF';
      const name = koreanName(random);
      const hiredYear = 2000 + Math.floor(random() * 14);
      await directory.registerEmployee(
        {
          employeeId,
          name,
          grade,
          orgUnitId: unit.orgUnitId,
          region: unit.region,
          hiredOn: `${hiredYear}-0${1 + Math.floor(random() * 9)}-01`,
        },
        ctx(`employee:${employeeId}`),
      );
      members.push(employeeId);
      if (grade !== 'GENERAL_MANAGER') eligible.push(employeeId);
    }
  }
  return { branchFcs, eligible, employeesByUnit, employees: EXECUTIVES.length + n, branches, fcs };
};
