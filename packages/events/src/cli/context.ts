import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { EVENTS, type EventType } from '../catalog';
import { createKafka, logLevel, parseBrokers, type Admin, type Kafka } from '../kafka';
import { CliError, kafkaFailure, UsageError } from './errors';

/** What a command needs from the outside world; the bin passes the process's, tests their own. */
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: the command leaves its group and returns. */
  signal: AbortSignal;
  cwd: string;
  /** stderr is a terminal: progress rewrites one line (\r) instead of printing a line per update. */
  stderrIsTTY?: boolean;
}

export const SCHEMA_DIR = resolve(__dirname, '..', '..', 'schemas');
/** The analysts' short connection timeout: an unreachable broker fails in seconds, not minutes. */
export const CONNECTION_TIMEOUT_MS = 5000;

export function schemaFile(type: EventType, cwd: string): string {
  const path = join(SCHEMA_DIR, `${EVENTS[type].topic}.schema.json`);
  const rel = relative(cwd, path);
  if (!existsSync(path)) return '-';
  // Relative when run inside the repo (npx kinerja-events from the root), else absolute.
  return rel.startsWith('..') ? path : rel;
}

export interface CliKafka {
  kafka: Kafka;
  brokers: string[];
}

export function cliKafka(brokersText: string | undefined): CliKafka {
  let brokers: string[];
  try {
    brokers = parseBrokers(brokersText);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // kafkajs logs nothing: every failure becomes one line of ours.
  const kafka = createKafka({
    brokers,
    clientId: 'kinerja-events-cli',
    logLevel: logLevel.NOTHING,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: 15_000,
    retry: { retries: 2, initialRetryTime: 300, maxRetryTime: 2000 },
  });
  return { kafka, brokers };
}

export interface ResolvedTopic {
  type: EventType;
  /** The topic on the broker, prefix included. */
  name: string;
}

/** `kinerja.evaluation.completed.v1`, its prefixed name, or `evaluation.completed` → the catalog entry. */
export function resolveTopic(arg: string, prefix: string): ResolvedTopic {
  const types = Object.keys(EVENTS) as EventType[];
  const bare = prefix && arg.startsWith(prefix) ? arg.slice(prefix.length) : arg;
  const type = types.find((t) => t === bare || EVENTS[t].topic === bare);
  if (!type) throw new CliError(`unknown topic "${arg}": known topics are ${types.map((t) => EVENTS[t].topic).join(', ')}`);
  return { type, name: `${prefix}${EVENTS[type].topic}` };
}

export async function connectAdmin({ kafka, brokers }: CliKafka): Promise<Admin> {
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    await admin.disconnect().catch(() => undefined);
    throw kafkaFailure(error, brokers, 'connecting');
  }
  return admin;
}

/** Fails with one clear line when the topic is not on the broker (no auto-creation by reading). */
export async function assertTopicExists(admin: Admin, topic: string, cli: CliKafka): Promise<void> {
  let names: string[];
  try {
    names = await admin.listTopics();
  } catch (error) {
    throw kafkaFailure(error, cli.brokers, 'listing topics');
  }
  if (!names.includes(topic)) {
    throw new CliError(`topic "${topic}" does not exist on ${cli.brokers.join(',')} (create the topics: node infra/kafka/kafka.mjs topics)`);
  }
}

/** Writes respecting backpressure; resolves false when the stream is gone (e.g. `| head` closed it). */
export async function writeOut(stream: Writable, text: string): Promise<boolean> {
  if (stream.destroyed || stream.writableEnded) return false;
  if (stream.write(text)) return true;
  return new Promise<boolean>((resolveWrite) => {
    const done = (ok: boolean) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onClose);
      resolveWrite(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onClose);
  });
}

/** Resolves when the signal aborts (immediately if it already did). */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((r) => {
    if (signal.aborted) return r();
    signal.addEventListener('abort', () => r(), { once: true });
  });
}
