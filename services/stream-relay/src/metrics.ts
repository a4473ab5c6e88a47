import type { EventStore } from '@hub/event-store';
import type { Prepared } from './source';

/** What the relay reports: `/health`, Prometheus and `relay.metrics()` read this. */
export interface RelayMetrics {
  /** Global position of the last event published (committed), or null before the first. */
  position: string | null;
  /** Newest position in the store (null while the store is empty or before it was first read). */
  head: string | null;
  /** True once the relay has read the store's head: until then lag is not known (health says `starting`). */
  headKnown: boolean;
  /** Events in the store not yet published. */
  lag: number;
  eventsPublished: number;
  touchesPublished: number;
  deadLettered: number;
  transactions: number;
  /** Events per second over the last minute. */
  throughput: number;
  brokerConnected: boolean;
  /** Failures so far (broker unreachable, a transaction that failed); never reset. */
  errors: number;
  /** The last failure while it is unresolved: cleared once the relay has recovered (see `recovered`). */
  lastError: string | null;
  lastErrorAt: string | null;
  /** Messages committed per topic (events, touches, dead letters). */
  publishedByTopic: Record<string, number>;
}

/** The relay's figures and the few ways they change, kept apart from publishing itself. */
export const createRelayMetrics = (store: EventStore, log: (line: string) => void) => {
  const metrics: RelayMetrics = {
    position: null,
    head: null,
    headKnown: false,
    lag: 0,
    eventsPublished: 0,
    touchesPublished: 0,
    deadLettered: 0,
    transactions: 0,
    throughput: 0,
    brokerConnected: false,
    errors: 0,
    lastError: null,
    lastErrorAt: null,
    publishedByTopic: {},
  };
  const window: { at: number; events: number }[] = [];
  let refreshedAt = 0;

  /**
   * The relay works again after a failure: a transaction committed, or, connected, it found nothing
   * to publish. The error stays in the log and in `errors`, no longer in `lastError`.
   */
  const recovered = () => {
    if (metrics.lastError === null) return;
    log(`[relay] recovered from: ${metrics.lastError}`);
    metrics.lastError = null;
    metrics.lastErrorAt = null;
  };

  const countPublished = (topicMessages: Prepared['topicMessages']) => {
    for (const { topic, messages } of topicMessages)
      metrics.publishedByTopic[topic] = (metrics.publishedByTopic[topic] ?? 0) + messages.length;
  };

  return {
    snapshot: (): RelayMetrics => ({ ...metrics, publishedByTopic: { ...metrics.publishedByTopic } }),
    connected(yes: boolean) {
      metrics.brokerConnected = yes;
    },
    resumedAfter(position: bigint | undefined) {
      metrics.position = position?.toString() ?? null;
    },
    failed(what: string, e: unknown) {
      metrics.errors++;
      metrics.lastError = `${what}: ${e instanceof Error ? e.message : String(e)}`;
      metrics.lastErrorAt = new Date().toISOString();
      log(`[relay] ${metrics.lastError}`);
    },
    recovered,
    /** Current-state messages published outside a batch (filling empty topics). */
    countPublished,
    committed(prepared: Prepared) {
      metrics.transactions++;
      metrics.eventsPublished += prepared.events - prepared.dead;
      metrics.deadLettered += prepared.dead;
      metrics.touchesPublished += prepared.touches;
      metrics.position = prepared.last.toString();
      countPublished(prepared.topicMessages);
      window.push({ at: Date.now(), events: prepared.events });
      recovered();
    },
    /** Head, lag and throughput; at most once a second unless forced (health must not lag the store). */
    async refresh(force = false) {
      if (!force && Date.now() - refreshedAt < 1_000) return;
      refreshedAt = Date.now();
      const head = await store.headPosition();
      metrics.head = head?.toString() ?? null;
      metrics.headKnown = true;
      metrics.lag = head === undefined ? 0 : Number(head - BigInt(metrics.position ?? '-1'));
      const since = Date.now() - 60_000;
      while (window.length && window[0]!.at < since) window.shift();
      metrics.throughput = window.reduce((n, w) => n + w.events, 0) / 60;
    },
  };
};

export type RelayMetricsRecorder = ReturnType<typeof createRelayMetrics>;
