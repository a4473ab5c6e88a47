import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';

/*
 * A single-node KRaft broker (Apache Kafka 3.9.1, broker and controller in one JVM) launched with
 * plain `java` from the jars Maven Central serves. The jars are fetched once with `mvn` into
 * infra/kafka/.cache/lib (git-ignored); each broker gets its own ports and a temporary log dir.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
export const KAFKA_HOME = resolve(HERE, '..');
const LIB = join(KAFKA_HOME, '.cache', 'lib');

export interface RunningBroker {
  /** bootstrap servers, e.g. 127.0.0.1:41234 */
  brokers: string;
  logDir: string;
  /** Stops the broker for good and deletes its data. */
  stop(): Promise<void>;
  /** Takes the broker away (its process ends; data kept), as an outage would. */
  halt(): Promise<void>;
  /** Brings a halted broker back on the same port with the same data. */
  resume(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });

/** Fetches the broker's jars with Maven unless they are cached already. */
export const ensureKafkaJars = (log: (line: string) => void = () => undefined) => {
  if (existsSync(LIB) && readdirSync(LIB).some((f) => f.startsWith('kafka_2.13-'))) return LIB;
  log(`[kafka] fetching broker jars from Maven Central into ${LIB} …`);
  mkdirSync(LIB, { recursive: true });
  const mvn = spawnSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${LIB}`, '-DincludeScope=runtime'], {
    cwd: KAFKA_HOME,
    encoding: 'utf8',
  });
  if (mvn.status !== 0)
    throw new Error(`mvn could not fetch the Kafka jars (exit ${mvn.status}): ${mvn.stderr || mvn.stdout || mvn.error?.message}`);
  return LIB;
};

/**
 * Kafka cluster ids are 16 random bytes, base64url without padding — never starting with "-",
 * which the storage tool would read as an option (Kafka's own Uuid.randomUuid skips those too).
 */
const clusterId = (): string => {
  const id = randomBytes(16).toString('base64url');
  return id.startsWith('-') ? clusterId() : id;
};

export const startKafkaBroker = async (options: { log?: (line: string) => void; startTimeoutMs?: number } = {}): Promise<RunningBroker> => {
  const log = options.log ?? (() => undefined);
  const lib = ensureKafkaJars(log);
  const [port, controllerPort] = [await freePort(), await freePort()];
  const logDir = mkdtempSync(join(tmpdir(), 'hub-kafka-'));
  const config = join(logDir, 'server.properties');
  writeFileSync(
    config,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      `log.dirs=${join(logDir, 'data')}`,
      'num.partitions=1',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=4',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'transaction.state.log.num.partitions=4',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(logDir, 'log4j.properties'),
    [
      'log4j.rootLogger=INFO, file',
      'log4j.appender.file=org.apache.log4j.FileAppender',
      `log4j.appender.file.File=${join(logDir, 'broker.log')}`,
      'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
      '',
    ].join('\n'),
  );
  const classpath = `${lib}/*`;
  const javaOptions = [
    '-Xms128m',
    '-Xmx512m',
    '-XX:+UseSerialGC',
    `-Dlog4j.configuration=file:${join(logDir, 'log4j.properties')}`,
    '-cp',
    classpath,
  ];
  const format = spawnSync('java', [...javaOptions, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', config], {
    encoding: 'utf8',
  });
  if (format.status !== 0) throw new Error(`Kafka storage format failed: ${format.stderr || format.stdout}`);

  const brokers = `127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  const halt = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((ok) => c.once('exit', ok));
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const stop = async () => {
    await halt();
    rmSync(logDir, { recursive: true, force: true });
  };
  const launch = async () => {
    const c = spawn('java', [...javaOptions, 'kafka.Kafka', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    c.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
    c.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
    // Ready when an admin client can list topics.
    const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
    const admin = new Kafka({
      brokers: [brokers],
      clientId: 'hub-broker-probe',
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).admin();
    for (;;) {
      if (c.exitCode !== null) throw new Error(`Kafka exited with ${c.exitCode} while starting:\n${output}`);
      try {
        await admin.connect();
        await admin.listTopics();
        await admin.disconnect();
        return;
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`Kafka did not become ready within ${options.startTimeoutMs ?? 90_000} ms:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  await launch();
  log(`[kafka] broker up at ${brokers} (log dir ${logDir})`);
  return { brokers, logDir, stop, halt, resume: launch };
};
