import { ANSWER_MODES, CHANNELS, GRADES, TOUCH_MODES } from '@hub/events';
import { builder } from '../builder';

export const GradeEnum = builder.enumType('Grade', {
  description: 'The grade ladder (직급), lowest first.',
  values: Object.fromEntries(GRADES.map((g) => [g.code, { description: `${g.ko} (${g.en})` }])) as Record<
    (typeof GRADES)[number]['code'],
    { description: string }
  >,
});

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
