import { z } from 'zod';

/**
 * The grade ladder (직급), lowest first. Codes are English so they travel through GraphQL enums
 * and Kafka unchanged; the Korean title stays next to each because that is how people say it.
 */
export const GRADES = [
  { code: 'STAFF', ko: '사원', en: 'staff' },
  { code: 'ASSISTANT_MANAGER', ko: '대리', en: 'assistant manager' },
  { code: 'MANAGER', ko: '과장', en: 'manager' },
  { code: 'DEPUTY_GENERAL_MANAGER', ko: '차장', en: 'deputy general manager' },
  { code: 'GENERAL_MANAGER', ko: '부장', en: 'general manager' },
  { code: 'EXECUTIVE', ko: '임원', en: 'executive' },
] as const;

export type Grade = (typeof GRADES)[number]['code'];
export const gradeSchema = z.enum(GRADES.map((g) => g.code) as [Grade, ...Grade[]]);

export const gradeRank = (grade: Grade): number => GRADES.findIndex((g) => g.code === grade);
export const gradeLabel = (grade: Grade): string => {
  const g = GRADES[gradeRank(grade)];
  return g ? `${g.ko} (${g.en})` : grade;
};

/** Café sessions (톡톡타임) are for employees of grade 차장 or below. */
export const CAFE_SESSION_MAX_GRADE: Grade = 'DEPUTY_GENERAL_MANAGER';
export const isCafeSessionEligible = (grade: Grade): boolean => gradeRank(grade) <= gradeRank(CAFE_SESSION_MAX_GRADE);
