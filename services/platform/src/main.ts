import { createServer as createGateway } from '@hub/gateway';
import { viewHealth } from '@hub/read-model';
import { createRelay, createRelayMetricsServer } from '@hub/stream-relay';
import { randomBytes } from 'node:crypto';
import { loadConfig, parseTokens } from './config';
import { seedDemoCompany } from './demo/seed';
import { createHub } from './hub';
import { webDistDir } from './paths';
import { createWebServer } from './web/webServer';
import { onShutdown } from './shutdown';

/**
 * `npm start`: the whole product in one process on the embedded default — event store, café
 * sessions, projector, GraphQL gateway and the console — with the demo company on first run.
 */
const main = async () => {
  const config = loadConfig();
  const started = Date.now();
  const hub = await createHub(config);
  console.log(`[hub] ${hub.description}`);

  if (config.HUB_SEED_DEMO && (await hub.store.headPosition()) === undefined) {
    console.log('[hub] empty store: seeding the demo company (16 months of café sessions and town halls)…');
    const summary = await seedDemoCompany(hub.commands);
    console.log(
      `[hub] demo company: ${summary.employees} employees, ${summary.branches} branches with ${summary.fcs} FCs, ${summary.cafeSessions} café sessions, ${summary.attendances} attendances, ${summary.townHalls} town halls, ${summary.branchVisits} Christmas branch visits, ${summary.videoMessages} video messages, ${summary.customers} customers with ${summary.customerVisits} Customer Smile visits, ${summary.activityReports} PRIDE weekly activity reports`,
    );
  }
  await hub.projector.start();
  console.log(`[hub] view up to date (${hub.projector.stats.applied} events projected)`);

  // API tokens: from HUB_TOKENS, or fresh ones for this run (printed below) so the roles can be tried.
  const tokens = config.HUB_TOKENS ? parseTokens(config.HUB_TOKENS) : new Map([[randomBytes(18).toString('base64url'), 'SALES' as const], [randomBytes(18).toString('base64url'), 'PRIVACY_OFFICER' as const]]);
  const gateway = createGateway({
    commands: hub.commands,
    view: hub.sql,
    personalData: hub.personalData,
    tokens,
    waitForView: (position) => hub.projector.waitFor(position, config.HUB_VIEW_WAIT_MS),
    viewWaitMs: config.HUB_VIEW_WAIT_MS,
    health: () => viewHealth(hub.sql, () => hub.store.headPosition()),
  });
  const gatewayPort = await gateway.listen(config.HUB_GATEWAY_PORT, config.HUB_HOST);
  // The stream relay, when a broker is configured: every event and touch to Kafka, exactly once.
  const relay = config.KAFKA_BROKERS
    ? createRelay({ store: hub.store, view: hub.sql, brokers: config.KAFKA_BROKERS.split(','), relayId: config.HUB_RELAY_ID, partitions: config.HUB_KAFKA_PARTITIONS, batchSize: config.HUB_RELAY_BATCH_SIZE })
    : undefined;
  relay?.start();
  const relayMetrics = relay ? createRelayMetricsServer(relay.metrics) : undefined;
  const relayPort = relayMetrics ? await new Promise<number>((ok) => relayMetrics.listen(config.HUB_RELAY_PORT, config.HUB_HOST, () => ok((relayMetrics.address() as { port: number }).port))) : undefined;
  const web = createWebServer({ distDir: webDistDir(), gatewayUrl: `http://127.0.0.1:${gatewayPort}` });
  const webPort = await web.listen(config.HUB_WEB_PORT, config.HUB_HOST);

  console.log('');
  console.log('  Engagement Hub is running');
  console.log(`  Console:  http://localhost:${webPort}`);
  console.log(`  GraphQL:  http://localhost:${gatewayPort}/graphql`);
  for (const [token, role] of tokens) console.log(`  ${role.padEnd(15)} Authorization: Bearer ${config.HUB_TOKENS ? `${token.slice(0, 4)}… (from HUB_TOKENS)` : token}`);
  console.log('  (no token: VIEWER — every figure, customers by id only)');
  console.log(relay ? `  Kafka relay: publishing to ${config.KAFKA_BROKERS} (health on http://localhost:${relayPort}/health)` : '  Kafka relay: not running (set KAFKA_BROKERS to publish the streams)');
  console.log(`  Started in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);
  console.log('');

  onShutdown('hub', web.close, gateway.close, async () => relay?.stop(), async () => relayMetrics && new Promise<void>((r) => relayMetrics.close(() => r())), hub.close);
};

main().catch((e: unknown) => {
  console.error(`[hub] failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
