import { createCurrentStateConsumer } from './currentStateConsumer';

/** `KAFKA_BROKERS=… DATABASE_URL=… npm run start:current-state -w @hub/touches-consumer` */
const brokers = process.env.KAFKA_BROKERS;
const databaseUrl = process.env.DATABASE_URL;
if (!brokers || !databaseUrl) {
  console.error('set KAFKA_BROKERS (host:port,…) and DATABASE_URL (postgres://… for your hr.* tables)');
  process.exit(1);
}
const consumer = createCurrentStateConsumer({ brokers: brokers.split(','), databaseUrl });
await consumer.start();
console.log(
  '[current-state-consumer] reading the hub.current-*.v1 topics into hr.employees, hr.fcs, hr.branches, hr.org_units; Ctrl-C to stop',
);
const stop = async () => {
  await consumer.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
