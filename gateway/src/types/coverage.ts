import { decodeCursor, encodeCursor, type AsOfRow } from '@hub/read-model';
import {
  GRADES,
  gradeRank,
  instantSchema,
  isCafeSessionEligible,
  localDateSchema,
  parseOrThrow,
  validationError,
  type Grade,
} from '@hub/events';
import {
  cadence,
  cafeSessionReachByOrgUnit,
  coverage,
  gaps,
  openFollowUps,
  twoWay,
  type CadencePeriod,
  type OpenFollowUpRow,
  type QuestionFigures,
  type Coverage,
  type GapKey,
  type GapRow,
  type OrgUnitReachRow,
  type PopulationKind,
  type Segment,
  type TenureBand,
} from '@hub/read-model';
import { ACCESS, customerAggregateGuard } from '../access';
import { builder } from '../builder';
import { idOrNull, periodOf } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf, rowMoment } from './asOf';
import { CustomerRef } from './customerSmile';
import { FcRef } from './directory';
import { EmployeeRef } from './employee';
import { ChannelEnum, GradeEnum } from './enums';

export const OrgUnitReachRef = builder.objectRef<OrgUnitReachRow>('OrgUnitReach');

const ReachUnitKindEnum = builder.enumType('ReachUnitKind', {
  description: 'What a row of org-unit reach covers: the whole company (its root row), a division, a department or a team.',
  values: {
    COMPANY: { description: 'The whole company (전사): every employee, whichever division.' },
    DIVISION: { description: 'A division (본부).' },
    DEPARTMENT: { description: 'A department.' },
    TEAM: { description: 'A team.' },
  },
});

OrgUnitReachRef.implement({
  description:
    'Reach of one org unit (with all units below it) over a period: distinct people reached / people in the unit. The first row is the whole company (orgUnitId COMPANY).',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId', { description: 'The org unit; COMPANY for the company-wide root row.' }),
    orgUnitName: t.exposeString('orgUnitName', { description: 'Its name.' }),
    kind: t.expose('kind', { type: ReachUnitKindEnum, description: 'The company root, a division, a department or a team.' }),
    parentId: t.exposeID('parentId', {
      nullable: true,
      description: 'The unit above, to draw the tree (COMPANY above each division; null for the root).',
    }),
    population: t.exposeInt('population', {
      description: 'Employees of the unit and its sub-units during the period (hired before it ended, not gone before it began).',
    }),
    eligiblePopulation: t.exposeInt('eligiblePopulation', {
      description: 'Of those, how many may attend café sessions (grade 차장 or below).',
    }),
    reached: t.exposeInt('reached', { description: 'Distinct employees reached in the period.' }),
    reachRate: t.exposeFloat('reachRate', { description: 'reached / population (0 to 1; 0 for an empty unit).' }),
    eligibleReachRate: t.exposeFloat('eligibleReachRate', { description: 'reached / eligiblePopulation (0 to 1).' }),
  }),
});

export const PeriodInput = builder.inputType('PeriodInput', {
  description:
    'A period, in one of two forms: from/to as instants (DateTime; from inclusive, to exclusive), or fromDay/toDay as calendar days in Korea (Date; both inclusive, e.g. fromDay 2015-03-01, toDay 2015-03-31 for March 2015).',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false, description: 'Start, inclusive (an instant).' }),
    to: t.field({ type: 'DateTime', required: false, description: 'End, exclusive (an instant).' }),
    fromDay: t.field({ type: 'Date', required: false, description: 'First day, inclusive (calendar day in Korea).' }),
    toDay: t.field({ type: 'Date', required: false, description: 'Last day, inclusive (calendar day in Korea).' }),
  }),
});

builder.queryFields((t) => ({
  cafeSessionReachByOrgUnit: t.field({
    authScopes: ACCESS.read,
    type: [OrgUnitReachRef],
    description:
      'Café-session (톡톡타임) reach of employees for every org unit (each with its whole subtree) over a period, optionally for one host or one unit.',
    args: {
      period: t.arg({ type: PeriodInput, required: true, description: 'The period to measure.' }),
      hostId: t.arg.id({ required: false, description: 'Only sessions this leader hosted.' }),
      orgUnitId: t.arg.id({ required: false, description: 'Only this org unit (COMPANY: only the company-wide row).' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => {
      const { from, to } = periodOf(args.period);
      return cafeSessionReachByOrgUnit(
        ctx.view,
        { from, to },
        { hostId: idOrNull(args.hostId), orgUnitId: idOrNull(args.orgUnitId) },
        momentOf(args),
      );
    },
  }),
}));

const PopulationEnum = builder.enumType('Population', {
  description: 'Whose coverage: employees (임직원), FCs (설계사) or customers (고객).',
  values: {
    EMPLOYEE: { description: 'Employees.' },
    FC: { description: 'Financial consultants.' },
    CUSTOMER: { description: 'Customers (touched by Customer Smile visits).' },
  } satisfies Record<PopulationKind, { description: string }>,
});

const SegmentInput = builder.inputType('SegmentInput', {
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

const ChannelFigureRef = builder.objectRef<Coverage['byChannel'][number]>('ChannelFigure');
ChannelFigureRef.implement({
  description: 'Reach through one channel.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, description: 'The channel.' }),
    reached: t.exposeInt('reached', { description: 'Distinct people reached through it.' }),
    touches: t.exposeInt('touches', { description: 'Touches through it.' }),
  }),
});

const LeaderFigureRef = builder.objectRef<Coverage['byLeader'][number] & AsOfRow>('LeaderFigure');
LeaderFigureRef.implement({
  description: 'Reach by one leader (or by the company, for touches without a leader).',
  fields: (t) => ({
    leader: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The leader; null for the company.',
      resolve: async (f, _, ctx) => (f.leaderId ? ((await ctx.loadersAt(f.asOf).employee.load(f.leaderId)) ?? null) : null),
    }),
    reached: t.exposeInt('reached', { description: 'Distinct people this leader reached.' }),
    touches: t.exposeInt('touches', { description: 'Touches by this leader.' }),
  }),
});

const CoverageRef = builder.objectRef<Coverage & AsOfRow>('Coverage');
CoverageRef.implement({
  description: 'Who was reached in a segment over a period: reach, frequency, recency, by channel and by leader.',
  fields: (t) => ({
    population: t.exposeInt('population', { description: 'People in the segment during the period.' }),
    reached: t.exposeInt('reached', { description: 'Distinct people touched in the period.' }),
    reachRate: t.exposeFloat('reachRate', { description: 'reached / population (0 to 1).' }),
    touches: t.exposeInt('touches', { description: 'Touches in the period.' }),
    frequency: t.exposeFloat('frequency', { description: 'Touches per reached person.' }),
    averageDaysSinceLastTouch: t.exposeFloat('averageDaysSinceLastTouch', {
      nullable: true,
      description: 'Recency: mean days from each reached person’s last touch to the end of the period.',
    }),
    byChannel: t.field({ type: [ChannelFigureRef], description: 'Broken down by channel.', resolve: (c) => c.byChannel }),
    byLeader: t.field({
      type: [LeaderFigureRef],
      description: 'Broken down by leader, most reach first.',
      resolve: (c) => c.byLeader.map((l) => ({ ...l, asOf: c.asOf })),
    }),
  }),
});

const GapPersonRef = builder.objectRef<GapRow & { kind: PopulationKind; asOf: AsOfRow['asOf'] }>('GapPerson');
GapPersonRef.implement({
  description: 'Someone not reached within the window.',
  fields: (t) => ({
    personId: t.exposeID('personId', { description: 'Employee number or FC id.' }),
    lastTouchedAt: t.expose('lastTouchedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last touch before the window; null: never reached.',
    }),
    employee: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The employee, for an employee gap.',
      resolve: async (g, _, ctx) => (g.kind === 'EMPLOYEE' ? ((await ctx.loadersAt(g.asOf).employee.load(g.personId)) ?? null) : null),
    }),
    fc: t.field({
      type: FcRef,
      nullable: true,
      description: 'The FC, for an FC gap.',
      resolve: async (g, _, ctx) => (g.kind === 'FC' ? ((await ctx.loadersAt(g.asOf).fc.load(g.personId)) ?? null) : null),
    }),
    customer: t.field({
      type: CustomerRef,
      nullable: true,
      description: 'The customer, for a customer gap.',
      resolve: async (g, _, ctx) => (g.kind === 'CUSTOMER' ? ((await ctx.loadersAt(g.asOf).customer.load(g.personId)) ?? null) : null),
    }),
  }),
});

const GapsRef = builder.objectRef<{
  total: number;
  rows: (GapRow & { key: GapKey; kind: PopulationKind; asOf: AsOfRow['asOf'] })[];
  hasMore: boolean;
}>('Gaps');
GapsRef.implement({
  description: 'Who was left out: one page of them, in a stable order (never reached first, then the longest unreached, then by id).',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'How many people are in the gap, over all pages.' }),
    people: t.field({
      type: [GapPersonRef],
      description: 'This page of them: never reached first, then the longest unreached.',
      resolve: (g) => g.rows,
    }),
    hasNextPage: t.boolean({ description: 'More people follow: ask again with `after: endCursor`.', resolve: (g) => g.hasMore }),
    endCursor: t.string({
      nullable: true,
      description:
        'Pass as `after` for the next page (with the same other arguments): the list goes on after this page’s last person, so someone reached or hired meanwhile moves no one else across pages; null for an empty page.',
      resolve: (g) => {
        const key = g.rows[g.rows.length - 1]?.key;
        return key ? encodeCursor(['gaps', key.last ?? '', key.personId]) : null;
      },
    }),
  }),
});

/** Largest page of `gaps`; `after` pages on, up to the whole list. */
export const GAPS_PAGE_MAX = 500;

/** Where a `gaps` cursor says the last page ended (null without one); a cursor it did not hand out is refused. */
const gapsAfter = (after: string | null | undefined): GapKey | null => {
  if (after == null) return null;
  const cursor = decodeCursor(after);
  // The last touch as the view wrote it (a timestamptz's text) or empty for never reached, then an id.
  const ok =
    cursor?.length === 3 &&
    cursor[0] === 'gaps' &&
    (cursor[1] === '' || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(cursor[1]!)) &&
    cursor[2]!.length > 0 &&
    cursor[2]!.length <= 200;
  if (!ok) throw validationError(`after: invalid cursor "${after}"`);
  return { last: cursor[1] === '' ? null : cursor[1]!, personId: cursor[2]! };
};

const TenureBandEnum = builder.enumType('TenureBand', {
  description: 'Tenure at the end of the period, from the hire date.',
  values: {
    UNDER_1_YEAR: { description: 'Less than a year.' },
    ONE_TO_3_YEARS: { description: '1 to 3 years.' },
    THREE_TO_5_YEARS: { description: '3 to 5 years.' },
    FIVE_YEARS_OR_MORE: { description: '5 years or more.' },
  } satisfies Record<TenureBand, { description: string }>,
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

const segmentOf = (s: SegmentArgs | null | undefined): Segment => ({
  orgUnitIds: anyOf('orgUnitIds', idOrNull(s?.orgUnitId), s?.orgUnitIds?.map(String)),
  grades: s ? gradesOf(s) : null,
  regions: anyOf('regions', s?.region, s?.regions),
  branchIds: anyOf('branchIds', idOrNull(s?.branchId), s?.branchIds?.map(String)),
  pride: s?.pride ?? null,
  seoul: s?.seoul ?? null,
  tenure: s?.tenure ?? null,
});

builder.queryFields((t) => ({
  coverage: t.field({
    authScopes: ACCESS.read,
    type: CoverageRef,
    description:
      'The one view in one question: reach, frequency and recency of a segment over a period, optionally through one channel or by one leader, as of any moment.',
    args: {
      population: t.arg({ type: PopulationEnum, required: true, description: 'Employees, FCs or customers.' }),
      segment: t.arg({ type: SegmentInput, required: false, description: 'Narrow the population.' }),
      period: t.arg({ type: PeriodInput, required: true, description: 'The period to measure.' }),
      channel: t.arg({ type: ChannelEnum, required: false, description: 'Only touches through this channel.' }),
      leaderId: t.arg.id({ required: false, description: 'Only touches by this leader.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, args, ctx) => {
      const { from, to } = periodOf(args.period);
      const result = await coverage(
        ctx.view,
        args.population,
        segmentOf(args.segment),
        { from, to },
        { channel: args.channel ?? null, leaderId: idOrNull(args.leaderId) },
        momentOf(args),
      );
      if (args.population !== 'CUSTOMER') return { ...result, asOf: rowMoment(args) };
      const guard = customerAggregateGuard(ctx.principal.role);
      guard.assertLargeEnough(result.population, result.reached);
      const byChannel = guard.keepLargeGroups(result.byChannel, (g) => g.reached);
      const byLeader = guard.keepLargeGroups(result.byLeader, (g) => g.reached);
      return { ...result, byChannel, byLeader, asOf: rowMoment(args) };
    },
  }),
  gaps: t.field({
    // Customers left out are listed one by one: only for roles that see customers.
    authScopes: (_, args) => (args.population === 'CUSTOMER' ? ACCESS.customerLevel : ACCESS.read),
    type: GapsRef,
    description: 'Who was left out: people of a segment not reached within `days` days before `at` (never reached first).',
    args: {
      population: t.arg({ type: PopulationEnum, required: true, description: 'Employees, FCs or customers.' }),
      segment: t.arg({ type: SegmentInput, required: false, description: 'Narrow the population.' }),
      at: t.arg({ type: 'DateTime', required: true, description: 'The moment to look back from.' }),
      days: t.arg.int({ required: true, description: 'The window, in days (1 or more).' }),
      channel: t.arg({ type: ChannelEnum, required: false, description: 'Only touches through this channel count.' }),
      leaderId: t.arg.id({ required: false, description: 'Only touches by this leader count.' }),
      first: t.arg.int({ required: false, description: `How many people to list in this page (default 50, at most ${GAPS_PAGE_MAX}).` }),
      after: t.arg.string({ required: false, description: 'The endCursor of the page before: the people after it.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 0 || first > GAPS_PAGE_MAX) throw validationError(`first must be between 0 and ${GAPS_PAGE_MAX}`);
      const after = gapsAfter(args.after);
      const at = parseOrThrow(instantSchema, args.at, 'at');
      const result = await gaps(
        ctx.view,
        args.population,
        segmentOf(args.segment),
        at,
        args.days,
        { channel: args.channel ?? null, leaderId: idOrNull(args.leaderId) },
        first,
        momentOf(args),
        after,
      );
      return {
        total: result.total,
        hasMore: result.hasMore,
        rows: result.rows.map((r) => ({ ...r, kind: args.population, asOf: rowMoment(args) })),
      };
    },
  }),
}));

const CadencePeriodRef = builder.objectRef<CadencePeriod>('CadencePeriod');
CadencePeriodRef.implement({
  description: 'One period of a cadence: how many were held against the target.',
  fields: (t) => ({
    start: t.expose('start', { type: 'Date', description: 'First day (KST).' }),
    end: t.expose('end', { type: 'Date', description: 'First day after it.' }),
    held: t.exposeInt('held', { description: 'Held (not cancelled, with attendance recorded).' }),
    target: t.exposeInt('target', { description: 'How many the cadence asks for.' }),
    met: t.exposeBoolean('met', { description: 'held ≥ target.' }),
  }),
});

const CadenceRef = builder.objectRef<{ cafeSessions: CadencePeriod[]; townHalls: CadencePeriod[] }>('Cadence');
CadenceRef.implement({
  description: 'Were the rhythms kept? Café sessions twice a month, town halls every two months.',
  fields: (t) => ({
    cafeSessions: t.field({ type: [CadencePeriodRef], description: 'Per calendar month: target 2.', resolve: (c) => c.cafeSessions }),
    townHalls: t.field({
      type: [CadencePeriodRef],
      description: 'Per two months (Jan–Feb, Mar–Apr, …): target 1.',
      resolve: (c) => c.townHalls,
    }),
  }),
});

builder.queryFields((t) => ({
  cadence: t.field({
    authScopes: ACCESS.read,
    type: CadenceRef,
    description: 'Cadence met or missed, period by period, over a date range (KST calendar).',
    args: {
      from: t.arg({ type: 'Date', required: true, description: 'First day.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Day after the last.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) =>
      cadence(
        ctx.view,
        { from: parseOrThrow(localDateSchema, args.from, 'from'), to: parseOrThrow(localDateSchema, args.to, 'to') },
        momentOf(args),
      ),
  }),
}));

const QuestionFiguresRef = builder.objectRef<QuestionFigures>('QuestionFigures');
QuestionFiguresRef.implement({
  description: 'Questions raised and how they were answered.',
  fields: (t) => ({
    raised: t.exposeInt('raised', { description: 'Questions raised.' }),
    answered: t.exposeInt('answered', { description: 'Of those, answered.' }),
    answeredRate: t.exposeFloat('answeredRate', { description: 'answered / raised (0 to 1).' }),
    averageHoursToAnswer: t.exposeFloat('averageHoursToAnswer', { nullable: true, description: 'Mean hours from question to answer.' }),
  }),
});

const ChannelQuestionsRef = builder.objectRef<QuestionFigures & { channel: 'CAFE_SESSION' | 'TOWN_HALL' }>('ChannelQuestions');
ChannelQuestionsRef.implement({
  description: 'Question figures of one channel.',
  fields: (t) => ({
    channel: t.expose('channel', { type: ChannelEnum, description: 'The channel.' }),
    figures: t.field({ type: QuestionFiguresRef, description: 'Its figures.', resolve: (c) => c }),
  }),
});

const LeaderAnswersRef = builder.objectRef<Awaited<ReturnType<typeof twoWay>>['byAnsweringLeader'][number]>('LeaderAnswers');
LeaderAnswersRef.implement({
  description: 'Answers given by one leader.',
  fields: (t) => ({
    leader: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The leader.',
      resolve: async (l, _, ctx) => (await ctx.loadersAt(l.asOf).employee.load(l.leaderId)) ?? null,
    }),
    answered: t.exposeInt('answered', { description: 'Questions answered.' }),
    averageHoursToAnswer: t.exposeFloat('averageHoursToAnswer', { nullable: true, description: 'Mean hours to answer.' }),
  }),
});

const TwoWayRef = builder.objectRef<Awaited<ReturnType<typeof twoWay>>>('TwoWay');
TwoWayRef.implement({
  description: 'Were people heard? Questions raised in the period, answered rate and time to answer.',
  fields: (t) => ({
    questions: t.field({ type: QuestionFiguresRef, description: 'All channels together.', resolve: (w) => w.questions }),
    byChannel: t.field({ type: [ChannelQuestionsRef], description: 'Per channel.', resolve: (w) => w.byChannel }),
    byAnsweringLeader: t.field({ type: [LeaderAnswersRef], description: 'Per leader who answered.', resolve: (w) => w.byAnsweringLeader }),
  }),
});

const OpenFollowUpRef = builder.objectRef<OpenFollowUpRow>('OpenFollowUp');
OpenFollowUpRef.implement({
  description: 'A follow-up action promised in a café session and not done yet.',
  fields: (t) => ({
    id: t.exposeID('followUpId', { description: 'Follow-up id.' }),
    sessionId: t.exposeID('sessionId', { description: 'The session it came from.' }),
    description: t.exposeString('description', { description: 'What is to be done.' }),
    owner: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'Who owns it.',
      resolve: async (f, _, ctx) => (await ctx.loadersAt(f.asOf).employee.load(f.ownerId)) ?? null,
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'Due date.' }),
    since: t.expose('since', { type: 'DateTime', description: 'When the session took place.' }),
    ageDays: t.exposeInt('ageDays', { description: 'Days open, from the session to `at`.' }),
    overdue: t.exposeBoolean('overdue', { description: 'Past its due date.' }),
  }),
});

builder.queryFields((t) => ({
  twoWay: t.field({
    authScopes: ACCESS.read,
    type: TwoWayRef,
    description: 'Two-way communication over a period: questions raised, answered rate, time to answer, per channel and per leader.',
    args: {
      period: t.arg({ type: PeriodInput, required: true, description: 'When the questions were raised.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => {
      const { from, to } = periodOf(args.period);
      return twoWay(ctx.view, { from, to }, momentOf(args));
    },
  }),
  openFollowUps: t.field({
    authScopes: ACCESS.read,
    type: [OpenFollowUpRef],
    description: 'Café-session follow-up actions still open at a moment, oldest first, optionally for one owner.',
    args: {
      at: t.arg({ type: 'DateTime', required: false, description: 'The moment; default now.' }),
      ownerId: t.arg.id({ required: false, description: 'Only this owner’s.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) =>
      openFollowUps(
        ctx.view,
        args.at ? parseOrThrow(instantSchema, args.at, 'at') : new Date().toISOString(),
        { ownerId: idOrNull(args.ownerId) },
        momentOf(args),
      ),
  }),
}));
