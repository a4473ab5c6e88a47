import type { BranchVisitService } from '@hub/branch-visits';
import type { CafeSessionService } from '@hub/cafe-sessions';
import type { CustomerPersonalData, CustomerSmileService, PersonalDataStore } from '@hub/customer-smile';
import type { DirectoryService } from '@hub/directory';
import type { PrideService } from '@hub/pride';
import type { TownHallService } from '@hub/town-halls';
import type { VideoMessageService } from '@hub/video-messages';
import type { SqlExecutor } from '@hub/sql';
import DataLoader from 'dataloader';
import { loadersByMoment, type Loaders } from './loaders';
import type { Principal, TokenStore } from '@hub/access';
import { principalOf } from './plugins/authentication';

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
  customerSmile: Pick<CustomerSmileService, 'registerCustomer' | 'eraseCustomerPersonalData' | 'signContract' | 'recordVisit'>;
  pride: PrideService;
}

export interface GatewayDeps {
  commands: HubCommands;
  /** The read model's database. */
  view: SqlExecutor;
  /** Customers' personal data (name, phone, address), read only for roles that may see it. */
  personalData: Pick<PersonalDataStore, 'byIds'>;
  /** API tokens: who a bearer token stands for; ADMIN issues, lists and revokes them. */
  tokens: TokenStore;
  /** Resolves once the view includes the event at `position`, so a mutation can read its own write. */
  waitForView: (position: bigint | undefined) => Promise<void>;
}

export interface HubContext extends GatewayDeps {
  /** Who is asking and in which role (from the API token; an anonymous VIEWER without one). */
  principal: Principal;
  /** The principal's subject: stamped on every event a mutation causes. */
  actor: string;
  /** Ties together all events caused by one request. */
  correlationId: string;
  /** Batched lookups as of a moment (null: now); nested fields pass on their parent's moment. */
  loadersAt: (asOf: string | null) => Loaders;
  /** Customers' personal data, batched; it has no history (erased is erased, whatever `asOf`). */
  personalDataOf: DataLoader<string, CustomerPersonalData | undefined>;
}

export const createContext = (deps: GatewayDeps, request: Request): HubContext => {
  const principal = principalOf(request);
  return {
  ...deps,
  principal,
  actor: principal.subject,
  correlationId: request.headers.get('x-correlation-id')?.slice(0, 100) || crypto.randomUUID(),
  loadersAt: loadersByMoment(deps.view),
  personalDataOf: new DataLoader((ids: readonly string[]) => deps.personalData.byIds(ids)),
  };
};
