import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';
import { currentToken } from './session';

/*
 * Graphcache, normalised by id. The figures (coverage, gaps, reach, cadence, …) are answers to a
 * question, not entities: they have no id and live under the query that asked them (keys: null).
 * A recording mutation can change any figure, so after one every cached figure is dropped and the
 * pages on screen ask again — reach rises on the overview without a reload.
 */

/** Types without an id: stored inside their parent, never shared by key. */
export const EMBEDDED = [
  'Cadence',
  'CadencePeriod',
  'CafeParticipant',
  'ChannelFigure',
  'ChannelQuestions',
  'Coverage',
  'CsvImportReport',
  'CsvRowError',
  'CsvImportProgress',
  'CustomerFollowUp',
  'CustomerPersonalData',
  'DeadLetter',
  'FcActivity',
  'FcWeeklyActivityReport',
  'FollowUpCompliance',
  'GapPerson',
  'Gathering',
  'Gaps',
  'GuestSuggestion',
  'GuestTeam',
  'HistoryImportReport',
  'LeaderAnswers',
  'LeaderFigure',
  'MonthCoverage',
  'NextCafeGuests',
  'OrgUnitReach',
  'OverdueFollowUps',
  'PageInfo',
  'Principal',
  'QuestionFigures',
  'TownHallHeadCount',
  'TwoWay',
  // Relay connections and edges: a page belongs to the query (and its arguments) that asked for it.
  'BranchConnection',
  'BranchEdge',
  'BranchTimelineConnection',
  'BranchTimelineEdge',
  'BranchVisitConnection',
  'BranchVisitEdge',
  'CafeSessionConnection',
  'CafeSessionEdge',
  'ContractConnection',
  'ContractEdge',
  'CustomerTimelineConnection',
  'CustomerTimelineEdge',
  'CustomerVisitConnection',
  'CustomerVisitEdge',
  'DeadLetterConnection',
  'DeadLetterEdge',
  'EmailLetterConnection',
  'EmailLetterEdge',
  'EmployeeConnection',
  'EmployeeEdge',
  'EmployeeTimelineConnection',
  'EmployeeTimelineEdge',
  'FcConnection',
  'FcEdge',
  'FcTimelineConnection',
  'FcTimelineEdge',
  'PersonalDataAccessConnection',
  'PersonalDataAccessEdge',
  'TouchConnection',
  'TouchEdge',
  'TownHallConnection',
  'TownHallEdge',
  'OpenQuestionConnection',
  'OpenQuestionEdge',
] as const;

/** Root fields whose answers a recorded fact can change: dropped after every recording mutation. */
export const FIGURES = new Set([
  'coverage',
  'coverageByMonth',
  'employeeReachByOrgUnit',
  'gaps',
  'cadence',
  'cafeSessionReachByOrgUnit',
  'twoWay',
  'openFollowUps',
  'openQuestions',
  'overdueFollowUps',
  'touches',
  'unvisitedBranches',
  'fcActivity',
  'followUpCompliance',
  'campaigns',
  'cafeSessions',
  'townHalls',
  'videoMessages',
  'emailLetters',
  'branchVisits',
  'employees',
  'employee',
  'fcs',
  'branches',
  'branch',
  'customer',
  'contracts',
  'customerVisits',
  'orgUnits',
  'cafeSession',
  'townHall',
  'nextCafeGuests',
  'fc',
  'customerSearch',
]);

/** The mutations the console sends; each may change any figure. */
const RECORDING = [
  'scheduleCafeSession',
  'inviteToCafeSession',
  'recordCafeSessionAttendance',
  'answerCafeSessionQuestion',
  'answerTownHallQuestion',
  'assignCafeSessionFollowUp',
  'assignTownHallFollowUp',
  'completeCafeSessionFollowUp',
  'completeTownHallFollowUp',
  'recordTownHall',
  'recordBranchVisit',
  'importCsv',
] as const;

export const dropFigures = (cache: Cache) => {
  for (const field of cache.inspectFields('Query'))
    if (FIGURES.has(field.fieldName)) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
};

/** A new question over SSE: the session's (or town hall's) list is read again, so every page showing it has it. */
const questionArrived =
  (typename: 'CafeSession' | 'TownHall', idArg: 'sessionId' | 'townHallId') =>
  (_result: unknown, args: Record<string, unknown>, cache: Cache) => {
    cache.invalidate({ __typename: typename, id: String(args[idArg]) }, 'questions');
  };

/** The cache key of an item whose id is unique within its gathering (needs `gathering { channel id }` selected). */
const withinGathering = (item: { id?: unknown; gathering?: unknown }) => {
  const gathering = item.gathering as { channel?: string; id?: string } | undefined;
  return gathering?.channel && gathering.id && typeof item.id === 'string' ? `${gathering.channel}/${gathering.id}/${item.id}` : null;
};

export const graphcache = () =>
  cacheExchange({
    keys: {
      ...Object.fromEntries(EMBEDDED.map((name) => [name, () => null])),
      // Question and follow-up ids are unique only within their café session or town hall.
      Question: withinGathering,
      FollowUp: withinGathering,
      OpenQuestion: withinGathering,
      OpenFollowUp: withinGathering,
    },
    updates: {
      Mutation: Object.fromEntries(RECORDING.map((name) => [name, (_r: unknown, _a: unknown, cache: Cache) => dropFigures(cache)])),
      Subscription: {
        cafeSessionQuestionRaised: questionArrived('CafeSession', 'sessionId'),
        townHallQuestionRaised: questionArrived('TownHall', 'townHallId'),
      },
    },
  });

/**
 * Same-origin /graphql (the web server forwards it to the gateway), with the signed-in token if
 * any, and the CSRF header the gateway requires (a page on another site cannot set one without
 * CORS allowing it). Subscriptions go over the same fetch as server-sent events.
 */
export const createClient = (token: string | null = currentToken()) =>
  new Client({
    url: '/graphql',
    exchanges: [graphcache(), fetchExchange],
    fetchSubscriptions: true,
    fetchOptions: (): RequestInit => {
      const headers: Record<string, string> = { 'x-graphql-yoga-csrf': 'console', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      return { headers };
    },
  });
