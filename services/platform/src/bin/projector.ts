import { migrateReadModel } from '@hub/read-model';
import { loadConfig } from '../config';
import { seedDemoCompany } from '../demo/seed';
import { createHub } from '../hub';
import { onShutdown } from '../shutdown';

/** The projector as its own process (docker-compose `projector`); it also seeds the demo company once. */
const config = loadConfig();
const hub = await createHub(config);
if (config.HUB_SEED_DEMO && (await hub.store.headPosition()) === undefined) await seedDemoCompany(hub.commands);
// Where it resumes: after a crash, the checkpoint committed with the last whole batch.
await migrateReadModel(hub.sql);
console.log(`[projector] catching up from position ${await hub.projector.checkpoint()}`);
await hub.projector.start();
console.log(`[projector] ${hub.description}; caught up, following live`);
onShutdown('projector', hub.close);
