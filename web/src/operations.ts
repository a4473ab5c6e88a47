import { gql } from 'urql';

/** What the session list shows of a session; the mutation asks for the same so the cache updates. */
const SessionFields = gql`
  fragment SessionFields on CafeSession {
    id
    scheduledAt
    venue
    status
    capacity
    invitedCount
    attendedCount
    hosts { id name title }
  }
`;

export const CafeSessionsQuery = gql`
  query CafeSessions($first: Int!, $after: String) {
    cafeSessions(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { ...SessionFields }
      }
    }
  }
  ${SessionFields}
`;

export const LeadersQuery = gql`
  query Leaders {
    employees(filter: { grade: EXECUTIVE }, first: 100) { edges { node { id name title } } }
  }
`;

export const ScheduleCafeSessionMutation = gql`
  mutation ScheduleCafeSession($input: ScheduleCafeSessionInput!, $commandId: String) {
    scheduleCafeSession(input: $input, commandId: $commandId) { ...SessionFields }
  }
  ${SessionFields}
`;

export const ReachQuery = gql`
  query Reach($period: PeriodInput!) {
    cafeSessionReachByOrgUnit(period: $period) {
      orgUnitId
      orgUnitName
      kind
      parentId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
  }
`;

export interface SessionNode {
  id: string;
  scheduledAt: string;
  venue: string;
  status: 'SCHEDULED' | 'CANCELLED';
  capacity: number;
  invitedCount: number;
  attendedCount: number;
  hosts: { id: string; name: string; title: string | null }[];
}

export interface CafeSessionsData {
  cafeSessions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: SessionNode }[];
  };
}

export interface ReachRow {
  orgUnitId: string;
  orgUnitName: string;
  kind: 'DIVISION' | 'DEPARTMENT' | 'TEAM';
  parentId: string | null;
  population: number;
  eligiblePopulation: number;
  reached: number;
  reachRate: number;
  eligibleReachRate: number;
}

export const CoverageQuery = gql`
  query Coverage($population: Population!, $period: PeriodInput!, $channel: Channel) {
    coverage(population: $population, period: $period, channel: $channel) {
      population
      reached
      reachRate
      touches
      frequency
      averageDaysSinceLastTouch
      byChannel { channel reached touches }
      byLeader { leader { id name title } reached touches }
    }
  }
`;

export interface CoverageData {
  coverage: {
    population: number;
    reached: number;
    reachRate: number;
    touches: number;
    frequency: number;
    averageDaysSinceLastTouch: number | null;
    byChannel: { channel: string; reached: number; touches: number }[];
    byLeader: { leader: { id: string; name: string; title: string | null } | null; reached: number; touches: number }[];
  };
}

export const CustomerSmileQuery = gql`
  query CustomerSmile($groupBy: ComplianceGrouping!, $from: Date!, $to: Date!, $on: Date) {
    followUpCompliance(groupBy: $groupBy, from: $from, to: $to, on: $on) { key branch { name } due onTime late overdue open onTimeRate }
  }
`;

export interface CustomerSmileData {
  followUpCompliance: { key: string; branch: { name: string } | null; due: number; onTime: number; late: number; overdue: number; open: number; onTimeRate: number | null }[];
}

/** Customers one by one: LEADERSHIP, SALES and PRIVACY_OFFICER only. */
export const OverdueFollowUpsQuery = gql`
  query OverdueFollowUps($on: Date) {
    overdueFollowUps(on: $on, first: 10) { total followUps { kind dueOn daysLate customer { id } fc { id name branch { name } } } }
  }
`;

export interface OverdueFollowUpsData {
  overdueFollowUps: { total: number; followUps: { kind: string; dueOn: string; daysLate: number; customer: { id: string } | null; fc: { id: string; name: string; branch: { name: string } | null } | null }[] };
}

export const MeQuery = gql`
  query Me {
    me { subject role tokenId }
  }
`;

export interface MeData {
  me: { subject: string; role: string; tokenId: string | null };
}

export const PrideQuery = gql`
  query Pride($from: Date!, $to: Date!) {
    fcActivity(groupBy: PRIDE, from: $from, to: $to) { key fcs fcWeeks visitsPerFcWeek callsPerFcWeek contractsPerFcWeek }
  }
`;

export interface PrideData {
  fcActivity: { key: string; fcs: number; fcWeeks: number; visitsPerFcWeek: number; callsPerFcWeek: number; contractsPerFcWeek: number }[];
}
