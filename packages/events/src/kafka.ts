// The Kafka client for the whole repo. Services get their Kafka from here, never from kafkajs
// directly, so the client (kafkajs 2.2.4, unmaintained since 2023) can be swapped in one place.
import { Kafka, logLevel as LogLevel } from 'kafkajs';
import type { KafkaConfig, logCreator as LogCreator, LogEntry } from 'kafkajs';

export { Kafka, LogLevel as logLevel };
export type { Admin, Consumer, EachMessagePayload, KafkaConfig, KafkaMessage, Producer } from 'kafkajs';

export const DEFAULT_BROKERS = '127.0.0.1:9092';

/**
 * Parses a broker list such as KAFKA_BROKERS ("host:port,host:port"; spaces and an optional
 * PLAINTEXT:// prefix allowed). An empty or missing value gives `fallback` (127.0.0.1:9092).
 */
export function parseBrokers(env: string | undefined | null, fallback: string = DEFAULT_BROKERS): string[] {
  const source = env && env.trim() ? env : fallback;
  const brokers = source
    .split(/[,\s]+/)
    .map((b) => b.trim().replace(/^[a-z_]+:\/\//i, ''))
    .filter(Boolean);
  if (!brokers.length) throw new Error(`no Kafka brokers in ${JSON.stringify(env)}`);
  for (const b of brokers) {
    const m = /^(\[[0-9a-f:]+\]|[^:\s]+):(\d{1,5})$/i.exec(b);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
      throw new Error(`invalid Kafka broker "${b}": expected host:port (from ${JSON.stringify(env)})`);
    }
  }
  return brokers;
}

const PINO_LEVEL: Record<number, number> = {
  [LogLevel.ERROR]: 50,
  [LogLevel.WARN]: 40,
  [LogLevel.INFO]: 30,
  [LogLevel.DEBUG]: 20,
};

function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  return value;
}

/**
 * kafkajs log lines as one JSON object per line on stderr, pino-shaped (level number, time, msg),
 * so they sit beside the services' own logs. kafkajs itself drops entries above the chosen level.
 */
export function jsonLogCreator(clientId: string): LogCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp, logger: _logger, ...extra } = log;
      const line: Record<string, unknown> = {
        level: PINO_LEVEL[level] ?? 30,
        time: Date.parse(timestamp) || Date.now(),
        name: 'kafkajs',
        clientId,
        namespace,
        msg: message,
        ...extra,
      };
      let text: string;
      try {
        text = JSON.stringify(line, jsonSafe);
      } catch {
        text = JSON.stringify({ level: line.level, time: line.time, name: 'kafkajs', clientId, namespace, msg: String(message) });
      }
      process.stderr.write(`${text}\n`);
    };
}

export interface CreateKafkaOptions extends Omit<KafkaConfig, 'brokers' | 'clientId' | 'logLevel' | 'logCreator'> {
  /** "host:port,host:port" (e.g. process.env.KAFKA_BROKERS) or a list. */
  brokers: string | string[];
  clientId: string;
  /** kafkajs's level; default WARN (warnings and errors only). */
  logLevel?: LogLevel;
}

/** A kafkajs client with a quiet JSON logger (WARN and up, to stderr). */
export function createKafka({ brokers, clientId, logLevel, ...rest }: CreateKafkaOptions): Kafka {
  // kafkajs 2.x warns once per producer that its default partitioner changed in 2.0.0; we want the
  // new (Java-compatible murmur2) default, so the warning is noise.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  return new Kafka({
    ...rest,
    clientId,
    brokers: typeof brokers === 'string' ? parseBrokers(brokers) : brokers.flatMap((b) => parseBrokers(b)),
    logLevel: logLevel ?? LogLevel.WARN,
    logCreator: jsonLogCreator(clientId),
  });
}
