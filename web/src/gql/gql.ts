/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me { subject role tokenId }\n  }\n": typeof types.MeDocument,
    "\n  query LatestTouch($asOf: DateTime) {\n    touches(first: 1, asOf: $asOf) { edges { node { id touchedAt } } }\n  }\n": typeof types.LatestTouchDocument,
    "\n  query Coverage($population: Population!, $period: PeriodInput!, $channel: Channel, $asOf: DateTime) {\n    coverage(population: $population, period: $period, channel: $channel, asOf: $asOf) {\n      population\n      reached\n      reachRate\n      touches\n      frequency\n      averageDaysSinceLastTouch\n      byChannel { channel reached touches }\n      byLeader { leader { id name title } reached touches }\n    }\n  }\n": typeof types.CoverageDocument,
    "\n  query Trend(\n    $population: Population!, $asOf: DateTime,\n    $m0: PeriodInput!, $m1: PeriodInput!, $m2: PeriodInput!, $m3: PeriodInput!, $m4: PeriodInput!, $m5: PeriodInput!,\n    $m6: PeriodInput!, $m7: PeriodInput!, $m8: PeriodInput!, $m9: PeriodInput!, $m10: PeriodInput!, $m11: PeriodInput!\n  ) {\n    m0: coverage(population: $population, period: $m0, asOf: $asOf) { reached population reachRate }\n    m1: coverage(population: $population, period: $m1, asOf: $asOf) { reached population reachRate }\n    m2: coverage(population: $population, period: $m2, asOf: $asOf) { reached population reachRate }\n    m3: coverage(population: $population, period: $m3, asOf: $asOf) { reached population reachRate }\n    m4: coverage(population: $population, period: $m4, asOf: $asOf) { reached population reachRate }\n    m5: coverage(population: $population, period: $m5, asOf: $asOf) { reached population reachRate }\n    m6: coverage(population: $population, period: $m6, asOf: $asOf) { reached population reachRate }\n    m7: coverage(population: $population, period: $m7, asOf: $asOf) { reached population reachRate }\n    m8: coverage(population: $population, period: $m8, asOf: $asOf) { reached population reachRate }\n    m9: coverage(population: $population, period: $m9, asOf: $asOf) { reached population reachRate }\n    m10: coverage(population: $population, period: $m10, asOf: $asOf) { reached population reachRate }\n    m11: coverage(population: $population, period: $m11, asOf: $asOf) { reached population reachRate }\n  }\n": typeof types.TrendDocument,
    "\n  query Cadence($from: Date!, $to: Date!, $asOf: DateTime) {\n    cadence(from: $from, to: $to, asOf: $asOf) {\n      cafeSessions { start end held target met }\n      townHalls { start end held target met }\n    }\n  }\n": typeof types.CadenceDocument,
    "\n  query OrgUnits($asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n  }\n": typeof types.OrgUnitsDocument,
    "\n  query EmployeeGaps($at: DateTime!, $days: Int!, $segment: SegmentInput, $asOf: DateTime, $first: Int) {\n    gaps(population: EMPLOYEE, at: $at, days: $days, segment: $segment, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt employee { id name grade orgUnit { id name } } }\n    }\n  }\n": typeof types.EmployeeGapsDocument,
    "\n  query FcGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: FC, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt fc { id name branch { id name region } } }\n    }\n  }\n": typeof types.FcGapsDocument,
    "\n  query CustomerGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } } }\n    }\n  }\n": typeof types.CustomerGapsDocument,
    "\n  query CustomerGapsWithNames($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } personalData { name } } }\n    }\n  }\n": typeof types.CustomerGapsWithNamesDocument,
    "\n  query UnvisitedBranches($from: DateTime!, $to: DateTime!, $asOf: DateTime) {\n    unvisitedBranches(from: $from, to: $to, asOf: $asOf) { id name region district pride }\n  }\n": typeof types.UnvisitedBranchesDocument,
    "\n  query CafeSessions($first: Int!, $after: String, $asOf: DateTime) {\n    cafeSessions(first: $first, after: $after, asOf: $asOf) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } } }\n    }\n  }\n": typeof types.CafeSessionsDocument,
    "\n  query Leaders {\n    employees(filter: { grade: EXECUTIVE }, first: 100) { edges { node { id name title } } }\n  }\n": typeof types.LeadersDocument,
    "\n  mutation ScheduleCafeSession($input: ScheduleCafeSessionInput!, $commandId: String) {\n    scheduleCafeSession(input: $input, commandId: $commandId) { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } }\n  }\n": typeof types.ScheduleCafeSessionDocument,
    "\n  query Reach($period: PeriodInput!, $asOf: DateTime) {\n    cafeSessionReachByOrgUnit(period: $period, asOf: $asOf) { orgUnitId orgUnitName kind parentId population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n": typeof types.ReachDocument,
    "\n  query CustomerSmile($groupBy: ComplianceGrouping!, $from: Date!, $to: Date!, $on: Date, $asOf: DateTime) {\n    followUpCompliance(groupBy: $groupBy, from: $from, to: $to, on: $on, asOf: $asOf) { key branch { name } due onTime late overdue open onTimeRate }\n  }\n": typeof types.CustomerSmileDocument,
    "\n  query Pride($from: Date!, $to: Date!, $asOf: DateTime) {\n    fcActivity(groupBy: PRIDE, from: $from, to: $to, asOf: $asOf) { key fcs fcWeeks visitsPerFcWeek callsPerFcWeek contractsPerFcWeek }\n  }\n": typeof types.PrideDocument,
    "\n  fragment TouchFields on Touch { id channel mode touchedAt summary leader { id name title } }\n": typeof types.TouchFieldsFragmentDoc,
    "\n  query Directory($name: String, $asOf: DateTime) {\n    employees(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name grade title orgUnit { id name } lastTouchedAt } } }\n    fcs(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name branch { id name } } } }\n    branches(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name region district pride } } }\n  }\n": typeof types.DirectoryDocument,
    "\n  query EmployeePage($id: ID!, $asOf: DateTime) {\n    employee(id: $id, asOf: $asOf) {\n      id name grade title region hiredOn leftOn lastTouchedAt orgUnit { id name }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n": typeof types.EmployeePageDocument,
    "\n  query FcPage($id: ID!, $asOf: DateTime) {\n    touches(filter: { personId: $id, personKind: FC }, first: 100, asOf: $asOf) {\n      totalCount\n      edges { node { ...TouchFields fc { id name hiredOn leftOn branch { id name region } } } }\n    }\n  }\n": typeof types.FcPageDocument,
    "\n  query BranchPage($id: ID!, $asOf: DateTime) {\n    branch(id: $id, asOf: $asOf) {\n      id name region district seoul pride prideSince\n      fcs { id name }\n      visits { id visitedAt purpose gift leaders { id name title } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n": typeof types.BranchPageDocument,
    "\n  query CustomerPage($id: ID!, $asOf: DateTime) {\n    customer(id: $id, asOf: $asOf) {\n      id registeredOn erasedOn branch { id name }\n      contracts { id product signedOn fc { id name } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n": typeof types.CustomerPageDocument,
    "\n  query CustomerPersonalData($id: ID!) {\n    customer(id: $id) { id personalData { name phone address } }\n  }\n": typeof types.CustomerPersonalDataDocument,
    "\n  query TeamPage($id: ID!, $period: PeriodInput!, $asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n    employees(filter: { orgUnitId: $id }, first: 100, asOf: $asOf) { totalCount edges { node { id name grade title lastTouchedAt } } }\n    cafeSessionReachByOrgUnit(orgUnitId: $id, period: $period, asOf: $asOf) { orgUnitId orgUnitName population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n": typeof types.TeamPageDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { subject role tokenId }\n  }\n": types.MeDocument,
    "\n  query LatestTouch($asOf: DateTime) {\n    touches(first: 1, asOf: $asOf) { edges { node { id touchedAt } } }\n  }\n": types.LatestTouchDocument,
    "\n  query Coverage($population: Population!, $period: PeriodInput!, $channel: Channel, $asOf: DateTime) {\n    coverage(population: $population, period: $period, channel: $channel, asOf: $asOf) {\n      population\n      reached\n      reachRate\n      touches\n      frequency\n      averageDaysSinceLastTouch\n      byChannel { channel reached touches }\n      byLeader { leader { id name title } reached touches }\n    }\n  }\n": types.CoverageDocument,
    "\n  query Trend(\n    $population: Population!, $asOf: DateTime,\n    $m0: PeriodInput!, $m1: PeriodInput!, $m2: PeriodInput!, $m3: PeriodInput!, $m4: PeriodInput!, $m5: PeriodInput!,\n    $m6: PeriodInput!, $m7: PeriodInput!, $m8: PeriodInput!, $m9: PeriodInput!, $m10: PeriodInput!, $m11: PeriodInput!\n  ) {\n    m0: coverage(population: $population, period: $m0, asOf: $asOf) { reached population reachRate }\n    m1: coverage(population: $population, period: $m1, asOf: $asOf) { reached population reachRate }\n    m2: coverage(population: $population, period: $m2, asOf: $asOf) { reached population reachRate }\n    m3: coverage(population: $population, period: $m3, asOf: $asOf) { reached population reachRate }\n    m4: coverage(population: $population, period: $m4, asOf: $asOf) { reached population reachRate }\n    m5: coverage(population: $population, period: $m5, asOf: $asOf) { reached population reachRate }\n    m6: coverage(population: $population, period: $m6, asOf: $asOf) { reached population reachRate }\n    m7: coverage(population: $population, period: $m7, asOf: $asOf) { reached population reachRate }\n    m8: coverage(population: $population, period: $m8, asOf: $asOf) { reached population reachRate }\n    m9: coverage(population: $population, period: $m9, asOf: $asOf) { reached population reachRate }\n    m10: coverage(population: $population, period: $m10, asOf: $asOf) { reached population reachRate }\n    m11: coverage(population: $population, period: $m11, asOf: $asOf) { reached population reachRate }\n  }\n": types.TrendDocument,
    "\n  query Cadence($from: Date!, $to: Date!, $asOf: DateTime) {\n    cadence(from: $from, to: $to, asOf: $asOf) {\n      cafeSessions { start end held target met }\n      townHalls { start end held target met }\n    }\n  }\n": types.CadenceDocument,
    "\n  query OrgUnits($asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n  }\n": types.OrgUnitsDocument,
    "\n  query EmployeeGaps($at: DateTime!, $days: Int!, $segment: SegmentInput, $asOf: DateTime, $first: Int) {\n    gaps(population: EMPLOYEE, at: $at, days: $days, segment: $segment, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt employee { id name grade orgUnit { id name } } }\n    }\n  }\n": types.EmployeeGapsDocument,
    "\n  query FcGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: FC, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt fc { id name branch { id name region } } }\n    }\n  }\n": types.FcGapsDocument,
    "\n  query CustomerGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } } }\n    }\n  }\n": types.CustomerGapsDocument,
    "\n  query CustomerGapsWithNames($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } personalData { name } } }\n    }\n  }\n": types.CustomerGapsWithNamesDocument,
    "\n  query UnvisitedBranches($from: DateTime!, $to: DateTime!, $asOf: DateTime) {\n    unvisitedBranches(from: $from, to: $to, asOf: $asOf) { id name region district pride }\n  }\n": types.UnvisitedBranchesDocument,
    "\n  query CafeSessions($first: Int!, $after: String, $asOf: DateTime) {\n    cafeSessions(first: $first, after: $after, asOf: $asOf) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } } }\n    }\n  }\n": types.CafeSessionsDocument,
    "\n  query Leaders {\n    employees(filter: { grade: EXECUTIVE }, first: 100) { edges { node { id name title } } }\n  }\n": types.LeadersDocument,
    "\n  mutation ScheduleCafeSession($input: ScheduleCafeSessionInput!, $commandId: String) {\n    scheduleCafeSession(input: $input, commandId: $commandId) { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } }\n  }\n": types.ScheduleCafeSessionDocument,
    "\n  query Reach($period: PeriodInput!, $asOf: DateTime) {\n    cafeSessionReachByOrgUnit(period: $period, asOf: $asOf) { orgUnitId orgUnitName kind parentId population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n": types.ReachDocument,
    "\n  query CustomerSmile($groupBy: ComplianceGrouping!, $from: Date!, $to: Date!, $on: Date, $asOf: DateTime) {\n    followUpCompliance(groupBy: $groupBy, from: $from, to: $to, on: $on, asOf: $asOf) { key branch { name } due onTime late overdue open onTimeRate }\n  }\n": types.CustomerSmileDocument,
    "\n  query Pride($from: Date!, $to: Date!, $asOf: DateTime) {\n    fcActivity(groupBy: PRIDE, from: $from, to: $to, asOf: $asOf) { key fcs fcWeeks visitsPerFcWeek callsPerFcWeek contractsPerFcWeek }\n  }\n": types.PrideDocument,
    "\n  fragment TouchFields on Touch { id channel mode touchedAt summary leader { id name title } }\n": types.TouchFieldsFragmentDoc,
    "\n  query Directory($name: String, $asOf: DateTime) {\n    employees(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name grade title orgUnit { id name } lastTouchedAt } } }\n    fcs(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name branch { id name } } } }\n    branches(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name region district pride } } }\n  }\n": types.DirectoryDocument,
    "\n  query EmployeePage($id: ID!, $asOf: DateTime) {\n    employee(id: $id, asOf: $asOf) {\n      id name grade title region hiredOn leftOn lastTouchedAt orgUnit { id name }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n": types.EmployeePageDocument,
    "\n  query FcPage($id: ID!, $asOf: DateTime) {\n    touches(filter: { personId: $id, personKind: FC }, first: 100, asOf: $asOf) {\n      totalCount\n      edges { node { ...TouchFields fc { id name hiredOn leftOn branch { id name region } } } }\n    }\n  }\n": types.FcPageDocument,
    "\n  query BranchPage($id: ID!, $asOf: DateTime) {\n    branch(id: $id, asOf: $asOf) {\n      id name region district seoul pride prideSince\n      fcs { id name }\n      visits { id visitedAt purpose gift leaders { id name title } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n": types.BranchPageDocument,
    "\n  query CustomerPage($id: ID!, $asOf: DateTime) {\n    customer(id: $id, asOf: $asOf) {\n      id registeredOn erasedOn branch { id name }\n      contracts { id product signedOn fc { id name } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n": types.CustomerPageDocument,
    "\n  query CustomerPersonalData($id: ID!) {\n    customer(id: $id) { id personalData { name phone address } }\n  }\n": types.CustomerPersonalDataDocument,
    "\n  query TeamPage($id: ID!, $period: PeriodInput!, $asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n    employees(filter: { orgUnitId: $id }, first: 100, asOf: $asOf) { totalCount edges { node { id name grade title lastTouchedAt } } }\n    cafeSessionReachByOrgUnit(orgUnitId: $id, period: $period, asOf: $asOf) { orgUnitId orgUnitName population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n": types.TeamPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { subject role tokenId }\n  }\n"): (typeof documents)["\n  query Me {\n    me { subject role tokenId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestTouch($asOf: DateTime) {\n    touches(first: 1, asOf: $asOf) { edges { node { id touchedAt } } }\n  }\n"): (typeof documents)["\n  query LatestTouch($asOf: DateTime) {\n    touches(first: 1, asOf: $asOf) { edges { node { id touchedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coverage($population: Population!, $period: PeriodInput!, $channel: Channel, $asOf: DateTime) {\n    coverage(population: $population, period: $period, channel: $channel, asOf: $asOf) {\n      population\n      reached\n      reachRate\n      touches\n      frequency\n      averageDaysSinceLastTouch\n      byChannel { channel reached touches }\n      byLeader { leader { id name title } reached touches }\n    }\n  }\n"): (typeof documents)["\n  query Coverage($population: Population!, $period: PeriodInput!, $channel: Channel, $asOf: DateTime) {\n    coverage(population: $population, period: $period, channel: $channel, asOf: $asOf) {\n      population\n      reached\n      reachRate\n      touches\n      frequency\n      averageDaysSinceLastTouch\n      byChannel { channel reached touches }\n      byLeader { leader { id name title } reached touches }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trend(\n    $population: Population!, $asOf: DateTime,\n    $m0: PeriodInput!, $m1: PeriodInput!, $m2: PeriodInput!, $m3: PeriodInput!, $m4: PeriodInput!, $m5: PeriodInput!,\n    $m6: PeriodInput!, $m7: PeriodInput!, $m8: PeriodInput!, $m9: PeriodInput!, $m10: PeriodInput!, $m11: PeriodInput!\n  ) {\n    m0: coverage(population: $population, period: $m0, asOf: $asOf) { reached population reachRate }\n    m1: coverage(population: $population, period: $m1, asOf: $asOf) { reached population reachRate }\n    m2: coverage(population: $population, period: $m2, asOf: $asOf) { reached population reachRate }\n    m3: coverage(population: $population, period: $m3, asOf: $asOf) { reached population reachRate }\n    m4: coverage(population: $population, period: $m4, asOf: $asOf) { reached population reachRate }\n    m5: coverage(population: $population, period: $m5, asOf: $asOf) { reached population reachRate }\n    m6: coverage(population: $population, period: $m6, asOf: $asOf) { reached population reachRate }\n    m7: coverage(population: $population, period: $m7, asOf: $asOf) { reached population reachRate }\n    m8: coverage(population: $population, period: $m8, asOf: $asOf) { reached population reachRate }\n    m9: coverage(population: $population, period: $m9, asOf: $asOf) { reached population reachRate }\n    m10: coverage(population: $population, period: $m10, asOf: $asOf) { reached population reachRate }\n    m11: coverage(population: $population, period: $m11, asOf: $asOf) { reached population reachRate }\n  }\n"): (typeof documents)["\n  query Trend(\n    $population: Population!, $asOf: DateTime,\n    $m0: PeriodInput!, $m1: PeriodInput!, $m2: PeriodInput!, $m3: PeriodInput!, $m4: PeriodInput!, $m5: PeriodInput!,\n    $m6: PeriodInput!, $m7: PeriodInput!, $m8: PeriodInput!, $m9: PeriodInput!, $m10: PeriodInput!, $m11: PeriodInput!\n  ) {\n    m0: coverage(population: $population, period: $m0, asOf: $asOf) { reached population reachRate }\n    m1: coverage(population: $population, period: $m1, asOf: $asOf) { reached population reachRate }\n    m2: coverage(population: $population, period: $m2, asOf: $asOf) { reached population reachRate }\n    m3: coverage(population: $population, period: $m3, asOf: $asOf) { reached population reachRate }\n    m4: coverage(population: $population, period: $m4, asOf: $asOf) { reached population reachRate }\n    m5: coverage(population: $population, period: $m5, asOf: $asOf) { reached population reachRate }\n    m6: coverage(population: $population, period: $m6, asOf: $asOf) { reached population reachRate }\n    m7: coverage(population: $population, period: $m7, asOf: $asOf) { reached population reachRate }\n    m8: coverage(population: $population, period: $m8, asOf: $asOf) { reached population reachRate }\n    m9: coverage(population: $population, period: $m9, asOf: $asOf) { reached population reachRate }\n    m10: coverage(population: $population, period: $m10, asOf: $asOf) { reached population reachRate }\n    m11: coverage(population: $population, period: $m11, asOf: $asOf) { reached population reachRate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cadence($from: Date!, $to: Date!, $asOf: DateTime) {\n    cadence(from: $from, to: $to, asOf: $asOf) {\n      cafeSessions { start end held target met }\n      townHalls { start end held target met }\n    }\n  }\n"): (typeof documents)["\n  query Cadence($from: Date!, $to: Date!, $asOf: DateTime) {\n    cadence(from: $from, to: $to, asOf: $asOf) {\n      cafeSessions { start end held target met }\n      townHalls { start end held target met }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgUnits($asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n  }\n"): (typeof documents)["\n  query OrgUnits($asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployeeGaps($at: DateTime!, $days: Int!, $segment: SegmentInput, $asOf: DateTime, $first: Int) {\n    gaps(population: EMPLOYEE, at: $at, days: $days, segment: $segment, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt employee { id name grade orgUnit { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query EmployeeGaps($at: DateTime!, $days: Int!, $segment: SegmentInput, $asOf: DateTime, $first: Int) {\n    gaps(population: EMPLOYEE, at: $at, days: $days, segment: $segment, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt employee { id name grade orgUnit { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FcGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: FC, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt fc { id name branch { id name region } } }\n    }\n  }\n"): (typeof documents)["\n  query FcGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: FC, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt fc { id name branch { id name region } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } } }\n    }\n  }\n"): (typeof documents)["\n  query CustomerGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerGapsWithNames($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } personalData { name } } }\n    }\n  }\n"): (typeof documents)["\n  query CustomerGapsWithNames($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int) {\n    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first) {\n      total\n      people { personId lastTouchedAt customer { id branch { id name region } personalData { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnvisitedBranches($from: DateTime!, $to: DateTime!, $asOf: DateTime) {\n    unvisitedBranches(from: $from, to: $to, asOf: $asOf) { id name region district pride }\n  }\n"): (typeof documents)["\n  query UnvisitedBranches($from: DateTime!, $to: DateTime!, $asOf: DateTime) {\n    unvisitedBranches(from: $from, to: $to, asOf: $asOf) { id name region district pride }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CafeSessions($first: Int!, $after: String, $asOf: DateTime) {\n    cafeSessions(first: $first, after: $after, asOf: $asOf) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } } }\n    }\n  }\n"): (typeof documents)["\n  query CafeSessions($first: Int!, $after: String, $asOf: DateTime) {\n    cafeSessions(first: $first, after: $after, asOf: $asOf) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaders {\n    employees(filter: { grade: EXECUTIVE }, first: 100) { edges { node { id name title } } }\n  }\n"): (typeof documents)["\n  query Leaders {\n    employees(filter: { grade: EXECUTIVE }, first: 100) { edges { node { id name title } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleCafeSession($input: ScheduleCafeSessionInput!, $commandId: String) {\n    scheduleCafeSession(input: $input, commandId: $commandId) { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } }\n  }\n"): (typeof documents)["\n  mutation ScheduleCafeSession($input: ScheduleCafeSessionInput!, $commandId: String) {\n    scheduleCafeSession(input: $input, commandId: $commandId) { id scheduledAt venue status capacity invitedCount attendedCount hosts { id name title } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reach($period: PeriodInput!, $asOf: DateTime) {\n    cafeSessionReachByOrgUnit(period: $period, asOf: $asOf) { orgUnitId orgUnitName kind parentId population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n"): (typeof documents)["\n  query Reach($period: PeriodInput!, $asOf: DateTime) {\n    cafeSessionReachByOrgUnit(period: $period, asOf: $asOf) { orgUnitId orgUnitName kind parentId population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerSmile($groupBy: ComplianceGrouping!, $from: Date!, $to: Date!, $on: Date, $asOf: DateTime) {\n    followUpCompliance(groupBy: $groupBy, from: $from, to: $to, on: $on, asOf: $asOf) { key branch { name } due onTime late overdue open onTimeRate }\n  }\n"): (typeof documents)["\n  query CustomerSmile($groupBy: ComplianceGrouping!, $from: Date!, $to: Date!, $on: Date, $asOf: DateTime) {\n    followUpCompliance(groupBy: $groupBy, from: $from, to: $to, on: $on, asOf: $asOf) { key branch { name } due onTime late overdue open onTimeRate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pride($from: Date!, $to: Date!, $asOf: DateTime) {\n    fcActivity(groupBy: PRIDE, from: $from, to: $to, asOf: $asOf) { key fcs fcWeeks visitsPerFcWeek callsPerFcWeek contractsPerFcWeek }\n  }\n"): (typeof documents)["\n  query Pride($from: Date!, $to: Date!, $asOf: DateTime) {\n    fcActivity(groupBy: PRIDE, from: $from, to: $to, asOf: $asOf) { key fcs fcWeeks visitsPerFcWeek callsPerFcWeek contractsPerFcWeek }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TouchFields on Touch { id channel mode touchedAt summary leader { id name title } }\n"): (typeof documents)["\n  fragment TouchFields on Touch { id channel mode touchedAt summary leader { id name title } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Directory($name: String, $asOf: DateTime) {\n    employees(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name grade title orgUnit { id name } lastTouchedAt } } }\n    fcs(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name branch { id name } } } }\n    branches(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name region district pride } } }\n  }\n"): (typeof documents)["\n  query Directory($name: String, $asOf: DateTime) {\n    employees(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name grade title orgUnit { id name } lastTouchedAt } } }\n    fcs(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name branch { id name } } } }\n    branches(filter: { name: $name }, first: 30, asOf: $asOf) { totalCount edges { node { id name region district pride } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployeePage($id: ID!, $asOf: DateTime) {\n    employee(id: $id, asOf: $asOf) {\n      id name grade title region hiredOn leftOn lastTouchedAt orgUnit { id name }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n"): (typeof documents)["\n  query EmployeePage($id: ID!, $asOf: DateTime) {\n    employee(id: $id, asOf: $asOf) {\n      id name grade title region hiredOn leftOn lastTouchedAt orgUnit { id name }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FcPage($id: ID!, $asOf: DateTime) {\n    touches(filter: { personId: $id, personKind: FC }, first: 100, asOf: $asOf) {\n      totalCount\n      edges { node { ...TouchFields fc { id name hiredOn leftOn branch { id name region } } } }\n    }\n  }\n"): (typeof documents)["\n  query FcPage($id: ID!, $asOf: DateTime) {\n    touches(filter: { personId: $id, personKind: FC }, first: 100, asOf: $asOf) {\n      totalCount\n      edges { node { ...TouchFields fc { id name hiredOn leftOn branch { id name region } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BranchPage($id: ID!, $asOf: DateTime) {\n    branch(id: $id, asOf: $asOf) {\n      id name region district seoul pride prideSince\n      fcs { id name }\n      visits { id visitedAt purpose gift leaders { id name title } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n"): (typeof documents)["\n  query BranchPage($id: ID!, $asOf: DateTime) {\n    branch(id: $id, asOf: $asOf) {\n      id name region district seoul pride prideSince\n      fcs { id name }\n      visits { id visitedAt purpose gift leaders { id name title } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPage($id: ID!, $asOf: DateTime) {\n    customer(id: $id, asOf: $asOf) {\n      id registeredOn erasedOn branch { id name }\n      contracts { id product signedOn fc { id name } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPage($id: ID!, $asOf: DateTime) {\n    customer(id: $id, asOf: $asOf) {\n      id registeredOn erasedOn branch { id name }\n      contracts { id product signedOn fc { id name } }\n      timeline(first: 100) { totalCount edges { node { ...TouchFields } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPersonalData($id: ID!) {\n    customer(id: $id) { id personalData { name phone address } }\n  }\n"): (typeof documents)["\n  query CustomerPersonalData($id: ID!) {\n    customer(id: $id) { id personalData { name phone address } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPage($id: ID!, $period: PeriodInput!, $asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n    employees(filter: { orgUnitId: $id }, first: 100, asOf: $asOf) { totalCount edges { node { id name grade title lastTouchedAt } } }\n    cafeSessionReachByOrgUnit(orgUnitId: $id, period: $period, asOf: $asOf) { orgUnitId orgUnitName population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n"): (typeof documents)["\n  query TeamPage($id: ID!, $period: PeriodInput!, $asOf: DateTime) {\n    orgUnits(asOf: $asOf) { id name kind parent { id } }\n    employees(filter: { orgUnitId: $id }, first: 100, asOf: $asOf) { totalCount edges { node { id name grade title lastTouchedAt } } }\n    cafeSessionReachByOrgUnit(orgUnitId: $id, period: $period, asOf: $asOf) { orgUnitId orgUnitName population eligiblePopulation reached reachRate eligibleReachRate }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;