import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { eventStoreConformance } from '@hub/event-store/conformance';
import { createEsdbEventStore } from './esdbEventStore';

/**
 * EventStoreDB/KurrentDB runs the same contract when it can be reached: EVENTSTORE_URL, or a
 * Docker engine for testcontainers. Otherwise the skip and its reason show in the test output.
 */
const dockerSocket = process.env.DOCKER_HOST ?? (existsSync('/var/run/docker.sock') ? 'unix:///var/run/docker.sock' : undefined);
const configuredUrl = process.env.EVENTSTORE_URL;
const skipReason = configuredUrl || dockerSocket ? undefined : 'no EVENTSTORE_URL is set and no Docker engine was found for testcontainers';

if (skipReason) {
  console.warn(`[event-store] SKIPPED EventStoreDB conformance suite: ${skipReason}.`);
  describe('event store contract: EventStoreDB adapter', () => {
    it.skip(`SKIPPED — ${skipReason}`, () => undefined);
  });
} else {
  let url = configuredUrl ?? '';
  let stop: (() => Promise<unknown>) | undefined;
  beforeAll(async () => {
    if (url) return;
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer('docker.kurrent.io/kurrent-latest/kurrentdb:latest')
      .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_MEM_DB: 'true', KURRENTDB_RUN_PROJECTIONS: 'None' })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((c) => c === 204 || c === 200))
      .start();
    url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    stop = () => container.stop();
  }, 180_000);
  afterAll(async () => {
    await stop?.();
  });
  eventStoreConformance('EventStoreDB adapter', async () => {
    const store = createEsdbEventStore(url, { pollIntervalMs: 50 });
    return { store, dispose: () => store.close() };
  });
}
