import type { BranchVisitService } from '@hub/branch-visits';
import type { CafeSessionService } from '@hub/cafe-sessions';
import type { DirectoryService } from '@hub/directory';
import type { TownHallService } from '@hub/town-halls';
import type { VideoMessageService } from '@hub/video-messages';
import type { SqlExecutor } from '@hub/sql';
import { loadersByMoment, type Loaders } from './loaders';

/** The command side the gateway calls: in-process services, or HTTP clients with the same shape. */
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
}

export interface GatewayDeps {
  commands: HubCommands;
  /** The read model's database. */
  view: SqlExecutor;
  /** Resolves once the view includes the event at `position`, so a mutation can read its own write. */
  waitForView: (position: bigint | undefined) => Promise<void>;
}

export interface HubContext extends GatewayDeps {
  /** Who is asking; stamped on every event a mutation causes. */
  actor: string;
  /** Ties together all events caused by one request. */
  correlationId: string;
  /** Batched lookups as of a moment (null: now); nested fields pass on their parent's moment. */
  loadersAt: (asOf: string | null) => Loaders;
}

export const createContext = (deps: GatewayDeps, request: Request): HubContext => ({
  ...deps,
  actor: request.headers.get('x-hub-actor')?.slice(0, 100) || 'console',
  correlationId: request.headers.get('x-correlation-id')?.slice(0, 100) || crypto.randomUUID(),
  loadersAt: loadersByMoment(deps.view),
});
