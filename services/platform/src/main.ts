import { createServer as createGateway } from '@hub/gateway';
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
    waitForView: (position) => hub.projector.waitFor(position),
  });
  const gatewayPort = await gateway.listen(config.HUB_GATEWAY_PORT, config.HUB_HOST);
  const web = createWebServer({ distDir: webDistDir(), gatewayUrl: `http://127.0.0.1:${gatewayPort}` });
  const webPort = await web.listen(config.HUB_WEB_PORT, config.HUB_HOST);

  console.log('');
  console.log('  Engagement Hub is running');
  console.log(`  Console:  http://localhost:${webPort}`);
  console.log(`  GraphQL:  http://localhost:${gatewayPort}/graphql`);
  for (const [token, role] of tokens) console.log(`  ${role.padEnd(15)} Authorization: Bearer ${config.HUB_TOKENS ? `${token.slice(0, 4)}… (from HUB_TOKENS)` : token}`);
  console.log('  (no token: VIEWER — every figure, customers by id only)');
  console.log(`  Kafka relay: not running (${config.KAFKA_BROKERS ? 'KAFKA_BROKERS is set, but' : 'no KAFKA_BROKERS, and'} the relay is not built yet)`);
  console.log(`  Started in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);
  console.log('');

  onShutdown('hub', web.close, gateway.close, hub.close);
};

main().catch((e: unknown) => {
  console.error(`[hub] failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
