import { loadConfig } from '../config';
import { seedDemoCompany } from '../demo/seed';
import { createHub } from '../hub';
import { onShutdown } from '../shutdown';

/** The projector as its own process (docker-compose `projector`); it also seeds the demo company once. */
const config = loadConfig();
const hub = await createHub(config);
if (config.HUB_SEED_DEMO && (await hub.store.headPosition()) === undefined) await seedDemoCompany(hub.commands);
await hub.projector.start();
console.log(`[projector] ${hub.description}; caught up, following live`);
onShutdown('projector', hub.close);
