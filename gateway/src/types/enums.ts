import { ANSWER_MODES, CHANNELS, GRADES, TOUCH_MODES } from '@hub/events';
import type { PopulationKind, TenureBand } from '@hub/read-model';
import { builder } from '../builder';
import { zodEnum } from '../zodInput';

export const GradeEnum = builder.enumType('Grade', {
  description: 'The grade ladder (직급), lowest first.',
  values: Object.fromEntries(GRADES.map((g) => [g.code, { description: `${g.ko} (${g.en})` }])) as Record<
    (typeof GRADES)[number]['code'],
    { description: string }
  >,
});
zodEnum(
  GRADES.map((g) => g.code),
  GradeEnum,
);

export const ChannelEnum = builder.enumType('Channel', {
  description: 'The ways leadership reaches people; every touch names one.',
  values: {
    CAFE_SESSION: { description: 'Café session (톡톡타임): tea with about ten employees of grade 차장 or below.' },
    TOWN_HALL: { description: 'Town hall (타운홀 미팅), every two months.' },
    BRANCH_VISIT: { description: 'A leader visiting a sales branch (영업 지점).' },
    VIDEO_MESSAGE: { description: 'A recorded video message, viewed.' },
    CUSTOMER_VISIT: { description: 'Customer Smile (고객스마일) visit by an FC, sometimes with a leader.' },
    PRIDE: { description: 'PRIDE program activity at a PRIDE branch.' },
    EMAIL_LETTER: { description: 'An e-mail letter from a leader to staff (CEO 레터), opened.' },
  } satisfies Record<(typeof CHANNELS)[number], { description: string }>,
});

export const TouchModeEnum = builder.enumType('TouchMode', {
  description: 'Whether the person was met or reached by a broadcast.',
  values: {
    FACE_TO_FACE: { description: 'Met in person: café session, town hall attended, branch visit, customer visit.' },
    BROADCAST: { description: 'Reached by a broadcast: a video message viewed, an e-mail letter opened.' },
  } satisfies Record<(typeof TOUCH_MODES)[number], { description: string }>,
});

export const AnswerModeEnum = builder.enumType('AnswerMode', {
  description: 'How a question was answered.',
  values: { LIVE: { description: 'Answered on the spot.' }, FOLLOWED_UP: { description: 'Answered later.' } } satisfies Record<
    (typeof ANSWER_MODES)[number],
    { description: string }
  >,
});
zodEnum(ANSWER_MODES, AnswerModeEnum);

export const CafeSessionStatusEnum = builder.enumType('CafeSessionStatus', {
  description: 'Whether a café session stands or was cancelled.',
  values: { SCHEDULED: { description: 'Scheduled (and held, once attendance is recorded).' }, CANCELLED: { description: 'Cancelled.' } },
});

export const PersonKindEnum = builder.enumType('PersonKind', {
  description: 'Whom a touch reached.',
  values: {
    EMPLOYEE: { description: 'An employee (임직원).' },
    FC: { description: 'A financial consultant (설계사).' },
    CUSTOMER: { description: 'A customer (고객).' },
  },
});

export const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'Ascending or descending.',
  values: {
    ASC: { description: 'Smallest, earliest or A first (never-reached first for recency).' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

export const PopulationEnum = builder.enumType('Population', {
  description: 'Whose coverage: employees (임직원), FCs (설계사) or customers (고객).',
  values: {
    EMPLOYEE: { description: 'Employees.' },
    FC: { description: 'Financial consultants.' },
    CUSTOMER: { description: 'Customers (touched by Customer Smile visits).' },
  } satisfies Record<PopulationKind, { description: string }>,
});

export const TenureBandEnum = builder.enumType('TenureBand', {
  description: 'Tenure at the end of the period, from the hire date.',
  values: {
    UNDER_1_YEAR: { description: 'Less than a year.' },
    ONE_TO_3_YEARS: { description: '1 to 3 years.' },
    THREE_TO_5_YEARS: { description: '3 to 5 years.' },
    FIVE_YEARS_OR_MORE: { description: '5 years or more.' },
  } satisfies Record<TenureBand, { description: string }>,
});

export const ReachUnitKindEnum = builder.enumType('ReachUnitKind', {
  description: 'What a row of org-unit reach covers: the whole company (its root row), a division, a department or a team.',
  values: {
    COMPANY: { description: 'The whole company (전사): every employee, whichever division.' },
    DIVISION: { description: 'A division (본부).' },
    DEPARTMENT: { description: 'A department.' },
    TEAM: { description: 'A team.' },
  },
});
