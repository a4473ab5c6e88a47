import type { BranchVisitService } from '@hub/branch-visits';
import type { CafeSessionService } from '@hub/cafe-sessions';
import type { CustomerSmileService } from '@hub/customer-smile';
import type { DirectoryService } from '@hub/directory';
import type { EmailLetterService } from '@hub/email-letters';
import type { PrideService } from '@hub/pride';
import type { TownHallService } from '@hub/town-halls';
import type { VideoMessageService } from '@hub/video-messages';

/*
 * The command port: every command the hub takes, per bounded context. The gateway's mutations
 * call it; `npm start` fills it with the services in one process, the split deployment with HTTP
 * clients of the same shape (services/platform/src/rpc), so the gateway cannot tell them apart.
 */

/** The command side: in-process services, or HTTP clients with the same shape. */
export interface HubCommands {
  directory: Pick<
    DirectoryService,
    | 'defineOrgUnit'
    | 'registerEmployee'
    | 'promoteEmployee'
    | 'transferEmployee'
    | 'recordEmployeeLeft'
    | 'registerBranch'
    | 'enrollBranchInPride'
    | 'registerFc'
    | 'transferFc'
    | 'recordFcLeft'
  >;
  cafeSessions: CafeSessionService;
  townHalls: TownHallService;
  branchVisits: BranchVisitService;
  videoMessages: VideoMessageService;
  customerSmile: Pick<
    CustomerSmileService,
    'registerCustomer' | 'eraseCustomerPersonalData' | 'signContract' | 'recordVisit' | 'recordContractHistory'
  >;
  pride: PrideService;
  emailLetters: EmailLetterService;
}

/** Every method of the port by context: what the command server exposes and the client calls. */
export const COMMAND_METHODS = {
  directory: [
    'defineOrgUnit',
    'registerEmployee',
    'promoteEmployee',
    'transferEmployee',
    'recordEmployeeLeft',
    'registerBranch',
    'enrollBranchInPride',
    'registerFc',
    'transferFc',
    'recordFcLeft',
  ],
  cafeSessions: [
    'schedule',
    'invite',
    'recordAttendance',
    'raiseQuestion',
    'answerQuestion',
    'assignFollowUp',
    'completeFollowUp',
    'cancel',
    'recordSession',
  ],
  townHalls: [
    'schedule',
    'recordAttendance',
    'recordHeadCount',
    'raiseQuestion',
    'answerQuestion',
    'assignFollowUp',
    'completeFollowUp',
    'giveFeedback',
    'cancel',
    'recordTownHall',
  ],
  branchVisits: ['launchCampaign', 'recordVisit'],
  videoMessages: ['publish', 'recordView'],
  customerSmile: ['registerCustomer', 'eraseCustomerPersonalData', 'signContract', 'recordVisit', 'recordContractHistory'],
  pride: ['reportWeeklyActivity', 'reportWeeks'],
  emailLetters: ['send', 'recordOpen'],
} as const satisfies { [K in keyof HubCommands]: readonly (keyof HubCommands[K])[] };
