import {
  cafeSessionsByIds,
  employeesByIds,
  followUpsBySessionIds,
  participantsBySessionIds,
  questionsBySessionIds,
  touchesByPersonIds,
} from '@hub/read-model';
import type { SqlExecutor } from '@hub/sql';
import DataLoader from 'dataloader';

/** One DataLoader per lookup, per request: a page of N items costs one query per field, not N. */
export const createLoaders = (db: SqlExecutor) => ({
  employee: new DataLoader((ids: readonly string[]) => employeesByIds(db, ids)),
  cafeSession: new DataLoader((ids: readonly string[]) => cafeSessionsByIds(db, ids)),
  cafeParticipants: new DataLoader((ids: readonly string[]) => participantsBySessionIds(db, ids)),
  cafeQuestions: new DataLoader((ids: readonly string[]) => questionsBySessionIds(db, ids)),
  cafeFollowUps: new DataLoader((ids: readonly string[]) => followUpsBySessionIds(db, ids)),
  touches: new DataLoader((ids: readonly string[]) => touchesByPersonIds(db, ids)),
});

export type Loaders = ReturnType<typeof createLoaders>;
