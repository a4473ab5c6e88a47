import type { HubCommands } from '@hub/commands';
import type { CustomerPersonalData, PersonalDataAccessLog, PersonalDataField, PersonalDataStore } from '@hub/personal-data';
import type { AsOf } from '@hub/read-model';
import type { SqlExecutor } from '@hub/sql';
import DataLoader from 'dataloader';
import { loadersByMoment, type Loaders } from './loaders';
import type { Principal, TokenStore } from '@hub/access';
import { principalOf } from './plugins/authentication';
import type { Live } from './live';
import type { ImportProgressRegistry } from './importProgress';

export interface GatewayDeps {
  commands: HubCommands;
  /** The read model's database. */
  view: SqlExecutor;
  /** Customers' personal data (name, phone, address), read only for roles that may see it. */
  personalData: Pick<PersonalDataStore, 'byIds' | 'searchByName'>;
  /** Where every read of personal data is recorded before it is answered. */
  personalDataAccessLog: PersonalDataAccessLog;
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
  loadersAt: (asOf: AsOf) => Loaders;
  /** Customers' personal data, batched; it has no history (erased is erased, whatever `asOf`). */
  personalDataOf: DataLoader<string, CustomerPersonalData | undefined>;
  /** Records a read of one field of a customer's personal data; one insert per batch, one row per customer. */
  personalDataRead: DataLoader<{ customerId: string; field: PersonalDataField }, void, string>;
  /** Live subscriptions, shared by the whole gateway (capped per client and in total). */
  live: Live;
  /** Who holds a subscription, for the per-client cap: the API token's id, else the client's address. */
  liveClient: string;
  /** How far the CSV imports running in this gateway have got. */
  importProgress: ImportProgressRegistry;
}

export const createContext = (
  deps: GatewayDeps,
  request: Request,
  live: Live,
  importProgress: ImportProgressRegistry,
  address: string,
): HubContext => {
  const principal = principalOf(request);
  const correlationId = request.headers.get('x-correlation-id')?.slice(0, 100) || crypto.randomUUID();
  return {
    ...deps,
    principal,
    actor: principal.subject,
    correlationId,
    live,
    importProgress,
    liveClient: principal.tokenId ? `token:${principal.tokenId}` : `address:${address}`,
    loadersAt: loadersByMoment(deps.view),
    personalDataOf: new DataLoader((ids: readonly string[]) => deps.personalData.byIds(ids)),
    personalDataRead: new DataLoader(
      async (reads: readonly { customerId: string; field: PersonalDataField }[]) => {
        const fieldsOf = new Map<string, PersonalDataField[]>();
        for (const { customerId, field } of reads) fieldsOf.set(customerId, [...(fieldsOf.get(customerId) ?? []), field]);
        await deps.personalDataAccessLog.record(
          [...fieldsOf].map(([customerId, fields]) => ({
            customerId,
            fields,
            actor: principal.subject,
            tokenId: principal.tokenId ?? null,
            role: principal.role,
            correlationId,
          })),
        );
        return reads.map(() => undefined);
      },
      { cacheKeyFn: ({ customerId, field }) => `${field}:${customerId}` },
    ),
  };
};
