import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { generateCompany, SCALES, type Scale } from '../generate/company';
import { createHub } from '../hub';

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
const { events: total } = await generateCompany({ append: async () => ({ nextExpectedRevision: 0n, position: 0n }) }, size, { seed });

const hub = await createHub(loadConfig());
try {
  if ((await hub.store.headPosition()) !== undefined) {
    console.error(
      `[generate] the store already holds events: generate only into an empty one (a new data folder, or an empty database) — ${hub.description}`,
    );
    process.exitCode = 1;
  } else {
    console.error(`[generate] ${scale} company, seed ${seed}: ${total.toLocaleString('en')} events into ${hub.description}`);
    const started = Date.now();
    let shown = 0;
    const show = (written: number) => {
      const width = 30;
      const filled = Math.round((width * written) / total);
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? written / seconds : 0;
      const eta = rate > 0 ? Math.ceil((total - written) / rate) : null;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${written.toLocaleString('en')}/${total.toLocaleString('en')} events, ${rate.toFixed(0)}/s, ETA ${eta === null ? '?' : `${eta} s`}`;
      // A terminal gets one line redrawn; a log file a line per step.
      process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
    };
    // Steps of 0.5 % on a terminal, 10 % in a log (a large run appends ~700,000 times).
    const step = total / (process.stderr.isTTY ? 200 : 10);
    const generated = await generateCompany(hub.store, size, {
      seed,
      onProgress: (written) => {
        if (written - shown >= step || written === total) {
          shown = written;
          show(written);
        }
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `[generate] ${generated.events.toLocaleString('en')} events (${generated.touches.toLocaleString('en')} touches) in ${((Date.now() - started) / 1000).toFixed(0)} s. ` +
        '`npm start` projects them (or `npm run rebuild` first).',
    );
  }
} finally {
  await hub.close();
}
