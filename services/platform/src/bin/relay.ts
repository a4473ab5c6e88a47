import { createSqlEventStore } from '@hub/event-store-sql';
import { createEsdbEventStore } from '@hub/event-store-esdb';
import { createPgDriver } from '@hub/sql';
import { createRelay, createRelayMetricsServer } from '@hub/stream-relay';
import { loadConfig } from '../config';
import { onShutdown } from '../shutdown';

/** The Kafka relay as its own process (docker-compose `relay`): events from the store, touches from the view. */
const config = loadConfig();
if (!config.DATABASE_URL || !config.KAFKA_BROKERS) {
  console.error('[relay] needs DATABASE_URL (events unless EVENTSTORE_URL is set, and the view) and KAFKA_BROKERS');
  process.exit(1);
}
const sql = createPgDriver(config.DATABASE_URL);
const store = config.EVENTSTORE_URL ? createEsdbEventStore(config.EVENTSTORE_URL) : await createSqlEventStore(sql);
const relay = createRelay({
  store,
  view: sql,
  brokers: config.KAFKA_BROKERS.split(','),
  relayId: config.HUB_RELAY_ID,
  partitions: config.HUB_KAFKA_PARTITIONS,
  batchSize: config.HUB_RELAY_BATCH_SIZE,
  publicUrl: config.HUB_PUBLIC_URL,
});
relay.start();
const metrics = createRelayMetricsServer(relay.metrics);
metrics.listen(config.HUB_RELAY_PORT, config.HUB_HOST, () =>
  console.log(`[relay] health and metrics on :${(metrics.address() as { port: number }).port} (/health, /metrics)`),
);
onShutdown('relay', relay.stop, () => new Promise<void>((r) => metrics.close(() => r())), store.close, sql.close);
