/**
 * @module http/metrics
 * Prometheus metrics at /metrics: request latency per route, messages by label, alerts by kind,
 * live subscribers, and the process's own (CPU, memory, event-loop lag). One registry per app,
 * so two servers in one test process do not share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { InFlight } from './overload.js';

export class Metrics {
  readonly registry = new Registry();
  readonly requestSeconds = new Histogram({
    name: 'calmline_http_request_duration_seconds',
    help: 'HTTP request duration by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });
  readonly messages = new Counter({
    name: 'calmline_messages_ingested_total',
    help: 'Messages ingested, by author and label.',
    labelNames: ['author', 'label'] as const,
    registers: [this.registry],
  });
  readonly alerts = new Counter({
    name: 'calmline_alerts_total',
    help: 'Alerts raised or escalated, by kind and severity.',
    labelNames: ['kind', 'severity'] as const,
    registers: [this.registry],
  });
  readonly subscribers = new Gauge({
    name: 'calmline_live_subscribers',
    help: 'Open live (WebSocket) connections on this node.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Requests in flight and those turned away (http/overload), read when /metrics is scraped. */
  watchInFlight(inFlight: InFlight): void {
    new Gauge({
      name: 'calmline_http_requests_in_flight',
      help: 'Requests being handled now (live sockets, health checks and metrics not counted).',
      registers: [this.registry],
      collect() {
        this.set(inFlight.current);
      },
    });
    new Counter({
      name: 'calmline_http_requests_shed_total',
      help: 'Requests answered 503 overloaded because too many were in flight.',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(inFlight.shed);
      },
    });
  }
}
