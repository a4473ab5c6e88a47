import {
  asOfKey,
  branchesByIds,
  cafeSessionsByIds,
  campaignsByIds,
  contractsByCustomerIds,
  contractsByIds,
  customersByIds,
  customerVisitsByContractIds,
  employeesByIds,
  fcsByBranchIds,
  fcsByIds,
  followUpsByContractIds,
  followUpsOfGatherings,
  GATHERING_CHANNELS,
  orgUnitsByIds,
  participantsBySessionIds,
  questionsOfGatherings,
  touchesByPersonIds,
  townHallAttendeesByIds,
  townHallHeadCountsByIds,
  townHallsByIds,
  videoMessagesByIds,
  visitsByBranchIds,
  type AsOf,
  type GatheringChannel,
} from '@hub/read-model';
import type { SqlExecutor } from '@hub/sql';
import DataLoader from 'dataloader';

/** One loader per gathering channel, keyed by the café session or town hall id. */
const perGathering = <T>(load: (channel: GatheringChannel, ids: readonly string[]) => Promise<T[][]>) =>
  Object.fromEntries(
    GATHERING_CHANNELS.map((channel) => [channel, new DataLoader((ids: readonly string[]) => load(channel, ids))]),
  ) as Record<GatheringChannel, DataLoader<string, T[]>>;

/**
 * One DataLoader per lookup, per request and per moment: a page of N items costs one query per
 * field, not N, and everything nested under an `asOf` query is looked up as of the same moment.
 */
export const createLoaders = (db: SqlExecutor, asOf: AsOf) => ({
  employee: new DataLoader((ids: readonly string[]) => employeesByIds(db, ids, asOf)),
  cafeSession: new DataLoader((ids: readonly string[]) => cafeSessionsByIds(db, ids, asOf)),
  cafeParticipants: new DataLoader((ids: readonly string[]) => participantsBySessionIds(db, ids, asOf)),
  /** Questions and follow-ups of café sessions and of town halls: one lookup, one loader per channel. */
  questions: perGathering((channel, ids) => questionsOfGatherings(db, channel, ids, asOf)),
  questionFollowUps: perGathering((channel, ids) => followUpsOfGatherings(db, channel, ids, asOf)),
  touches: new DataLoader((ids: readonly string[]) => touchesByPersonIds(db, ids, asOf)),
  orgUnit: new DataLoader((ids: readonly string[]) => orgUnitsByIds(db, ids, asOf)),
  branch: new DataLoader((ids: readonly string[]) => branchesByIds(db, ids, asOf)),
  fcsOfBranch: new DataLoader((ids: readonly string[]) => fcsByBranchIds(db, ids, asOf)),
  fc: new DataLoader((ids: readonly string[]) => fcsByIds(db, ids, asOf)),
  videoMessage: new DataLoader((ids: readonly string[]) => videoMessagesByIds(db, ids, asOf)),
  campaign: new DataLoader((ids: readonly string[]) => campaignsByIds(db, ids, asOf)),
  branchVisits: new DataLoader((ids: readonly string[]) => visitsByBranchIds(db, ids, asOf)),
  townHall: new DataLoader((ids: readonly string[]) => townHallsByIds(db, ids, asOf)),
  townHallHeadCounts: new DataLoader((ids: readonly string[]) => townHallHeadCountsByIds(db, ids, asOf)),
  townHallAttendees: new DataLoader((ids: readonly string[]) => townHallAttendeesByIds(db, ids, asOf)),
  customer: new DataLoader((ids: readonly string[]) => customersByIds(db, ids, asOf)),
  contract: new DataLoader((ids: readonly string[]) => contractsByIds(db, ids, asOf)),
  contractsOfCustomer: new DataLoader((ids: readonly string[]) => contractsByCustomerIds(db, ids, asOf)),
  followUps: new DataLoader((ids: readonly string[]) => followUpsByContractIds(db, ids, asOf)),
  customerVisits: new DataLoader((ids: readonly string[]) => customerVisitsByContractIds(db, ids, asOf)),
});

export type Loaders = ReturnType<typeof createLoaders>;

/** The loaders for a moment (null: now), made on first use within a request. */
export const loadersByMoment = (db: SqlExecutor) => {
  const byMoment = new Map<string, Loaders>();
  return (asOf: AsOf): Loaders => {
    const key = asOfKey(asOf);
    let loaders = byMoment.get(key);
    if (!loaders) byMoment.set(key, (loaders = createLoaders(db, asOf)));
    return loaders;
  };
};
