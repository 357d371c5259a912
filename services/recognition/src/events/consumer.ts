import { startConsumer, type RunningConsumer } from '@kinerja/events';
import type { DirectoryClient, Logger } from '@kinerja/subgraph-kit';
import type { DataSource } from 'typeorm';
import { decideFromEvaluation, type DecideDependencies } from './evaluation-completed';

/** EVENTS.md: recognition reads kinerja.evaluation.completed.v1 as the consumer group "recognition". */
export const CONSUMER_GROUP = 'recognition';

export interface RecognitionConsumerOptions {
  dataSource: DataSource;
  brokers: string;
  /** Prefixes topics and the group (tests run isolated graphs on one broker); '' in production. */
  topicPrefix: string;
  directory: DirectoryClient;
  log: Logger;
}

export interface RecognitionConsumer {
  /** Resolves with the running consumer once it connected (null if stopped before that). */
  started: Promise<RunningConsumer | null>;
  stop(): Promise<void>;
}

const DIRECTORY_TIMEOUT_MS = 5000;

/** Position kinds from personnel, bounded in time: a hung call fails and the event is retried. */
export function positionKindFrom(directory: DirectoryClient): DecideDependencies['positionKindOf'] {
  return async (employeeId) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`personnel directory did not answer within ${DIRECTORY_TIMEOUT_MS} ms`)), DIRECTORY_TIMEOUT_MS);
    });
    try {
      const [profile] = await Promise.race([directory.profiles([employeeId]), timeout]);
      return profile?.positionKind ?? null;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Position kinds of many employees in one bounded directory call (a batch's `prepare`). */
export async function positionKindsOf(directory: DirectoryClient, employeeIds: string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0) return new Map();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`personnel directory did not answer within ${DIRECTORY_TIMEOUT_MS} ms`)), DIRECTORY_TIMEOUT_MS);
  });
  try {
    const profiles = await Promise.race([directory.profiles(ids), timeout]);
    return new Map(ids.map((id, i) => [id, profiles[i]?.positionKind ?? null]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the evaluation.completed consumer, retrying in the background while Kafka is unreachable:
 * the graph keeps answering, and events wait in Kafka until the consumer joins.
 */
export function startRecognitionConsumer(options: RecognitionConsumerOptions): RecognitionConsumer {
  const log = options.log.child({ component: 'recognition-consumer' });
  const deps: DecideDependencies = { positionKindOf: positionKindFrom(options.directory), log };
  let stopped = false;
  let wake: () => void = () => undefined;

  const started = (async (): Promise<RunningConsumer | null> => {
    let delay = 500;
    while (!stopped) {
      try {
        const consumer = await startConsumer({
          dataSource: options.dataSource,
          brokers: options.brokers,
          topicPrefix: options.topicPrefix,
          groupId: `${options.topicPrefix}${CONSUMER_GROUP}`,
          type: 'evaluation.completed',
          clientId: 'recognition',
          log,
          // One directory call per batch for the annual events' position kinds, instead of one per event.
          prepare: (envelopes) => positionKindsOf(options.directory, envelopes.filter((e) => e.data.cycle.periodType === 'ANNUAL').map((e) => e.data.employeeId)),
          handle: async (envelope, manager, meta) => {
            const kinds = meta.prepared as Map<string, string | null> | undefined;
            await decideFromEvaluation(envelope, manager, kinds ? { ...deps, positionKindOf: async (id) => (kinds.has(id) ? kinds.get(id) ?? null : deps.positionKindOf(id)) } : deps);
          },
        });
        if (stopped) {
          await consumer.stop();
          return null;
        }
        void consumer.ready.then(() => log.info({ topic: consumer.topic, groupId: `${options.topicPrefix}${CONSUMER_GROUP}` }, 'evaluation.completed consumer joined its group'));
        return consumer;
      } catch (error) {
        log.warn({ err: error, retryInMs: delay }, 'evaluation.completed consumer could not start; retrying');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => { clearTimeout(timer); resolve(); };
        });
        delay = Math.min(10_000, delay * 2);
      }
    }
    return null;
  })();

  return {
    started,
    async stop() {
      stopped = true;
      wake();
      const consumer = await started;
      await consumer?.stop();
    },
  };
}
