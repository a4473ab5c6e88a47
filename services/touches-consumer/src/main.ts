import { createTouchesConsumer } from './consumer';

/** `KAFKA_BROKERS=… DATABASE_URL=… npm start -w @hub/touches-consumer` */
const brokers = process.env.KAFKA_BROKERS;
const databaseUrl = process.env.DATABASE_URL;
if (!brokers || !databaseUrl) {
  console.error('set KAFKA_BROKERS (host:port,…) and DATABASE_URL (postgres://… for your warehouse table)');
  process.exit(1);
}
const consumer = createTouchesConsumer({ brokers: brokers.split(','), databaseUrl });
await consumer.start();
console.log('[touches-consumer] reading hub.touches.v1 into warehouse.person_touches; Ctrl-C to stop');
const stop = async () => {
  await consumer.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
