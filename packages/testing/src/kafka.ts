import { randomBytes } from 'node:crypto';

// The broker helpers live in @kinerja/events/testing (below the kit, so that package's own tests
// use them too); the services' tests get them from here.
export {
  closedPort, createTopics, deleteTopics, KAFKA_BROKERS, readTopic, readTopicUntil, startProxy, type ReadMessage, type ReadOptions,
} from '@kinerja/events/testing';

/** A topic prefix no other test file shares, so parallel files never read each other's events. */
export function uniqueTopicPrefix(label = 'test'): string {
  return `t.${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 20)}.${randomBytes(4).toString('hex')}.`;
}
