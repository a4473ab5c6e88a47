import { loadConfig } from './config';
import { createHub } from './hub';

/** `npm run rebuild`: drop the view and replay every event from zero. Stop `npm start` first on PGlite. */
const hub = await createHub(loadConfig());
const started = Date.now();
const stats = await hub.projector.rebuild();
console.log(
  `[rebuild] ${stats.applied} events replayed (${stats.parked} parked as dead letters) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
await hub.close();
