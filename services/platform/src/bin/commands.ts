import { CONTEXT_NAMES, loadConfig } from '../config';
import { createHub } from '../hub';
import { createCommandServer } from '../rpc/commandServer';
import { onShutdown } from '../shutdown';

/** One bounded context's command side as its own process (docker-compose `directory`, `cafe-sessions`). */
const config = loadConfig();
if (!config.HUB_CONTEXT) {
  console.error(`[commands] set HUB_CONTEXT to the bounded context to serve: ${CONTEXT_NAMES.join(', ')}`);
  process.exit(1);
}
if (!config.HUB_INTERNAL_TOKEN) {
  console.error(
    '[commands] set HUB_INTERNAL_TOKEN (32+ random characters, the same for the gateway): the command services trust the actor their caller names',
  );
  process.exit(1);
}
const hub = await createHub(config);
const server = createCommandServer(hub.commands, { internalToken: config.HUB_INTERNAL_TOKEN, contexts: [config.HUB_CONTEXT] });
const port = await server.listen(config.HUB_COMMANDS_PORT, config.HUB_HOST);
console.log(`[commands] ${config.HUB_CONTEXT}: ${hub.description}; listening on :${port}`);
onShutdown('commands', server.close, hub.close);
