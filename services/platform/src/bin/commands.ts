import { loadConfig } from '../config';
import { createHub } from '../hub';
import { createCommandServer } from '../rpc/commandServer';

/** The bounded contexts' command side as its own process (docker-compose `commands`). */
const config = loadConfig();
const hub = await createHub(config);
const server = createCommandServer({ directory: hub.directory, cafeSessions: hub.cafeSessions });
const port = await server.listen(config.HUB_COMMANDS_PORT, config.HUB_HOST);
console.log(`[commands] ${hub.description}; listening on :${port}`);
const stop = async () => {
  await server.close();
  await hub.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
