import { createServer } from 'node:http';
import type { RelayMetrics } from './relay';

/*
 * GET /health — JSON: status (ok, lagging, or broker-unavailable, HTTP 503 for the last), lag,
 * position, head, throughput, last error. GET /metrics — the same figures in Prometheus text.
 */
export const createRelayMetricsServer = (metrics: () => RelayMetrics, lagThreshold = 10_000) =>
  createServer((req, res) => {
    const m = metrics();
    if (req.method === 'GET' && req.url === '/health') {
      const status = !m.brokerConnected ? 'broker-unavailable' : m.lag > lagThreshold ? 'lagging' : 'ok';
      res.writeHead(status === 'broker-unavailable' ? 503 : 200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ status, ...m }));
    }
    if (req.method === 'GET' && req.url === '/metrics') {
      const lines = [
        ['hub_relay_lag_events', 'Events in the store not yet published.', m.lag],
        ['hub_relay_position', 'Global position of the last event published.', m.position ?? -1],
        ['hub_relay_head_position', 'Newest position in the event store.', m.head ?? -1],
        ['hub_relay_events_published_total', 'Events published to their topics.', m.eventsPublished],
        ['hub_relay_touches_published_total', 'Touches published to hub.touches.v1.', m.touchesPublished],
        ['hub_relay_dead_lettered_total', 'Events sent to the dead-letter topic.', m.deadLettered],
        ['hub_relay_transactions_total', 'Kafka transactions committed.', m.transactions],
        ['hub_relay_throughput_events_per_second', 'Events published per second over the last minute.', m.throughput],
        ['hub_relay_broker_connected', '1 when connected to Kafka.', m.brokerConnected ? 1 : 0],
      ].flatMap(([name, help, value]) => [`# HELP ${name} ${help}`, `# TYPE ${name} ${String(name).endsWith('_total') ? 'counter' : 'gauge'}`, `${name} ${value}`]);
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return res.end(`${lines.join('\n')}\n`);
    }
    res.writeHead(404).end();
  });
