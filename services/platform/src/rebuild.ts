import { projectionNamed } from '@hub/read-model';
import { loadConfig } from './config';
import { createHub } from './hub';
import { progressBar } from './progressBar';

/**
 * `npm run rebuild`: drop the view and replay every event from zero.
 * `npm run rebuild -- <projection>`: empty that one projection and replay every event into it alone;
 * the others stay as they are. Stop `npm start` first on PGlite.
 */
const args = process.argv.slice(2);
if (args.length > 1) {
  console.error('[rebuild] usage: npm run rebuild [-- <projection>]');
  process.exit(2);
}
const [name] = args;
if (name !== undefined) {
  try {
    projectionNamed(name); // an unknown name is refused before the database is opened
  } catch (e) {
    console.error(`[rebuild] ${(e as Error).message}`);
    process.exit(2);
  }
}
const hub = await createHub(loadConfig());
const started = Date.now();
// Positions of the SQL store are dense enough for a bar: the head is about the number of events.
const head = await hub.store.headPosition();
const bar = progressBar(`[rebuild] ${name ?? 'the whole view'}`, head === undefined ? 0 : Number(head) + 1, 'positions');
const stats = await hub.projector.rebuild(name, { onProgress: (position) => bar.update(Number(position) + 1) });
bar.done();
console.log(
  `[rebuild] ${name ?? 'the whole view'}: ${stats.applied} events replayed (${stats.parked} parked as dead letters) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
await hub.close();
