import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export type Format = 'json' | 'csv';

export interface Common {
  /** Prepended to every topic name (KAFKA_TOPIC_PREFIX or --prefix); tests use a unique one. */
  prefix: string;
  /** KAFKA_BROKERS or --brokers, unparsed. */
  brokers: string | undefined;
}

export type Command =
  | { command: 'help' }
  | ({ command: 'topics'; format: Format | 'table' } & Common)
  | ({ command: 'tail'; topic: string; fromBeginning: boolean; group: string | undefined; format: Format } & Common)
  | ({ command: 'export'; topic: string; since: Date; until: Date | undefined; format: Format; output: string | undefined } & Common);

export const USAGE = `kinerja-events: read Kinerja's domain event streams from Kafka

usage:
  kinerja-events topics [--format table|json|csv]
      every topic of the catalog: partitions, JSON Schema file, message count on the broker
  kinerja-events tail <topic> [--from-beginning] [--group NAME] [--format json|csv]
      one line per event, validated against the topic's schema (invalid ones flagged, never dropped);
      without --group an ephemeral group kinerja-events-<random> is used and deleted on exit (Ctrl-C)
  kinerja-events export <topic> --since DATE [--until DATE] [--format csv|json] [--output FILE]
      events with since <= occurredAt < until, up to the end of the topic as it was at start;
      a date (YYYY-MM-DD) is local midnight and --until DATE includes that whole day;
      an ISO time (2025-03-01T08:00:00+07:00) is exact; progress on stderr

options: --prefix P (or KAFKA_TOPIC_PREFIX), --brokers host:port,... (or KAFKA_BROKERS, default 127.0.0.1:9092)
<topic> is a topic name (kinerja.evaluation.completed.v1) or an event type (evaluation.completed).
`;

const ALLOWED: Record<string, string[]> = {
  topics: ['format', 'prefix', 'brokers'],
  tail: ['from-beginning', 'group', 'format', 'prefix', 'brokers'],
  export: ['since', 'until', 'format', 'output', 'prefix', 'brokers'],
};

/**
 * A DATE argument: YYYY-MM-DD is midnight local time (TZ) — or, with `endOfDay`, the next
 * midnight, so `--until 2025-03-31` includes the 31st; anything else must be an ISO date-time.
 */
export function parseDate(value: string, option: string, endOfDay = false): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(y, m - 1, d + (endOfDay ? 1 : 0));
    const check = new Date(y, m - 1, d);
    if (check.getFullYear() !== y || check.getMonth() !== m - 1 || check.getDate() !== d) throw new UsageError(`--${option}: ${value} is not a date`);
    return date;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${option}: expected YYYY-MM-DD or an ISO date-time, got "${value}"`);
  }
  return new Date(value);
}

function format<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--format must be ${allowed.join(' or ')}, got "${value}"`);
  return value as T;
}

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv = {}): Command {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'from-beginning': { type: 'boolean' },
        group: { type: 'string' },
        format: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        output: { type: 'string', short: 'o' },
        prefix: { type: 'string' },
        brokers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError('missing command: topics, tail or export');
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`unknown command "${command}": expected topics, tail or export`);
  for (const key of Object.keys(values)) {
    if (!allowed.includes(key)) throw new UsageError(`${command} does not take --${key}`);
  }
  const common: Common = {
    prefix: values.prefix ?? env.KAFKA_TOPIC_PREFIX ?? '',
    brokers: values.brokers ?? env.KAFKA_BROKERS,
  };
  if (command === 'topics') {
    if (rest.length) throw new UsageError(`topics takes no arguments, got "${rest.join(' ')}"`);
    return { command, format: format(values.format, ['table', 'json', 'csv'] as const, 'table'), ...common };
  }
  const [topic, ...extra] = rest;
  if (!topic) throw new UsageError(`${command} needs a <topic>`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra.join(' ')}"`);
  if (values.group !== undefined && !values.group.trim()) throw new UsageError('--group must not be empty');
  if (command === 'tail') {
    return { command, topic, fromBeginning: values['from-beginning'] ?? false, group: values.group, format: format(values.format, ['json', 'csv'] as const, 'json'), ...common };
  }
  if (!values.since) throw new UsageError('export needs --since DATE');
  const since = parseDate(values.since, 'since');
  const until = values.until === undefined ? undefined : parseDate(values.until, 'until', true);
  if (until && until.getTime() <= since.getTime()) throw new UsageError(`--until (${until.toISOString()}) must be after --since (${since.toISOString()})`);
  if (values.output !== undefined && !values.output.trim()) throw new UsageError('--output must not be empty');
  return { command: 'export', topic, since, until, format: format(values.format, ['csv', 'json'] as const, 'csv'), output: values.output, ...common };
}
