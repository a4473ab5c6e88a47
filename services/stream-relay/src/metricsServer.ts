import { createServer } from 'node:http';
import type { RelayMetrics } from './relay';

/*
 * GET /health — JSON: status, lag, position, head, throughput, last error. HTTP 200 for `ok` and
 * `lagging`; 503 for `starting` (the relay has not yet read the store's head, so it cannot say how
 * far behind it is) and `broker-unavailable`.
 * GET /metrics — the same figures in the Prometheus text format (0.0.4); GET /metrics.json — as JSON.
 */

export type RelayStatus = 'starting' | 'broker-unavailable' | 'lagging' | 'ok';

export const relayStatus = (m: RelayMetrics, lagThreshold = 10_000): RelayStatus =>
  !m.headKnown ? 'starting' : !m.brokerConnected ? 'broker-unavailable' : m.lag > lagThreshold ? 'lagging' : 'ok';

type Sample = { labels?: Record<string, string>; value: number };
interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: Sample[];
}

const escapeLabel = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
const num = (v: string | null) => (v === null ? -1 : Number(v));

/** The relay's figures in the Prometheus text exposition format, version 0.0.4. */
export const prometheusText = (m: RelayMetrics): string => {
  const one = (name: string, help: string, type: Family['type'], value: number): Family => ({ name, help, type, samples: [{ value }] });
  const families: Family[] = [
    one('hub_relay_up', '1 when the relay is healthy (status ok or lagging).', 'gauge', m.headKnown && m.brokerConnected ? 1 : 0),
    one('hub_relay_head_known', '1 once the relay has read the store head (before that the lag is unknown).', 'gauge', m.headKnown ? 1 : 0),
    one('hub_relay_lag_events', 'Events in the store not yet published.', 'gauge', m.lag),
    one('hub_relay_position', 'Global position of the last event published (-1 before the first).', 'gauge', num(m.position)),
    one('hub_relay_head_position', 'Newest position in the event store (-1 while empty or unknown).', 'gauge', num(m.head)),
    one('hub_relay_events_published_total', 'Events published to their context topics.', 'counter', m.eventsPublished),
    one('hub_relay_touches_published_total', 'Touches published to hub.touches.v1.', 'counter', m.touchesPublished),
    one('hub_relay_dead_lettered_total', 'Events sent to the dead-letter topic.', 'counter', m.deadLettered),
    {
      name: 'hub_relay_messages_published_total',
      help: 'Messages committed, per topic.',
      type: 'counter',
      samples: Object.entries(m.publishedByTopic)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([topic, value]) => ({ labels: { topic }, value })),
    },
    one('hub_relay_transactions_total', 'Kafka transactions committed.', 'counter', m.transactions),
    one('hub_relay_errors_total', 'Failures (broker unreachable, transaction failed); each is retried.', 'counter', m.errors),
    one('hub_relay_throughput_events_per_second', 'Events published per second over the last minute.', 'gauge', m.throughput),
    one('hub_relay_broker_connected', '1 when connected to Kafka.', 'gauge', m.brokerConnected ? 1 : 0),
  ];
  const lines = families.flatMap(({ name, help, type, samples }) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...samples.map(({ labels, value }) => {
      const l = labels
        ? `{${Object.entries(labels)
            .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
            .join(',')}}`
        : '';
      return `${name}${l} ${Number.isFinite(value) ? String(value) : 'NaN'}`;
    }),
  ]);
  return `${lines.join('\n')}\n`;
};

export const createRelayMetricsServer = (metrics: () => RelayMetrics, lagThreshold = 10_000) =>
  createServer((req, res) => {
    const m = metrics();
    if (req.method === 'GET' && req.url === '/health') {
      const status = relayStatus(m, lagThreshold);
      res.writeHead(status === 'starting' || status === 'broker-unavailable' ? 503 : 200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ status, ...m }));
    }
    if (req.method === 'GET' && req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      return res.end(prometheusText(m));
    }
    if (req.method === 'GET' && req.url === '/metrics.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(m));
    }
    res.writeHead(404).end();
  });
