import { GRADES, gradeRank, isCafeSessionEligible, validationError, type Grade } from '@hub/events';
import type { Segment, TenureBand } from '@hub/read-model';
import { builder } from '../builder';
import { idOrNull } from './args';
import { GradeEnum, TenureBandEnum } from './enums';

/** The one segment argument of the view's measures (turned into the read model's Segment by `segmentOf`). */
export const SegmentInput = builder.inputType('SegmentInput', {
  description:
    'Narrows a population. Employees: org units (with their sub-units), grades (one, several, or a range such as gradeAtMost: DEPUTY_GENERAL_MANAGER — 차장 or below — or cafeEligible), regions, tenure. FCs: branches, regions, seoul, pride, tenure. Customers: branches, regions, seoul, pride. Several values of one dimension mean any of them; different dimensions all apply.',
  fields: (t) => ({
    tenure: t.field({ type: TenureBandEnum, required: false, description: 'Employees or FCs by tenure at the end of the period.' }),
    orgUnitId: t.id({ required: false, description: 'Employees of this org unit and the units below it.' }),
    orgUnitIds: t.idList({ required: false, description: 'Employees of any of these org units (each with the units below it).' }),
    grade: t.field({ type: GradeEnum, required: false, description: 'Employees of this grade.' }),
    grades: t.field({ type: [GradeEnum], required: false, description: 'Employees of any of these grades.' }),
    gradeAtMost: t.field({
      type: GradeEnum,
      required: false,
      description: 'Employees of this grade or below (e.g. DEPUTY_GENERAL_MANAGER: 차장 or below).',
    }),
    gradeAtLeast: t.field({ type: GradeEnum, required: false, description: 'Employees of this grade or above.' }),
    cafeEligible: t.boolean({
      required: false,
      description: 'Employees who may attend café sessions (true: grade 차장 or below) or who may not (false).',
    }),
    region: t.string({ required: false, description: 'Employees of this region, or FCs and customers of branches in it.' }),
    regions: t.stringList({ required: false, description: 'Any of these regions.' }),
    branchId: t.id({ required: false, description: 'FCs or customers of this branch.' }),
    branchIds: t.idList({ required: false, description: 'FCs or customers of any of these branches.' }),
    pride: t.boolean({ required: false, description: 'FCs or customers of PRIDE branches (true) or of the others (false).' }),
    seoul: t.boolean({ required: false, description: 'FCs or customers of branches in Seoul (true) or elsewhere (false).' }),
  }),
});

/** At most this many values per segment dimension: a segment is a question, not a list of everyone. */
const SEGMENT_VALUES_MAX = 100;

type SegmentArgs = {
  tenure?: TenureBand | null;
  orgUnitId?: string | number | null;
  orgUnitIds?: readonly (string | number)[] | null;
  grade?: Grade | null;
  grades?: readonly Grade[] | null;
  gradeAtMost?: Grade | null;
  gradeAtLeast?: Grade | null;
  cafeEligible?: boolean | null;
  region?: string | null;
  regions?: readonly string[] | null;
  branchId?: string | number | null;
  branchIds?: readonly (string | number)[] | null;
  pride?: boolean | null;
  seoul?: boolean | null;
};

/** One value and a list of the same dimension: any of them (null when neither is given). */
const anyOf = <T>(name: string, one: T | null | undefined, many: readonly T[] | null | undefined): T[] | null => {
  if (one == null && many == null) return null;
  const values = [...new Set([...(one == null ? [] : [one]), ...(many ?? [])])];
  if (values.length > SEGMENT_VALUES_MAX) throw validationError(`segment.${name}: at most ${SEGMENT_VALUES_MAX} values`);
  return values;
};

/** The grades a segment names: the ones listed, narrowed by the range and by café eligibility (all of them apply). */
const gradesOf = (s: SegmentArgs): Grade[] | null => {
  let grades = anyOf('grades', s.grade, s.grades);
  const keep = (name: string, ok: (g: Grade) => boolean) => {
    grades = (grades ?? GRADES.map((g) => g.code)).filter(ok);
    if (grades.length === 0) throw validationError(`segment.${name}: no grade is left by this range together with the others given`);
  };
  if (s.gradeAtMost != null) keep('gradeAtMost', (g) => gradeRank(g) <= gradeRank(s.gradeAtMost!));
  if (s.gradeAtLeast != null) keep('gradeAtLeast', (g) => gradeRank(g) >= gradeRank(s.gradeAtLeast!));
  if (s.cafeEligible != null) keep('cafeEligible', (g) => isCafeSessionEligible(g) === s.cafeEligible);
  return grades;
};

export const segmentOf = (s: SegmentArgs | null | undefined): Segment => ({
  orgUnitIds: anyOf('orgUnitIds', idOrNull(s?.orgUnitId), s?.orgUnitIds?.map(String)),
  grades: s ? gradesOf(s) : null,
  regions: anyOf('regions', s?.region, s?.regions),
  branchIds: anyOf('branchIds', idOrNull(s?.branchId), s?.branchIds?.map(String)),
  pride: s?.pride ?? null,
  seoul: s?.seoul ?? null,
  tenure: s?.tenure ?? null,
});
