import { createSqlPersonalDataStore } from '@hub/customer-smile';
import { createServer } from '@hub/gateway';
import { createEsdbEventStore, createSqlEventStore } from '@hub/event-store';
import { viewHealth, waitForCheckpoint } from '@hub/read-model';
import { createPgDriver } from '@hub/sql';
import { CONTEXT_NAMES, CONTEXT_URL_VARIABLES, loadConfig, parseTokens, type ContextName } from '../config';
import { createCommandClient } from '../rpc/commandClient';
import { onShutdown } from '../shutdown';

/** The gateway as its own process: commands over HTTP, the view straight from PostgreSQL. */
const config = loadConfig();
const urls = Object.fromEntries(CONTEXT_NAMES.map((name) => [name, config[CONTEXT_URL_VARIABLES[name]]]));
const missing = CONTEXT_NAMES.filter((name) => !urls[name]).map((name) => CONTEXT_URL_VARIABLES[name]);
if (!config.DATABASE_URL || missing.length > 0) {
  console.error(`[gateway] a separate gateway needs DATABASE_URL (the view) and the command services' URLs; missing: ${[...(config.DATABASE_URL ? [] : ['DATABASE_URL']), ...missing].join(', ')}`);
  process.exit(1);
}
const view = createPgDriver(config.DATABASE_URL);
const events = config.EVENTSTORE_URL ? createEsdbEventStore(config.EVENTSTORE_URL) : await createSqlEventStore(view);
const gateway = createServer({
  commands: createCommandClient(urls as Record<ContextName, string>),
  view,
  personalData: await createSqlPersonalDataStore(view),
  tokens: parseTokens(config.HUB_TOKENS),
  waitForView: (position) => waitForCheckpoint(view, position, config.HUB_VIEW_WAIT_MS),
  viewWaitMs: config.HUB_VIEW_WAIT_MS,
  // /health compares the view with the store's head: the events live in DATABASE_URL unless EventStoreDB holds them.
  health: () => viewHealth(view, () => events.headPosition()),
});
const port = await gateway.listen(config.HUB_GATEWAY_PORT, config.HUB_HOST);
console.log(`[gateway] GraphQL on :${port}/graphql`);
onShutdown('gateway', gateway.close, () => events.close(), view.close);
