import type { CommandContext } from '@hub/event-store';
import type { Grade } from '@hub/events';

/*
 * The demo company's shared story: one deterministic random sequence walked by every channel in
 * turn (the order of the channels in seed.ts is part of the story), the names, the org tree.
 */

export const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

export const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황'];
export const GIVEN = [
  '민준',
  '서연',
  '지훈',
  '하은',
  '도윤',
  '수빈',
  '예준',
  '지민',
  '현우',
  '유진',
  '승현',
  '다은',
  '준호',
  '소영',
  '태희',
  '지원',
  '성민',
  '혜진',
];
/** Customers' given names come from their own list, so a test can tell a customer's name from a colleague's. */
export const CUSTOMER_GIVEN = [
  '가온',
  '나래',
  '다온',
  '라희',
  '마루',
  '바다',
  '사랑',
  '아라',
  '자운',
  '차미',
  '하람',
  '해솔',
  '보람',
  '새봄',
  '누리',
  '한결',
  '이슬',
  '초롱',
];

/** The org tree: divisions, their departments, and (where staff sit) teams. */
export const DEMO_DIVISIONS = [
  { orgUnitId: 'EXEC', name: 'Executive Office' },
  { orgUnitId: 'CORP', name: 'Corporate Division' },
  { orgUnitId: 'CUST', name: 'Customer Division' },
  { orgUnitId: 'SALES', name: 'Sales Division' },
] as const;

export const DEMO_ORG_UNITS = [
  { orgUnitId: 'STRAT', name: 'Strategy & Planning', parentId: 'CORP', region: 'Seoul', size: 40 },
  { orgUnitId: 'FIN', name: 'Finance', parentId: 'CORP', region: 'Seoul', size: 35 },
  { orgUnitId: 'HR', name: 'Human Resources', parentId: 'CORP', region: 'Seoul', size: 25 },
  { orgUnitId: 'IT', name: 'IT', parentId: 'CORP', region: 'Seoul', size: 60 },
  { orgUnitId: 'MKT', name: 'Marketing', parentId: 'CUST', region: 'Seoul', size: 55 },
  { orgUnitId: 'CS', name: 'Customer Service', parentId: 'CUST', region: 'Seoul', size: 70 },
  { orgUnitId: 'UW', name: 'Underwriting', parentId: 'CUST', region: 'Seoul', size: 45 },
  { orgUnitId: 'SS-BUSAN', name: 'Sales Support Busan', parentId: 'SALES', region: 'Busan', size: 30 },
  { orgUnitId: 'SS-DAEGU', name: 'Sales Support Daegu', parentId: 'SALES', region: 'Daegu', size: 20 },
  { orgUnitId: 'SS-GWANGJU', name: 'Sales Support Gwangju', parentId: 'SALES', region: 'Gwangju', size: 20 },
] as const;

/** Seoul has 74 branches (the article); the rest of the country more. Districts (구) of Seoul in turn. */
export const SEOUL_DISTRICTS = [
  '서초구',
  '강남구',
  '송파구',
  '종로구',
  '중구',
  '마포구',
  '영등포구',
  '용산구',
  '성동구',
  '강서구',
  '노원구',
  '관악구',
];
export const OTHER_REGIONS = [
  { region: 'Busan', districts: ['해운대구', '부산진구', '동래구'], count: 14 },
  { region: 'Daegu', districts: ['수성구', '중구'], count: 10 },
  { region: 'Gwangju', districts: ['서구', '북구'], count: 8 },
  { region: 'Gyeonggi', districts: ['수원시', '성남시', '고양시'], count: 20 },
];

/** Grade mix of a unit, bottom-heavy like a real company: 사원 … 부장. */
export const GRADE_MIX: [Grade, number][] = [
  ['STAFF', 0.32],
  ['ASSISTANT_MANAGER', 0.26],
  ['MANAGER', 0.2],
  ['DEPUTY_GENERAL_MANAGER', 0.12],
  ['GENERAL_MANAGER', 0.1],
];

export const PRODUCTS = ['종신보험', '변액종신보험', '연금보험', '건강보험', '어린이보험'];

export const EXECUTIVES = [
  { employeeId: 'CEO', name: '정문국', title: 'CEO' },
  { employeeId: 'EX-CFO', name: '한재무', title: 'CFO' },
  { employeeId: 'EX-CMO', name: '오마케', title: 'CMO' },
  { employeeId: 'EX-CSO', name: '서영업', title: 'Chief Sales Officer' },
  { employeeId: 'EX-CHRO', name: '권인사', title: 'CHRO' },
];

export const TOPICS = [
  ['strategy', '회사가 5년 뒤 어디에 있을까요? Where will we be in five years?'],
  ['career', '차장 승진까지 무엇을 준비해야 하나요? What should I prepare for promotion?'],
  ['customers', 'Customer Smile 방문이 실제로 해지율을 낮추나요? Do Customer Smile visits lower lapses?'],
  ['work-life', '유연근무제 확대 계획이 있나요? Any plan to widen flexible hours?'],
  ['personal', '사장님은 스트레스를 어떻게 푸시나요? How do you handle stress?'],
  ['products', '신상품 출시 일정이 궁금합니다. When do the new products launch?'],
] as const;

/** What every channel's seeding step is handed: the shared random sequence and command contexts. */
export interface DemoStory {
  random: () => number;
  /** A command's context: a deterministic command id (seeding twice records everything once) and its business time. */
  ctx: (commandId: string, occurredAt?: string) => CommandContext;
  now: Date;
}

/** A Korean name from the story's sequence (given names from `given`). */
export const koreanName = (random: () => number, given: readonly string[] = GIVEN) =>
  `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${given[Math.floor(random() * given.length)]}`;

/** A branch of the demo and its FCs, as the later channels need them. */
export interface DemoBranch {
  fcIds: string[];
  seoul: boolean;
  district: string;
  pride: boolean;
}
