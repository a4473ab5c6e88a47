import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { countCompany, generateCompany, SCALES, type Scale } from '../generate/company';
import { createHub } from '../hub';
import { progressBar } from '../progressBar';

/*
 * `npm run generate -- --scale small|medium|large [--seed N]`: a generated company written into the
 * configured store (embedded PGlite in ./data, or DATABASE_URL / EVENTSTORE_URL), for trying the
 * console and the benchmarks at size. Only into an empty store (stop `npm start` first on PGlite);
 * the next `npm start` projects it instead of seeding the demo.
 */
const USAGE = `usage: npm run generate -- --scale ${Object.keys(SCALES).join('|')} [--seed N]`;

const { values } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = values.scale as Scale | undefined;
if (!scale || !(scale in SCALES)) {
  console.error(`${scale ? `unknown scale "${scale}"` : 'the scale is missing'}\n${USAGE}`);
  process.exit(2);
}
const seed = values.seed === undefined ? 42 : Number(values.seed);
if (!Number.isSafeInteger(seed) || seed < 1 || seed >= 2 ** 31) {
  console.error(`--seed must be a whole number from 1 to ${2 ** 31 - 1}\n${USAGE}`);
  process.exit(2);
}

const size = SCALES[scale];
// The exact count first (nothing written), so the progress bar has its end.
const { events: total } = await countCompany(size, { seed });

const config = loadConfig();
const hub = await createHub(config);
try {
  if ((await hub.store.headPosition()) !== undefined) {
    console.error(
      `[generate] the store already holds events: generate only into an empty one (a new data folder, or an empty database) — ${hub.description}`,
    );
    process.exitCode = 1;
  } else {
    console.error(`[generate] ${scale} company, seed ${seed}: ${total.toLocaleString('en')} events into ${hub.description}`);
    // The embedded store appends one event at a time (one connection): say so before a long wait.
    if (!config.DATABASE_URL && !config.EVENTSTORE_URL && total > 100_000)
      console.error(
        '[generate] the embedded PGlite appends about 3,000–7,000 events/s on a 2-core machine (a large company: about half an hour, ' +
          'then `npm start` projects it); PostgreSQL (DATABASE_URL=… npm run generate) writes faster.',
      );
    const started = Date.now();
    const bar = progressBar('[generate]', total);
    const generated = await generateCompany(hub.store, size, {
      seed,
      concurrency: 8, // appends overlap (PostgreSQL serves several connections; PGlite queues them)
      onProgress: (written) => bar.update(written),
    });
    bar.done();
    console.log(
      `[generate] ${generated.events.toLocaleString('en')} events (${generated.touches.toLocaleString('en')} touches) in ${((Date.now() - started) / 1000).toFixed(0)} s. ` +
        '`npm start` projects them (or `npm run rebuild` first).',
    );
  }
} finally {
  await hub.close();
}
