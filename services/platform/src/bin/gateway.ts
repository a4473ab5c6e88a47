import { createServer } from '@hub/gateway';
import { waitForCheckpoint } from '@hub/read-model';
import { createPgDriver } from '@hub/sql';
import { loadConfig } from '../config';
import { createCommandClient } from '../rpc/commandClient';
import { onShutdown } from '../shutdown';

/** The gateway as its own process: commands over HTTP, the view straight from PostgreSQL. */
const config = loadConfig();
if (!config.DATABASE_URL || !config.HUB_DIRECTORY_URL || !config.HUB_CAFE_SESSIONS_URL || !config.HUB_TOWN_HALLS_URL || !config.HUB_BRANCH_VISITS_URL || !config.HUB_VIDEO_MESSAGES_URL) {
  console.error('[gateway] a separate gateway needs DATABASE_URL (the view) and HUB_DIRECTORY_URL, HUB_CAFE_SESSIONS_URL, HUB_TOWN_HALLS_URL, HUB_BRANCH_VISITS_URL, HUB_VIDEO_MESSAGES_URL (the command services)');
  process.exit(1);
}
const view = createPgDriver(config.DATABASE_URL);
const gateway = createServer({
  commands: createCommandClient({ directory: config.HUB_DIRECTORY_URL, cafeSessions: config.HUB_CAFE_SESSIONS_URL, townHalls: config.HUB_TOWN_HALLS_URL, branchVisits: config.HUB_BRANCH_VISITS_URL, videoMessages: config.HUB_VIDEO_MESSAGES_URL }),
  view,
  waitForView: (position) => waitForCheckpoint(view, position),
});
const port = await gateway.listen(config.HUB_GATEWAY_PORT, config.HUB_HOST);
console.log(`[gateway] GraphQL on :${port}/graphql`);
onShutdown('gateway', gateway.close, view.close);
