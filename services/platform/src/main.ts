import { createServer as createGateway } from '@hub/gateway';
import { createPgDriver } from '@hub/sql';
import { viewHealth } from '@hub/read-model';
import { createRelay, createRelayMetricsServer, streamDocuments } from '@hub/stream-relay';
import { TOKEN_ROLES } from '@hub/access';
import { loadConfig } from './config';
import { gatewayLimits, localOrigins } from './gatewayLimits';
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
      `[hub] demo company: ${summary.employees} employees, ${summary.branches} branches with ${summary.fcs} FCs, ${summary.cafeSessions} café sessions, ${summary.attendances} attendances, ${summary.townHalls} town halls, ${summary.branchVisits} Christmas branch visits, ${summary.videoMessages} video messages, ${summary.customers} customers with ${summary.customerVisits} Customer Smile visits, ${summary.activityReports} PRIDE weekly activity reports, ${summary.emailLetters} e-mail letters`,
    );
  }
  await hub.projector.start();
  console.log(`[hub] view up to date (${hub.projector.stats.applied} events projected)`);

  // Development tokens, one per role, so every role can be tried; the previous run's stop working.
  const devTokens = config.HUB_DEV_TOKENS ? await issueDevTokens(hub.tokens) : [];
  // On PostgreSQL the gateway reads through its own pool, whose statements the server cancels at
  // the request time limit (PGlite cannot cancel one; it drops those still waiting for their turn).
  const view = config.DATABASE_URL
    ? createPgDriver(config.DATABASE_URL, { max: 5, statementTimeoutMs: config.HUB_REQUEST_TIMEOUT_MS })
    : hub.sql;
  // The console's origin, allowed by CORS unless HUB_CORS_ORIGINS says otherwise; known once it listens.
  const consoleOrigins: string[] = [];
  const gateway = createGateway({
    ...hub.gatewayDeps(),
    view,
    waitForView: (position) => hub.projector.waitFor(position, config.HUB_VIEW_WAIT_MS),
    viewWaitMs: config.HUB_VIEW_WAIT_MS,
    health: () => viewHealth(hub.sql, () => hub.store.headPosition()),
    streamDocs: streamDocuments(),
    limits: gatewayLimits(config, () => consoleOrigins),
  });
  const gatewayPort = await gateway.listen(config.HUB_GATEWAY_PORT, config.HUB_HOST);
  // The stream relay, when a broker is configured: every event and touch to Kafka, exactly once.
  const relay = config.KAFKA_BROKERS
    ? createRelay({
        store: hub.store,
        view: hub.sql,
        brokers: config.KAFKA_BROKERS.split(','),
        relayId: config.HUB_RELAY_ID,
        partitions: config.HUB_KAFKA_PARTITIONS,
        batchSize: config.HUB_RELAY_BATCH_SIZE,
        publicUrl: config.HUB_PUBLIC_URL,
      })
    : undefined;
  relay?.start();
  const relayMetrics = relay ? createRelayMetricsServer(relay.metrics) : undefined;
  const relayPort = relayMetrics
    ? await new Promise<number>((ok) =>
        relayMetrics.listen(config.HUB_RELAY_PORT, config.HUB_HOST, () => ok((relayMetrics.address() as { port: number }).port)),
      )
    : undefined;
  const web = createWebServer({ distDir: webDistDir(), gatewayUrl: `http://127.0.0.1:${gatewayPort}` });
  const webPort = await web.listen(config.HUB_WEB_PORT, config.HUB_HOST);
  consoleOrigins.push(...localOrigins(webPort));

  console.log('');
  console.log('  Engagement Hub is running');
  console.log(`  Console:  http://localhost:${webPort}`);
  console.log(`  GraphQL:  http://localhost:${gatewayPort}/graphql`);
  for (const { role, token } of devTokens) console.log(`  ${role.padEnd(15)} Authorization: Bearer ${token}`);
  console.log(
    devTokens.length
      ? '  (development tokens, valid 30 days or until the next start; no token: VIEWER — figures and the directory, no writes)'
      : '  No development tokens (HUB_DEV_TOKENS=false): issue tokens with `npm run tokens -- issue`.',
  );
  console.log(
    relay
      ? `  Kafka relay: publishing to ${config.KAFKA_BROKERS} (health on http://localhost:${relayPort}/health)`
      : '  Kafka relay: not running (set KAFKA_BROKERS to publish the streams)',
  );
  console.log(`  Started in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);
  console.log('');

  onShutdown(
    'hub',
    web.close,
    gateway.close,
    async () => relay?.stop(),
    async () => relayMetrics && new Promise<void>((r) => relayMetrics.close(() => r())),
    async () => view !== hub.sql && view.close(),
    hub.close,
  );
};

/** One token per role with subject `dev:<role>`; the previous run's are revoked first. */
const issueDevTokens = async (tokens: Awaited<ReturnType<typeof createHub>>['tokens']) => {
  await tokens.revokeSubjectsStartingWith('dev:');
  return Promise.all(
    TOKEN_ROLES.map((role) => tokens.issue({ subject: `dev:${role.toLowerCase()}`, role, expiresInDays: 30 }, 'npm start')),
  );
};

main().catch((e: unknown) => {
  console.error(`[hub] failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
