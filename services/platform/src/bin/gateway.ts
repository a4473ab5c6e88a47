import { createSqlTokenStore } from '@hub/access';
import { createSqlPersonalDataAccessLog, createSqlPersonalDataStore } from '@hub/personal-data/sql';
import { createServer } from '@hub/gateway';
import { createEsdbEventStore } from '@hub/event-store-esdb';
import { createSqlEventStore } from '@hub/event-store-sql';
import { viewHealth, waitForCheckpoint } from '@hub/read-model';
import { createPgDriver } from '@hub/sql';
import { streamDocuments } from '@hub/stream-relay';
import { CONTEXT_NAMES, CONTEXT_URL_VARIABLES, loadConfig, type ContextName } from '../config';
import { gatewayLimits, localOrigins } from '../gatewayLimits';
import { masterKeyOf } from '../masterKey';
import { createCommandClient } from '../rpc/commandClient';
import { onShutdown } from '../shutdown';

/** The gateway as its own process: commands over HTTP, the view straight from PostgreSQL. */
const config = loadConfig();
const urls = Object.fromEntries(CONTEXT_NAMES.map((name) => [name, config[CONTEXT_URL_VARIABLES[name]]]));
const missing = CONTEXT_NAMES.filter((name) => !urls[name]).map((name) => CONTEXT_URL_VARIABLES[name]);
if (!config.DATABASE_URL || !config.HUB_INTERNAL_TOKEN || missing.length > 0) {
  const absent = [
    ...(config.DATABASE_URL ? [] : ['DATABASE_URL']),
    ...(config.HUB_INTERNAL_TOKEN ? [] : ['HUB_INTERNAL_TOKEN']),
    ...missing,
  ];
  console.error(
    `[gateway] a separate gateway needs DATABASE_URL (the view), HUB_INTERNAL_TOKEN and the command services' URLs; missing: ${absent.join(', ')}`,
  );
  process.exit(1);
}
// The server cancels any statement still running at the request time limit.
const view = createPgDriver(config.DATABASE_URL, { statementTimeoutMs: config.HUB_REQUEST_TIMEOUT_MS });
const events = config.EVENTSTORE_URL ? createEsdbEventStore(config.EVENTSTORE_URL) : await createSqlEventStore(view);
const gateway = createServer({
  commands: createCommandClient(urls as Record<ContextName, string>, { internalToken: config.HUB_INTERNAL_TOKEN }),
  view,
  personalData: await createSqlPersonalDataStore(view, masterKeyOf(config)),
  personalDataAccessLog: await createSqlPersonalDataAccessLog(view),
  tokens: await createSqlTokenStore(view),
  waitForView: (position) => waitForCheckpoint(view, position, config.HUB_VIEW_WAIT_MS),
  viewWaitMs: config.HUB_VIEW_WAIT_MS,
  // /health compares the view with the store's head: the events live in DATABASE_URL unless EventStoreDB holds them.
  health: () => viewHealth(view, () => events.headPosition()),
  streamDocs: streamDocuments(),
  // Split deployment: the console is served by its own process on HUB_WEB_PORT.
  limits: gatewayLimits(config, () => localOrigins(config.HUB_WEB_PORT)),
});
const port = await gateway.listen(config.HUB_GATEWAY_PORT, config.HUB_HOST);
console.log(`[gateway] GraphQL on :${port}/graphql`);
onShutdown('gateway', gateway.close, () => events.close(), view.close);
