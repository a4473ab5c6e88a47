import { join } from 'node:path';
import { createSqlTokenStore } from '@hub/access';
import { createSqlCommandLedger, idempotentCommands } from '@hub/command-ledger';
import { createBranchVisitService } from '@hub/branch-visits';
import { createCafeSessionService } from '@hub/cafe-sessions';
import { createCustomerSmileService } from '@hub/customer-smile';
import { createSqlPersonalDataAccessLog, createSqlPersonalDataStore } from '@hub/personal-data/sql';
import { createDirectoryService } from '@hub/directory';
import { createEmailLetterService } from '@hub/email-letters';
import { type EventStore } from '@hub/event-store';
import { createEsdbEventStore } from '@hub/event-store-esdb';
import { createSqlEventStore } from '@hub/event-store-sql';
import { createPrideService } from '@hub/pride';
import { createProjector } from '@hub/read-model';
import { createTownHallService } from '@hub/town-halls';
import { createVideoMessageService } from '@hub/video-messages';
import { createPgDriver, createPgliteDriver, type SqlDriver, type SqlExecutor } from '@hub/sql';
import type { HubConfig } from './config';
import { lockDataDir } from './dataDirLock';
import { masterKeyOf, type MasterKeyConfig } from './masterKey';

/**
 * The composition root: picks the adapters the configuration asks for and wires the bounded
 * contexts, the projector and the view together. `npm start` runs all of it in one process.
 */
export const createHub = async (
  config: Pick<HubConfig, 'DATABASE_URL' | 'EVENTSTORE_URL' | 'dataDir'> & Partial<Pick<HubConfig, 'HUB_PGLITE_THREAD'>> & MasterKeyConfig,
) => {
  // One SQL database holds the view, and the events too unless EventStoreDB is configured.
  const unlock = config.DATABASE_URL ? () => undefined : lockDataDir(config.dataDir);
  const sql: SqlDriver = config.DATABASE_URL
    ? createPgDriver(config.DATABASE_URL)
    : await createPgliteDriver(join(config.dataDir, 'pglite'), { thread: config.HUB_PGLITE_THREAD ?? 'worker' });
  const store: EventStore = config.EVENTSTORE_URL ? createEsdbEventStore(config.EVENTSTORE_URL) : await createSqlEventStore(sql);
  const directory = createDirectoryService(store);
  const cafeSessions = createCafeSessionService({ store, directory });
  const townHalls = createTownHallService({ store, directory });
  const branchVisits = createBranchVisitService({ store, directory });
  const videoMessages = createVideoMessageService({ store, directory });
  const emailLetters = createEmailLetterService({ store, directory });
  // Customers' personal data stays in SQL (schema hub_private) whichever store holds the events,
  // sealed with keys the master key (kept outside the database) wraps.
  const personalData = await createSqlPersonalDataStore(sql, masterKeyOf(config));
  const personalDataAccessLog = await createSqlPersonalDataAccessLog(sql);
  const customerSmile = createCustomerSmileService({ store, directory, personalData });
  const pride = createPrideService({ store, directory });
  const projector = createProjector({ store, db: sql });
  // API tokens (hashed) live in SQL beside the view, whichever store holds the events.
  const tokens = await createSqlTokenStore(sql);
  // Every command, through the ledger: the same command id gives the same result and no new event.
  const ledger = await createSqlCommandLedger(sql);
  const commands = idempotentCommands(
    { directory, cafeSessions, townHalls, branchVisits, videoMessages, customerSmile, pride, emailLetters },
    ledger,
    {
      'customerSmile.registerCustomer': ['name', 'phone', 'address'],
    },
  );

  const description = [
    config.EVENTSTORE_URL
      ? `events in EventStoreDB (${redact(config.EVENTSTORE_URL)})`
      : config.DATABASE_URL
        ? 'events in PostgreSQL'
        : 'events in embedded PGlite',
    config.DATABASE_URL
      ? `view in PostgreSQL (${redact(config.DATABASE_URL)})`
      : `view in embedded PGlite (${join(config.dataDir, 'pglite')})`,
  ].join('; ');

  return {
    store,
    sql,
    directory,
    cafeSessions,
    townHalls,
    branchVisits,
    videoMessages,
    emailLetters,
    customerSmile,
    pride,
    personalData,
    tokens,
    personalDataAccessLog,
    /** Every bounded context's commands, as the gateway and the command servers take them. */
    commands,
    projector,
    description,
    /** What a gateway in this process needs from the hub (a split gateway assembles its own). */
    gatewayDeps: () => ({
      commands,
      view: sql as SqlExecutor,
      personalData,
      personalDataAccessLog,
      tokens,
      waitForView: (position: bigint | undefined) => projector.waitFor(position),
    }),
    async close() {
      await projector.stop();
      await store.close();
      await sql.close();
      unlock();
    },
  };
};

/** Never print a password. */
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export type Hub = Awaited<ReturnType<typeof createHub>>;
