import type { DataSource } from 'typeorm';
import { backgroundQuery } from './background';
import type { RunningConsumer } from './consumer';
import { OUTBOX_TABLE } from './outbox';
import type { OutboxRelay } from './relay';

/**
 * Prometheus text for a service's /metrics (the subgraph kit's `metrics` option): the event path's
 * health where operators look. A stuck outbox shows as a growing `kinerja_outbox_oldest_pending_seconds`
 * while the graph keeps answering; a consumer's dead letters and retries as counters.
 */

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The outbox of this service's database and its relay (null relay: Kafka not configured). */
export function outboxMetrics(service: string, dataSource: DataSource, relay: OutboxRelay | null | undefined): () => Promise<string> {
  const s = `service="${label(service)}"`;
  return async () => {
    // Partial indexes on pending and on failed rows keep this cheap however many rows were sent.
    const [row] = await backgroundQuery<Array<{ pending: string; oldest: number | null; failed: string }>>(dataSource,
      `SELECT count(*) AS pending, extract(epoch FROM now() - min(created_at))::float8 AS oldest,
              (SELECT count(*) FROM ${OUTBOX_TABLE} WHERE failed_at IS NOT NULL) AS failed
         FROM ${OUTBOX_TABLE} WHERE sent_at IS NULL AND failed_at IS NULL`);
    const status = relay?.status();
    return [
      '# HELP kinerja_outbox_pending Outbox rows not yet published to Kafka.',
      '# TYPE kinerja_outbox_pending gauge',
      `kinerja_outbox_pending{${s}} ${Number(row?.pending ?? 0)}`,
      '# HELP kinerja_outbox_oldest_pending_seconds Age of the oldest unpublished outbox row (0 when none).',
      '# TYPE kinerja_outbox_oldest_pending_seconds gauge',
      `kinerja_outbox_oldest_pending_seconds{${s}} ${Math.max(0, Number(row?.oldest ?? 0))}`,
      '# HELP kinerja_outbox_failed Rows Kafka refused for good, set aside (failed_at) until an operator republishes them.',
      '# TYPE kinerja_outbox_failed gauge',
      `kinerja_outbox_failed{${s}} ${Number(row?.failed ?? 0)}`,
      '# HELP kinerja_outbox_relay_active 1 when this replica holds the relay lock and publishes.',
      '# TYPE kinerja_outbox_relay_active gauge',
      `kinerja_outbox_relay_active{${s}} ${status?.active ? 1 : 0}`,
      '# HELP kinerja_outbox_published_total Rows this replica published since it started.',
      '# TYPE kinerja_outbox_published_total counter',
      `kinerja_outbox_published_total{${s}} ${status?.published ?? 0}`,
      '# HELP kinerja_outbox_relay_consecutive_failures Failed publish attempts in a row (0 when the last succeeded).',
      '# TYPE kinerja_outbox_relay_consecutive_failures gauge',
      `kinerja_outbox_relay_consecutive_failures{${s}} ${status?.consecutiveFailures ?? 0}`,
      '',
    ].join('\n');
  };
}

/** A consumer's counts since it started (resolve `consumer` lazily: it may still be joining). */
export function consumerMetrics(service: string, consumer: () => RunningConsumer | null, groupId: string): () => Promise<string> {
  const s = `service="${label(service)}",group="${label(groupId)}"`;
  return async () => {
    const running = consumer();
    const c = running?.stats() ?? { processed: 0, duplicates: 0, deadLettered: 0, failures: 0 };
    return [
      '# HELP kinerja_consumer_events_total Events this consumer took, by outcome, since it started.',
      '# TYPE kinerja_consumer_events_total counter',
      `kinerja_consumer_events_total{${s},outcome="processed"} ${c.processed}`,
      `kinerja_consumer_events_total{${s},outcome="duplicate"} ${c.duplicates}`,
      `kinerja_consumer_events_total{${s},outcome="dead_lettered"} ${c.deadLettered}`,
      '# HELP kinerja_consumer_failures_total Handler or transaction failures (each retried, not skipped).',
      '# TYPE kinerja_consumer_failures_total counter',
      `kinerja_consumer_failures_total{${s}} ${c.failures}`,
      '# HELP kinerja_consumer_running 1 once the consumer is connected (it retries while Kafka is unreachable).',
      '# TYPE kinerja_consumer_running gauge',
      `kinerja_consumer_running{${s}} ${running ? 1 : 0}`,
      '',
    ].join('\n');
  };
}
