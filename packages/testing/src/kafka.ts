import { randomBytes } from 'node:crypto';

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

/** A topic prefix no other test file shares, so parallel files never read each other's events. */
export function uniqueTopicPrefix(label = 'test'): string {
  return `t.${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 20)}.${randomBytes(4).toString('hex')}.`;
}
