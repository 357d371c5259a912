import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The contract's error codes (CONTRACT.md, "Errors"). Every refusal is one of these. */
export type ErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'CONFLICT';

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Bad input: names the field and the rule; `messageId` carries the Indonesian text. */
export class BadInput extends DomainError {
  constructor(field: string, rule: string, messageId?: string) {
    super('BAD_USER_INPUT', `${field}: ${rule}`, { field, ...(messageId ? { messageId } : {}) });
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message, { messageId: 'Anda tidak berhak melakukan ini' });
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in first: this needs a valid token') {
    super('UNAUTHENTICATED', message, { messageId: 'Silakan masuk terlebih dahulu' });
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, key: string) {
    super('NOT_FOUND', `${entity} ${key} does not exist`, { entity, messageId: `${entity} tidak ditemukan` });
  }
}

export class Conflict extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE']);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flattenValidation(errors: ValidationErrorLike[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((c) => `${path}: ${c}`);
    return [...own, ...flattenValidation(e.children ?? [], path)];
  });
}

/**
 * Maps errors once for every subgraph: class-validator failures become BAD_USER_INPUT naming each
 * field; domain errors pass as they are; anything unexpected is logged by the caller and hidden.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })
    ?.extensions?.validationErrors ?? (original as { validationErrors?: ValidationErrorLike[] })?.validationErrors;
  if (Array.isArray(validationErrors) && validationErrors.length > 0) {
    const problems = flattenValidation(validationErrors);
    return {
      message: problems.join('; '),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', fields: problems, messageId: 'Masukan tidak valid' },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal error; it has been logged',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
