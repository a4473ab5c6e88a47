import { graphql } from './gql';

/* Every operation the console sends, typed from gateway/schema.graphql by GraphQL Code Generator. */

export const MeQuery = graphql(`
  query Me {
    me {
      subject
      role
      tokenId
    }
  }
`);

/** The newest touch: the console's default period ends in its month, so it opens on data. */
/** The newest touch of an employee (every role sees those, so every role opens on the same period), and of anyone. */
export const LatestTouchQuery = graphql(`
  query LatestTouch($asOf: DateTime) {
    employees: touches(first: 1, asOf: $asOf, filter: { personKind: EMPLOYEE }) {
      edges {
        node {
          id
          touchedAt
        }
      }
    }
    anyone: touches(first: 1, asOf: $asOf) {
      edges {
        node {
          id
          touchedAt
        }
      }
    }
  }
`);

export const CoverageQuery = graphql(`
  query Coverage($population: Population!, $period: PeriodInput!, $channel: Channel, $asOf: DateTime) {
    coverage(population: $population, period: $period, channel: $channel, asOf: $asOf) {
      population
      reached
      reachRate
      touches
      frequency
      averageDaysSinceLastTouch
      byChannel {
        channel
        reached
        touches
      }
      byLeader {
        leader {
          id
          name
          title
        }
        reached
        touches
      }
    }
  }
`);

/** Reach per month in one question: the trend chart's points. */
export const TrendQuery = graphql(`
  query Trend($population: Population!, $fromMonth: String!, $toMonth: String!, $asOf: DateTime) {
    coverageByMonth(population: $population, fromMonth: $fromMonth, toMonth: $toMonth, asOf: $asOf) {
      month
      reached
      population
      reachRate
    }
  }
`);

export const CadenceQuery = graphql(`
  query Cadence($from: Date!, $to: Date!, $asOf: DateTime) {
    cadence(from: $from, to: $to, asOf: $asOf) {
      cafeSessions {
        start
        end
        held
        target
        met
      }
      townHalls {
        start
        end
        held
        target
        met
      }
    }
  }
`);

export const OrgUnitsQuery = graphql(`
  query OrgUnits($asOf: DateTime) {
    orgUnits(asOf: $asOf) {
      id
      name
      kind
      parent {
        id
      }
    }
  }
`);

export const EmployeeGapsQuery = graphql(`
  query EmployeeGaps($at: DateTime!, $days: Int!, $segment: SegmentInput, $asOf: DateTime, $first: Int, $after: String) {
    gaps(population: EMPLOYEE, at: $at, days: $days, segment: $segment, asOf: $asOf, first: $first, after: $after) {
      total
      hasNextPage
      endCursor
      people {
        personId
        lastTouchedAt
        employee {
          id
          name
          grade
          orgUnit {
            id
            name
          }
        }
      }
    }
  }
`);

export const FcGapsQuery = graphql(`
  query FcGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int, $after: String) {
    gaps(population: FC, at: $at, days: $days, asOf: $asOf, first: $first, after: $after) {
      total
      hasNextPage
      endCursor
      people {
        personId
        lastTouchedAt
        fc {
          id
          name
          branch {
            id
            name
            region
          }
        }
      }
    }
  }
`);

/** Customers one by one (LEADERSHIP, SALES, PRIVACY_OFFICER), without their personal data. */
export const CustomerGapsQuery = graphql(`
  query CustomerGaps($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int, $after: String) {
    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first, after: $after) {
      total
      hasNextPage
      endCursor
      people {
        personId
        lastTouchedAt
        customer {
          id
          branch {
            id
            name
            region
          }
        }
      }
    }
  }
`);

/** The same with names: SALES and PRIVACY_OFFICER only (each read is logged by the gateway). */
export const CustomerGapsWithNamesQuery = graphql(`
  query CustomerGapsWithNames($at: DateTime!, $days: Int!, $asOf: DateTime, $first: Int, $after: String) {
    gaps(population: CUSTOMER, at: $at, days: $days, asOf: $asOf, first: $first, after: $after) {
      total
      hasNextPage
      endCursor
      people {
        personId
        lastTouchedAt
        customer {
          id
          branch {
            id
            name
            region
          }
          personalData {
            name
          }
        }
      }
    }
  }
`);

export const UnvisitedBranchesQuery = graphql(`
  query UnvisitedBranches($from: DateTime!, $to: DateTime!, $asOf: DateTime) {
    unvisitedBranches(from: $from, to: $to, asOf: $asOf) {
      id
      name
      region
      district
      pride
    }
  }
`);

export const CafeSessionsQuery = graphql(`
  query CafeSessions($first: Int!, $after: String, $asOf: DateTime) {
    cafeSessions(first: $first, after: $after, asOf: $asOf) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          scheduledAt
          venue
          status
          capacity
          invitedCount
          attendedCount
          hosts {
            id
            name
            title
          }
        }
      }
    }
  }
`);

export const LeadersQuery = graphql(`
  query Leaders {
    employees(filter: { grade: EXECUTIVE }, first: 100) {
      edges {
        node {
          id
          name
          title
        }
      }
    }
  }
`);

export const ScheduleCafeSessionMutation = graphql(`
  mutation ScheduleCafeSession($input: ScheduleCafeSessionInput!, $commandId: String) {
    scheduleCafeSession(input: $input, commandId: $commandId) {
      id
      scheduledAt
      venue
      status
      capacity
      invitedCount
      attendedCount
      hosts {
        id
        name
        title
      }
    }
  }
`);

export const ReachQuery = graphql(`
  query Reach($period: PeriodInput!, $asOf: DateTime) {
    cafeSessionReachByOrgUnit(period: $period, asOf: $asOf) {
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
`);

export const CustomerSmileQuery = graphql(`
  query CustomerSmile($groupBy: ComplianceGrouping!, $from: Date!, $to: Date!, $on: Date, $asOf: DateTime) {
    followUpCompliance(groupBy: $groupBy, from: $from, to: $to, on: $on, asOf: $asOf) {
      key
      fc {
        id
        name
      }
      branch {
        name
      }
      due
      onTime
      late
      overdue
      open
      onTimeRate
    }
  }
`);

export const PrideQuery = graphql(`
  query Pride($from: Date!, $to: Date!, $asOf: DateTime) {
    fcActivity(groupBy: PRIDE, from: $from, to: $to, asOf: $asOf) {
      key
      fcs
      fcWeeks
      visitsPerFcWeek
      callsPerFcWeek
      contractsPerFcWeek
    }
  }
`);

/* People and places: the directory and one page per person, team, branch and customer. */

const TouchFields = graphql(`
  fragment TouchFields on Touch {
    id
    channel
    mode
    touchedAt
    summary
    leader {
      id
      name
      title
    }
  }
`);
void TouchFields;

export const DirectoryQuery = graphql(`
  query Directory($name: String, $asOf: DateTime) {
    employees(filter: { search: $name }, first: 30, asOf: $asOf) {
      totalCount
      edges {
        node {
          id
          name
          grade
          title
          orgUnit {
            id
            name
          }
          lastTouchedAt
        }
      }
    }
    fcs(filter: { search: $name }, first: 30, asOf: $asOf) {
      totalCount
      edges {
        node {
          id
          name
          branch {
            id
            name
          }
        }
      }
    }
    branches(filter: { name: $name }, first: 30, asOf: $asOf) {
      totalCount
      edges {
        node {
          id
          name
          region
          district
          pride
        }
      }
    }
  }
`);

export const EmployeePageQuery = graphql(`
  query EmployeePage($id: ID!, $asOf: DateTime) {
    employee(id: $id, asOf: $asOf) {
      id
      name
      grade
      title
      region
      hiredOn
      leftOn
      lastTouchedAt
      orgUnit {
        id
        name
      }
      timeline(first: 100) {
        totalCount
        edges {
          node {
            ...TouchFields
          }
        }
      }
    }
  }
`);

/** Customers by name: SALES and PRIVACY_OFFICER only; every customer found is logged as a read of their name. */
export const CustomerSearchQuery = graphql(`
  query CustomerSearch($name: String!, $asOf: DateTime) {
    customerSearch(name: $name, first: 30, asOf: $asOf) {
      id
      branch {
        id
        name
      }
      personalData {
        name
      }
    }
  }
`);

export const FcPageQuery = graphql(`
  query FcPage($id: ID!, $asOf: DateTime) {
    fc(id: $id, asOf: $asOf) {
      id
      name
      hiredOn
      leftOn
      branch {
        id
        name
        region
      }
      timeline(first: 100) {
        totalCount
        edges {
          node {
            ...TouchFields
          }
        }
      }
    }
  }
`);

export const BranchPageQuery = graphql(`
  query BranchPage($id: ID!, $asOf: DateTime) {
    branch(id: $id, asOf: $asOf) {
      id
      name
      region
      district
      seoul
      pride
      prideSince
      fcs {
        id
        name
      }
      visits {
        id
        visitedAt
        purpose
        gift
        leaders {
          id
          name
          title
        }
      }
      timeline(first: 100) {
        totalCount
        edges {
          node {
            ...TouchFields
          }
        }
      }
    }
  }
`);

export const CustomerPageQuery = graphql(`
  query CustomerPage($id: ID!, $asOf: DateTime) {
    customer(id: $id, asOf: $asOf) {
      id
      registeredOn
      erasedOn
      branch {
        id
        name
      }
      contracts {
        id
        product
        signedOn
        fc {
          id
          name
        }
      }
      timeline(first: 100) {
        totalCount
        edges {
          node {
            ...TouchFields
          }
        }
      }
    }
  }
`);

/** Name, phone and address: SALES and PRIVACY_OFFICER only (asked separately so other roles get the rest). */
export const CustomerPersonalDataQuery = graphql(`
  query CustomerPersonalData($id: ID!) {
    customer(id: $id) {
      id
      personalData {
        name
        phone
        address
      }
    }
  }
`);

export const TeamPageQuery = graphql(`
  query TeamPage($id: ID!, $period: PeriodInput!, $asOf: DateTime) {
    orgUnits(asOf: $asOf) {
      id
      name
      kind
      parent {
        id
      }
    }
    employees(filter: { orgUnitId: $id }, first: 100, asOf: $asOf) {
      totalCount
      edges {
        node {
          id
          name
          grade
          title
          lastTouchedAt
        }
      }
    }
    cafeSessionReachByOrgUnit(orgUnitId: $id, period: $period, asOf: $asOf) {
      orgUnitId
      orgUnitName
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
  }
`);

/* Leaders and the two-way board. */

export const LeadersPageQuery = graphql(`
  query LeadersPage($period: PeriodInput!, $asOf: DateTime, $at: DateTime) {
    employees: coverage(population: EMPLOYEE, period: $period, asOf: $asOf) {
      byLeader {
        leader {
          id
          name
          title
        }
        reached
        touches
      }
    }
    fcs: coverage(population: FC, period: $period, asOf: $asOf) {
      byLeader {
        leader {
          id
          name
          title
        }
        reached
        touches
      }
    }
    twoWay(period: $period, asOf: $asOf) {
      byAnsweringLeader {
        leader {
          id
          name
          title
        }
        answered
        averageHoursToAnswer
      }
    }
    openFollowUps(at: $at, asOf: $asOf) {
      id
      gathering {
        channel
        id
      }
      owner {
        id
        name
        title
      }
    }
  }
`);

/** One leader's touches by channel, for each population. */
export const LeaderPageQuery = graphql(`
  query LeaderPage($id: ID!, $period: PeriodInput!, $asOf: DateTime) {
    employee(id: $id, asOf: $asOf) {
      id
      name
      title
      grade
    }
    employees: coverage(population: EMPLOYEE, leaderId: $id, period: $period, asOf: $asOf) {
      reached
      touches
      byChannel {
        channel
        reached
        touches
      }
    }
    fcs: coverage(population: FC, leaderId: $id, period: $period, asOf: $asOf) {
      reached
      touches
      byChannel {
        channel
        reached
        touches
      }
    }
  }
`);

/**
 * Customer figures on their own: for roles without customer-level access a group of fewer than 5
 * answers GROUP_TOO_SMALL, and that must not take the employee and FC figures with it.
 */
export const LeaderCustomersQuery = graphql(`
  query LeaderCustomers($leaderId: ID, $period: PeriodInput!, $asOf: DateTime) {
    coverage(population: CUSTOMER, leaderId: $leaderId, period: $period, asOf: $asOf) {
      reached
      touches
      byChannel {
        channel
        reached
        touches
      }
      byLeader {
        leader {
          id
          name
          title
        }
        reached
        touches
      }
    }
  }
`);

export const BoardQuery = graphql(`
  query Board($period: PeriodInput!, $asOf: DateTime, $at: DateTime) {
    twoWay(period: $period, asOf: $asOf) {
      questions {
        raised
        answered
        answeredRate
        averageHoursToAnswer
      }
      byChannel {
        channel
        figures {
          raised
          answered
          answeredRate
          averageHoursToAnswer
        }
      }
      byAnsweringLeader {
        leader {
          id
          name
          title
        }
        answered
        averageHoursToAnswer
      }
    }
    openFollowUps(at: $at, asOf: $asOf) {
      id
      description
      dueOn
      ageDays
      overdue
      since
      gathering {
        channel
        id
      }
      owner {
        id
        name
        title
      }
    }
  }
`);

/** The questions nobody has answered yet, oldest first, a page at a time (the board answers and assigns from here). */
export const BoardOpenQuestionsQuery = graphql(`
  query BoardOpenQuestions($at: DateTime, $asOf: DateTime, $first: Int, $after: String) {
    openQuestions(at: $at, asOf: $asOf, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          gathering {
            channel
            id
          }
          topic
          text
          anonymous
          askedBy {
            id
            name
          }
          raisedAt
          ageDays
        }
      }
    }
  }
`);

export const AnswerTownHallQuestionMutation = graphql(`
  mutation AnswerTownHallQuestion($input: TownHallAnswerInput!, $commandId: String) {
    answerTownHallQuestion(input: $input, commandId: $commandId) {
      id
    }
  }
`);

/** A follow-up as the board and the gathering pages show it. */
const FollowUpFields = graphql(`
  fragment FollowUpFields on FollowUp {
    id
    gathering {
      channel
      id
    }
    questionId
    description
    dueOn
    completedOn
    note
    owner {
      id
      name
      title
    }
  }
`);
void FollowUpFields;

export const AssignCafeFollowUpMutation = graphql(`
  mutation AssignCafeFollowUp($input: AssignFollowUpInput!, $commandId: String) {
    assignCafeSessionFollowUp(input: $input, commandId: $commandId) {
      ...FollowUpFields
    }
  }
`);

export const AssignTownHallFollowUpMutation = graphql(`
  mutation AssignTownHallFollowUp($input: TownHallFollowUpInput!, $commandId: String) {
    assignTownHallFollowUp(input: $input, commandId: $commandId) {
      ...FollowUpFields
    }
  }
`);

export const CompleteFollowUpMutation = graphql(`
  mutation CompleteFollowUp($input: CompleteFollowUpInput!, $commandId: String) {
    completeCafeSessionFollowUp(input: $input, commandId: $commandId) {
      id
      gathering {
        channel
        id
      }
      completedOn
    }
  }
`);

export const CompleteTownHallFollowUpMutation = graphql(`
  mutation CompleteTownHallFollowUp($input: CompleteTownHallFollowUpInput!, $commandId: String) {
    completeTownHallFollowUp(input: $input, commandId: $commandId) {
      id
      gathering {
        channel
        id
      }
      completedOn
    }
  }
`);

/* Next café guests: the next session, who was never met at one, and which teams lag. */

export const NextSessionQuery = graphql(`
  query NextSession($from: DateTime!) {
    cafeSessions(from: $from, status: SCHEDULED, first: 20) {
      edges {
        node {
          id
          scheduledAt
          venue
          capacity
          invitedCount
          hosts {
            id
            name
            title
          }
          participants {
            employeeId
            invited
          }
        }
      }
    }
  }
`);

/** The suggestion is the gateway's (nextCafeGuests): for a session, its free seats; without one, ten. */
export const NextCafeGuestsQuery = graphql(`
  query NextCafeGuests($sessionId: ID, $count: Int) {
    nextCafeGuests(sessionId: $sessionId, count: $count) {
      seats
      candidates
      guests {
        rank
        employeeId
        employee {
          id
          name
          grade
        }
        team {
          name
          orgUnit {
            id
          }
          eligiblePopulation
          reached
          eligibleReachRate
        }
        divisionName
      }
    }
  }
`);

/** The visit list: never visited first, then the longest since a leader went. */
export const BranchVisitListQuery = graphql(`
  query BranchVisitList {
    branches(sortBy: LAST_VISITED_AT, first: 15) {
      totalCount
      edges {
        node {
          id
          name
          region
          district
          lastVisitedAt
        }
      }
    }
  }
`);

export const InviteMutation = graphql(`
  mutation Invite($input: InviteEmployeeInput!, $commandId: String) {
    inviteToCafeSession(input: $input, commandId: $commandId) {
      id
      invitedCount
      participants {
        employeeId
        invited
      }
    }
  }
`);

/** CSV import (ADMIN): a dry run first shows the row errors without recording anything. */
/** Rows done of the import the page started, over SSE while the file is processed. */
export const CsvImportProgressSubscription = graphql(`
  subscription CsvImportProgress($importId: ID!) {
    csvImportProgress(importId: $importId) {
      id
      done
      total
      finished
    }
  }
`);

export const ImportCsvMutation = graphql(`
  mutation ImportCsv($input: ImportCsvInput!) {
    importCsv(input: $input) {
      kind
      encoding
      dryRun
      rows
      imported
      unchanged
      failed
      errors {
        line
        key
        message
      }
    }
  }
`);

/** One café session: who was invited and came, the questions raised, the follow-ups. */
export const CafeSessionPageQuery = graphql(`
  query CafeSessionPage($id: ID!) {
    cafeSession(id: $id) {
      id
      scheduledAt
      venue
      status
      capacity
      invitedCount
      attendedCount
      hosts {
        id
        name
        title
      }
      participants {
        employeeId
        invited
        attended
        walkIn
        employee {
          id
          name
          grade
          orgUnit {
            name
          }
        }
      }
      questions {
        ...QuestionFields
      }
      followUps {
        ...FollowUpFields
      }
    }
  }
`);

/** A question as both the café-session and the town-hall page show it (one Question type in the API). */
const QuestionFields = graphql(`
  fragment QuestionFields on Question {
    id
    gathering {
      channel
      id
    }
    topic
    text
    anonymous
    answered
    answer
    answeredAt
    askedBy {
      name
    }
    answeredBy {
      name
    }
  }
`);
void QuestionFields;

/** New questions in a running session, over SSE, once the view has them: with `known` (what the page loaded), none raised in between is lost. */
export const CafeQuestionRaisedSubscription = graphql(`
  subscription CafeQuestionRaised($sessionId: ID!, $known: [ID!]) {
    cafeSessionQuestionRaised(sessionId: $sessionId, known: $known) {
      ...QuestionFields
    }
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!, $commandId: String) {
    recordCafeSessionAttendance(input: $input, commandId: $commandId) {
      id
      attendedCount
      invitedCount
      participants {
        employeeId
        invited
        attended
        walkIn
      }
    }
  }
`);

/* Heatmap: employee reach of every org unit month by month (every channel or one); a segment's reach by channel; a segment month by month. */

export const EmployeeReachByMonthQuery = graphql(`
  query EmployeeReachByMonth(
    $channel: Channel
    $asOf: DateTime
    $m0: PeriodInput!
    $m1: PeriodInput!
    $m2: PeriodInput!
    $m3: PeriodInput!
    $m4: PeriodInput!
    $m5: PeriodInput!
    $m6: PeriodInput!
    $m7: PeriodInput!
    $m8: PeriodInput!
    $m9: PeriodInput!
    $m10: PeriodInput!
    $m11: PeriodInput!
  ) {
    m0: employeeReachByOrgUnit(period: $m0, channel: $channel, asOf: $asOf) {
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
    m1: employeeReachByOrgUnit(period: $m1, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m2: employeeReachByOrgUnit(period: $m2, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m3: employeeReachByOrgUnit(period: $m3, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m4: employeeReachByOrgUnit(period: $m4, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m5: employeeReachByOrgUnit(period: $m5, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m6: employeeReachByOrgUnit(period: $m6, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m7: employeeReachByOrgUnit(period: $m7, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m8: employeeReachByOrgUnit(period: $m8, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m9: employeeReachByOrgUnit(period: $m9, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m10: employeeReachByOrgUnit(period: $m10, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
    m11: employeeReachByOrgUnit(period: $m11, channel: $channel, asOf: $asOf) {
      orgUnitId
      population
      eligiblePopulation
      reached
      reachRate
      eligibleReachRate
    }
  }
`);

/** The people behind a heatmap cell: employees of a unit not reached in its period (through its channel). */
export const CellEmployeesQuery = graphql(`
  query CellEmployees($at: DateTime!, $days: Int!, $segment: SegmentInput!, $channel: Channel, $asOf: DateTime) {
    gaps(population: EMPLOYEE, at: $at, days: $days, segment: $segment, channel: $channel, asOf: $asOf, first: 100) {
      total
      people {
        personId
        lastTouchedAt
        employee {
          id
          name
          grade
          orgUnit {
            id
            name
          }
        }
      }
    }
  }
`);

/** The same for FCs of a region or branch. */
export const CellFcsQuery = graphql(`
  query CellFcs($at: DateTime!, $days: Int!, $segment: SegmentInput!, $asOf: DateTime) {
    gaps(population: FC, at: $at, days: $days, segment: $segment, asOf: $asOf, first: 100) {
      total
      people {
        personId
        lastTouchedAt
        fc {
          id
          name
          branch {
            id
            name
          }
        }
      }
    }
  }
`);

/** A region's branches, for the FC heatmap's branch rows. */
export const RegionBranchesQuery = graphql(`
  query RegionBranches($region: String!) {
    branches(filter: { region: $region }, first: 100) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const SegmentByChannelQuery = graphql(`
  query SegmentByChannel($population: Population!, $segment: SegmentInput!, $period: PeriodInput!, $asOf: DateTime) {
    coverage(population: $population, segment: $segment, period: $period, asOf: $asOf) {
      population
      reached
      reachRate
      byChannel {
        channel
        reached
      }
    }
  }
`);

export const SegmentTrendQuery = graphql(`
  query SegmentTrend($population: Population!, $segment: SegmentInput!, $asOf: DateTime, $fromMonth: String!, $toMonth: String!) {
    coverageByMonth(population: $population, segment: $segment, fromMonth: $fromMonth, toMonth: $toMonth, asOf: $asOf) {
      month
      population
      reached
      reachRate
    }
  }
`);

/** Every region: the two ends of the branch list sorted by region cover all 126 branches of the demo (a page holds 100). */
export const RegionsQuery = graphql(`
  query Regions {
    asc: branches(sortBy: REGION, first: 100) {
      totalCount
      edges {
        node {
          region
        }
      }
    }
    desc: branches(sortBy: REGION, direction: DESC, first: 100) {
      edges {
        node {
          region
        }
      }
    }
  }
`);

export const AnswerQuestionMutation = graphql(`
  mutation AnswerQuestion($input: AnswerQuestionInput!, $commandId: String) {
    answerCafeSessionQuestion(input: $input, commandId: $commandId) {
      id
      gathering {
        channel
        id
      }
      answered
      answeredAt
      answeredBy {
        name
      }
    }
  }
`);

/* The other channels, for the period: town halls, campaigns, video messages, e-mail letters. */

export const TownHallsQuery = graphql(`
  query TownHalls($from: DateTime!, $to: DateTime!, $asOf: DateTime) {
    townHalls(from: $from, to: $to, first: 50, asOf: $asOf) {
      totalCount
      edges {
        node {
          id
          scheduledAt
          theme
          venue
          format
          status
          attendedCount
          headCount
          feedbackCount
          averageRating
          presenters {
            id
            name
          }
        }
      }
    }
  }
`);

export const CampaignsQuery = graphql(`
  query Campaigns($asOf: DateTime) {
    campaigns(asOf: $asOf) {
      id
      name
      purpose
      deadline
      complete
      progress
      targetCount
      visitedCount
      remaining {
        id
        name
        district
      }
    }
  }
`);

export const VideoMessagesQuery = graphql(`
  query VideoMessages($asOf: DateTime) {
    videoMessages(asOf: $asOf) {
      id
      title
      audience
      publishedAt
      durationSeconds
      views
      distinctViewers
      averageCompletion
      author {
        name
        title
      }
    }
  }
`);

export const EmailLettersQuery = graphql(`
  query EmailLetters($from: DateTime!, $to: DateTime!, $asOf: DateTime) {
    emailLetters(from: $from, to: $to, first: 50, asOf: $asOf) {
      totalCount
      edges {
        node {
          id
          subject
          sentAt
          sent
          delivered
          opened
          openRate
          author {
            name
          }
        }
      }
    }
  }
`);

/** A video's audience as it stood when it was published: employees and FCs there that day. */
export const VideoAudienceQuery = graphql(`
  query VideoAudience($period: PeriodInput!, $asOf: DateTime) {
    employees: coverage(population: EMPLOYEE, period: $period, asOf: $asOf) {
      population
    }
    fcs: coverage(population: FC, period: $period, asOf: $asOf) {
      population
    }
  }
`);

/* Town halls one by one: who came, the questions (live over SSE), and recording one that took place. */

export const TownHallPageQuery = graphql(`
  query TownHallPage($id: ID!) {
    townHall(id: $id) {
      id
      scheduledAt
      theme
      venue
      format
      status
      attendedCount
      headCount
      feedbackCount
      averageRating
      presenters {
        id
        name
        title
      }
      attendees {
        id
        name
        grade
        orgUnit {
          id
          name
        }
      }
      headCounts {
        orgUnit {
          id
          name
        }
        headCount
      }
      questions {
        ...QuestionFields
      }
      followUps {
        ...FollowUpFields
      }
    }
  }
`);

export const TownHallQuestionRaisedSubscription = graphql(`
  subscription TownHallQuestionRaised($townHallId: ID!, $known: [ID!]) {
    townHallQuestionRaised(townHallId: $townHallId, known: $known) {
      ...QuestionFields
    }
  }
`);

/** A town hall that already took place, with who came by name or by head count: history, so occurredAt is its time. */
export const RecordTownHallMutation = graphql(`
  mutation RecordTownHall($input: RecordTownHallInput!, $commandId: String, $occurredAt: DateTime) {
    recordTownHall(input: $input, commandId: $commandId, occurredAt: $occurredAt) {
      id
      scheduledAt
      theme
      attendedCount
      headCount
    }
  }
`);

/** A leader's visit to a branch that took place, optionally part of a campaign. */
export const RecordBranchVisitMutation = graphql(`
  mutation RecordBranchVisit($input: RecordBranchVisitInput!, $commandId: String, $occurredAt: DateTime) {
    recordBranchVisit(input: $input, commandId: $commandId, occurredAt: $occurredAt) {
      id
      visitedAt
      purpose
      branch {
        id
        name
      }
    }
  }
`);

/** Who an employee number is and whether they may be invited to a café session: shown before sending. */
export const InviteeQuery = graphql(`
  query Invitee($id: ID!) {
    employee(id: $id) {
      id
      name
      grade
      leftOn
      cafeSessionEligible
      orgUnit {
        id
        name
      }
    }
  }
`);
