import { parseArgs } from 'node:util';
import { createEsdbEventStore } from '@hub/event-store-esdb';
import { createSqlEventStore } from '@hub/event-store-sql';
import { createPgDriver } from '@hub/sql';
import {
  offsetsForHubPosition,
  offsetsForTime,
  rebuildCurrentState,
  replay,
  REPLAYABLE_TOPICS,
  replayRequestSchema,
} from '@hub/stream-relay';
import { loadConfig } from '../config';

/*
 * Stream operations beside the running relay (DATABASE_URL and KAFKA_BROKERS as for bin/relay):
 *   rebuild-current-state                        refill the compacted current-state topics from the store
 *   replay --name n --from P --to Q [--topic t]… republish positions P..Q to replay.<n>.<topic>
 *   start-offsets --topic t (--position P | --time ISO)  where a consumer should start, per partition
 */
const USAGE = `usage: npm run streams -- rebuild-current-state
       npm run streams -- replay --name <a-z0-9-> --from <position> --to <position> [--topic <topic>]…
       npm run streams -- start-offsets --topic <topic> (--position <hubposition> | --time <ISO-8601>)
topics a replay can republish: ${REPLAYABLE_TOPICS.join(', ')}`;

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      topic: { type: 'string', multiple: true },
      position: { type: 'string' },
      time: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const { values, positionals } = parsed!;
const [command, ...extra] = positionals;
if (values.help) fail('');
if (!['rebuild-current-state', 'replay', 'start-offsets'].includes(command ?? ''))
  fail(command ? `unknown command: ${command}` : 'which command?');
if (extra.length) fail(`unexpected argument: ${extra.join(' ')}`);

const config = loadConfig();
if (!config.KAFKA_BROKERS) fail('KAFKA_BROKERS is not set');
const brokers = config.KAFKA_BROKERS!.split(',');

if (command === 'start-offsets') {
  const topic = values.topic?.length === 1 ? values.topic[0]! : fail('start-offsets needs exactly one --topic');
  if ((values.position === undefined) === (values.time === undefined)) fail('start-offsets needs either --position or --time');
  if (values.position !== undefined && !/^\d{1,19}$/.test(values.position)) fail('--position must be a whole number ≥ 0');
  const offsets =
    values.position !== undefined
      ? await offsetsForHubPosition(brokers, topic, BigInt(values.position))
      : await offsetsForTime(brokers, topic, new Date(values.time!));
  for (const { partition, offset } of offsets) console.log(`${topic}\tpartition ${partition}\toffset ${offset}`);
  process.exit(0);
}

const request = {
  name: values.name ?? '',
  from: values.from ?? '',
  to: values.to ?? '',
  ...(values.topic ? { topics: values.topic } : {}),
};
if (command === 'replay') {
  // Refused before anything connects.
  const checked = replayRequestSchema.safeParse(request);
  if (!checked.success)
    fail(checked.error.issues.map((i) => `--${i.path[0] === 'topics' ? 'topic' : String(i.path[0] ?? 'name')}: ${i.message}`).join('\n'));
}
if (!config.DATABASE_URL) fail('needs DATABASE_URL (the events unless EVENTSTORE_URL is set, and the view)');
const sql = createPgDriver(config.DATABASE_URL!);
const store = config.EVENTSTORE_URL ? createEsdbEventStore(config.EVENTSTORE_URL) : await createSqlEventStore(sql);
let exitCode = 0;
try {
  if (command === 'rebuild-current-state') {
    const { position, published } = await rebuildCurrentState({
      store,
      brokers,
      relayId: config.HUB_RELAY_ID,
      partitions: config.HUB_KAFKA_PARTITIONS,
      publicUrl: config.HUB_PUBLIC_URL,
    });
    console.log(
      position === undefined
        ? 'nothing to rebuild yet: the relay has not published'
        : `published ${published} current states as of position ${position}`,
    );
  } else {
    const result = await replay({
      store,
      view: sql,
      brokers,
      request,
      partitions: config.HUB_KAFKA_PARTITIONS,
      batchSize: config.HUB_RELAY_BATCH_SIZE,
      publicUrl: config.HUB_PUBLIC_URL,
    });
    console.log(`${result.messages} messages on ${result.topics.join(', ')} (up to position ${result.position ?? '-'})`);
  }
} catch (e) {
  console.error(`[streams] ${e instanceof Error ? e.message : String(e)}`);
  exitCode = 1;
} finally {
  await store.close();
  await sql.close();
}
process.exit(exitCode);
