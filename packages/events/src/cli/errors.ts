/** A failure the CLI reports as one line on stderr (`kinerja-events: <message>`) with `exitCode`. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad arguments: exit 2, like most Unix tools. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(`${message} (see kinerja-events --help)`, 2);
    this.name = 'UsageError';
  }
}

/** The innermost useful message of a kafkajs error (they wrap the socket error in `cause`/`originalError`). */
export function rootMessage(error: unknown): string {
  let e: unknown = error;
  const seen = new Set<unknown>();
  let message = error instanceof Error ? error.message : String(error);
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if (e instanceof Error && e.message) message = e.message;
    const next = (e as { cause?: unknown; originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
    if (!next) break;
    e = next;
  }
  return message;
}

const CONNECTION_ERRORS = new Set(['KafkaJSConnectionError', 'KafkaJSNumberOfRetriesExceeded', 'KafkaJSBrokerNotFound', 'KafkaJSRequestTimeoutError', 'KafkaJSNonRetriableError', 'KafkaJSConnectionClosedError']);

/** Turns anything a Kafka call threw into a CliError; connection failures name the brokers and KAFKA_BROKERS. */
export function kafkaFailure(error: unknown, brokers: string[], doing: string): CliError {
  if (error instanceof CliError) return error;
  const name = error instanceof Error ? error.name : '';
  const text = rootMessage(error);
  if (CONNECTION_ERRORS.has(name) || /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|Connection timeout|Closed connection/i.test(text)) {
    return new CliError(`cannot reach Kafka at ${brokers.join(',')} (KAFKA_BROKERS) while ${doing}: ${text}`);
  }
  return new CliError(`${doing} failed: ${text}`);
}
