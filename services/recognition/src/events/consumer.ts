import { startConsumer, startConsumerInBackground, type RunningConsumer } from '@kinerja/events';
import { kafkaClientId, type DirectoryClient, type Logger } from '@kinerja/subgraph-kit';
import type { DataSource } from 'typeorm';
import { decideBatch, type DecideDependencies, type EmployeeFacts } from './evaluation-completed';

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

/** Position kinds of many employees in one directory call, bounded in time: a hung call fails and the batch is retried. */
export async function positionKindsOf(directory: DirectoryClient, employeeIds: string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0) return new Map();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`personnel directory did not answer within ${DIRECTORY_TIMEOUT_MS} ms`)), DIRECTORY_TIMEOUT_MS);
  });
  try {
    const kinds = await Promise.race([directory.positionKinds(ids), timeout]);
    return new Map(ids.map((id, i) => [id, kinds[i] ?? null]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Position kind, employment type (PNS/PPPK: promotion is for PNS only) and position title (the
 * functional jenjang gives the credit-point coefficient) of many employees in one directory call, bounded in time.
 */
export async function employeeFactsOf(directory: DirectoryClient, employeeIds: string[]): Promise<Map<string, EmployeeFacts>> {
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0) return new Map();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`personnel directory did not answer within ${DIRECTORY_TIMEOUT_MS} ms`)), DIRECTORY_TIMEOUT_MS);
  });
  try {
    const data = await Promise.race([directory.query<{ _entities: Array<{ positionTitle?: string; accessProfile?: { positionKind: string; employmentType: string } } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { positionTitle accessProfile { positionKind employmentType } } } }`,
      { r: ids.map((id) => ({ __typename: 'Employee', id })) },
    ), timeout]);
    return new Map(ids.map((id, i) => {
      const e = data._entities[i];
      const type = e?.accessProfile?.employmentType;
      return [id, { positionKind: e?.accessProfile?.positionKind ?? null, employmentType: type === 'PNS' || type === 'PPPK' ? type : null, positionTitle: e?.positionTitle ?? null }];
    }));
  } finally {
    clearTimeout(timer);
  }
}

/** The directory's facts as the decisions use them. */
export function employeeFactsFrom(directory: DirectoryClient): NonNullable<DecideDependencies['employeeFactsOf']> {
  return (employeeIds) => employeeFactsOf(directory, employeeIds);
}

/** The directory as the decisions use it. */
export function positionKindsFrom(directory: DirectoryClient): DecideDependencies['positionKindsOf'] {
  return (employeeIds) => positionKindsOf(directory, employeeIds);
}

/** The decisions' dependencies using the facts the batch's `prepare` fetched; the directory only for others. */
function withPrepared(deps: DecideDependencies, prepared: unknown): DecideDependencies {
  if (!(prepared instanceof Map) || !deps.employeeFactsOf) return deps;
  const known = prepared as Map<string, EmployeeFacts>;
  const ask = deps.employeeFactsOf;
  return {
    ...deps,
    employeeFactsOf: async (ids) => {
      const missing = ids.filter((id) => !known.has(id));
      const asked = missing.length > 0 ? await ask(missing) : new Map<string, EmployeeFacts>();
      return new Map(ids.map((id) => [id, known.get(id) ?? asked.get(id) ?? { positionKind: null, employmentType: null, positionTitle: null }]));
    },
  };
}

/**
 * Starts the evaluation.completed consumer, retrying in the background while Kafka is unreachable:
 * the graph keeps answering, and events wait in Kafka until the consumer joins.
 */
export function startRecognitionConsumer(options: RecognitionConsumerOptions): RecognitionConsumer {
  const log = options.log.child({ component: 'recognition-consumer' });
  const deps: DecideDependencies = { positionKindsOf: positionKindsFrom(options.directory), employeeFactsOf: employeeFactsFrom(options.directory), log };
  const groupId = `${options.topicPrefix}${CONSUMER_GROUP}`;
  return startConsumerInBackground(async () => {
    const consumer = await startConsumer({
      dataSource: options.dataSource,
      brokers: options.brokers,
      topicPrefix: options.topicPrefix,
      groupId,
      type: 'evaluation.completed',
      clientId: kafkaClientId('recognition', 'consumer'),
      log,
      // The directory call for the batch's annual events runs before its transaction, not inside it.
      prepare: (envelopes) => employeeFactsOf(options.directory, envelopes.filter((e) => e.data.cycle.periodType === 'ANNUAL').map((e) => e.data.employeeId)),
      // A batch of a partition's events decided in a handful of statements.
      handleBatch: async (events, manager) => {
        await decideBatch(events.map((e) => e.envelope), manager, withPrepared(deps, events[0]?.meta.prepared));
      },
    });
    void consumer.ready.then(() => log.info({ topic: consumer.topic, groupId }, 'evaluation.completed consumer joined its group'));
    return consumer;
  }, log, 'evaluation.completed');
}
