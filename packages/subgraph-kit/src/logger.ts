import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Tokens, secrets, NIPs and birth dates never reach a log line: the
 * redaction list covers the places they could appear.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
        'token', '*.token', 'secret', '*.secret', 'password', '*.password',
        'nip', '*.nip', 'birthDate', '*.birthDate', 'variables', '*.variables',
        'headers["x-kinerja-identity"]', 'DATABASE_URL', '*.DATABASE_URL',
      ],
      censor: '[redacted]',
    },
  });
}
