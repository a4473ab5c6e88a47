import type { HubEventType } from '@hub/events';
import { CURRENT_STATE_TOPICS } from './currentState';

/*
 * The topics downstream systems read: one per bounded context, a derived topic of touches, a
 * dead-letter topic, and the relay's own checkpoint topic. All are created explicitly with their
 * settings (the broker never auto-creates them).
 */

export const CONTEXT_TOPICS = {
  directory: 'hub.directory.v1',
  cafeSessions: 'hub.cafe-sessions.v1',
  townHalls: 'hub.town-halls.v1',
  branchVisits: 'hub.branch-visits.v1',
  videoMessages: 'hub.videos.v1',
  customerSmile: 'hub.customer-smile.v1',
  pride: 'hub.pride.v1',
  emailLetters: 'hub.email-letters.v1',
} as const;
export type ContextName = keyof typeof CONTEXT_TOPICS;

export const TOUCHES_TOPIC = 'hub.touches.v1';
export const DEAD_LETTER_TOPIC = 'hub.dead-letter.v1';
/** Holds no messages: its consumer-group offset, committed inside each transaction, is the relay's checkpoint. */
export const CHECKPOINT_TOPIC = 'hub.relay-checkpoint.v1';

/** Which context (and so which topic) each event type belongs to. */
export const CONTEXT_OF: Record<HubEventType, ContextName> = {
  OrgUnitDefined: 'directory',
  EmployeeRegistered: 'directory',
  EmployeePromoted: 'directory',
  EmployeeTransferred: 'directory',
  EmployeeLeft: 'directory',
  BranchRegistered: 'directory',
  BranchEnrolledInPride: 'directory',
  FcRegistered: 'directory',
  FcTransferred: 'directory',
  FcLeft: 'directory',
  CafeSessionScheduled: 'cafeSessions',
  EmployeeInvitedToCafeSession: 'cafeSessions',
  CafeSessionAttendanceRecorded: 'cafeSessions',
  CafeSessionQuestionRaised: 'cafeSessions',
  CafeSessionQuestionAnswered: 'cafeSessions',
  CafeSessionFollowUpAssigned: 'cafeSessions',
  CafeSessionFollowUpCompleted: 'cafeSessions',
  CafeSessionCancelled: 'cafeSessions',
  TownHallScheduled: 'townHalls',
  TownHallAttendanceRecorded: 'townHalls',
  TownHallHeadCountRecorded: 'townHalls',
  TownHallQuestionRaised: 'townHalls',
  TownHallQuestionAnswered: 'townHalls',
  TownHallFollowUpAssigned: 'townHalls',
  TownHallFollowUpCompleted: 'townHalls',
  TownHallFeedbackGiven: 'townHalls',
  TownHallCancelled: 'townHalls',
  CampaignLaunched: 'branchVisits',
  BranchVisited: 'branchVisits',
  VideoMessagePublished: 'videoMessages',
  VideoMessageViewed: 'videoMessages',
  CustomerRegistered: 'customerSmile',
  CustomerPersonalDataErased: 'customerSmile',
  ContractSigned: 'customerSmile',
  CustomerVisited: 'customerSmile',
  FcWeeklyActivityReported: 'pride',
  EmailLetterSent: 'emailLetters',
  EmailLetterOpened: 'emailLetters',
};

export interface TopicSettings {
  topic: string;
  numPartitions: number;
  configEntries: { name: string; value: string }[];
}

/** Every topic the relay writes, with its settings; `partitions` for the data topics. */
export const topicSettings = (partitions: number): TopicSettings[] => [
  ...[...Object.values(CONTEXT_TOPICS), TOUCHES_TOPIC].map((topic) => ({
    topic,
    numPartitions: partitions,
    // Kept forever: a new downstream system replays from the beginning.
    // A transaction carries up to HUB_RELAY_BATCH_SIZE events; one busy aggregate may put many of
    // them in one partition's record batch, so allow batches well beyond the 1 MB default.
    configEntries: [
      { name: 'retention.ms', value: '-1' },
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'max.message.bytes', value: String(16 * 1024 * 1024) },
    ],
  })),
  ...Object.values(CURRENT_STATE_TOPICS).map((topic) => ({
    topic,
    numPartitions: partitions,
    // Compacted: the broker keeps at least the latest message per key (the entity's current state)
    // for ever, so a new system reads only "now", not the whole history.
    configEntries: [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'retention.ms', value: '-1' },
      { name: 'max.message.bytes', value: String(16 * 1024 * 1024) },
    ],
  })),
  { topic: DEAD_LETTER_TOPIC, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: String(90 * 24 * 3600 * 1000) }] },
  { topic: CHECKPOINT_TOPIC, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
];
