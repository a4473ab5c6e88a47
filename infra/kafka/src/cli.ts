import { startKafkaBroker } from './broker';

/** `npm run broker -w @hub/kafka-broker`: a broker until Ctrl-C; prints its bootstrap address. */
const broker = await startKafkaBroker({ log: (l) => console.error(l) });
console.log(`KAFKA_BROKERS=${broker.brokers}`);
const stop = async () => {
  await broker.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
