import { existsSync } from 'node:fs';
import { startKafkaBroker } from './broker';

/*
 * Which real broker a test talks to: the one at KAFKA_BROKERS if given; else a testcontainers
 * Kafka where a Docker engine exists; else one this project launches from Maven Central's jars.
 * Never a mock.
 */
export interface TestBroker {
  brokers: string;
  /** How it was found, for the test log. */
  how: 'KAFKA_BROKERS' | 'testcontainers' | 'java (infra/kafka)';
  release(): Promise<void>;
}

const dockerSocket = () => process.env.DOCKER_HOST ?? (existsSync('/var/run/docker.sock') ? 'unix:///var/run/docker.sock' : undefined);

export const acquireTestBroker = async (log: (line: string) => void = (l) => console.log(l)): Promise<TestBroker> => {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, how: 'KAFKA_BROKERS', release: async () => undefined };
  if (dockerSocket()) {
    // Loaded only here: testcontainers is heavy and needs Docker.
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start();
    return {
      brokers: `${container.getHost()}:${container.getMappedPort(9093)}`,
      how: 'testcontainers',
      release: async () => void (await container.stop()),
    };
  }
  const broker = await startKafkaBroker({ log });
  return { brokers: broker.brokers, how: 'java (infra/kafka)', release: broker.stop };
};
