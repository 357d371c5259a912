import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

export interface GraphProblem {
  code: string;
  reason?: string;
  message: string;
  messageId?: string;
  retryAfterSeconds?: number;
  extensions: Record<string, unknown>;
}

/** The first problem of an Apollo error, as data (never shown as is). */
export function problemOf(error: unknown): GraphProblem | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as Record<string, unknown>;
    return {
      code: typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR',
      ...(typeof ext.reason === 'string' ? { reason: ext.reason } : {}),
      message: first?.message ?? '',
      ...(typeof ext.messageId === 'string' ? { messageId: ext.messageId } : {}),
      ...(typeof ext.retryAfterSeconds === 'number' ? { retryAfterSeconds: ext.retryAfterSeconds } : {}),
      extensions: ext,
    };
  }
  if (ServerError.is(error)) {
    const code = error.statusCode === 401 ? 'UNAUTHENTICATED' : error.statusCode === 429 ? 'RATE_LIMITED' : error.statusCode >= 502 && error.statusCode <= 504 ? 'GATEWAY_UNAVAILABLE' : 'NETWORK';
    return { code, message: error.message, extensions: {} };
  }
  if (error instanceof Error && 'extensions' in error && typeof (error as { extensions: unknown }).extensions === 'object') {
    // A refused file request (lib/evidence.ts) carries the graph's error shape.
    const ext = (error as { extensions: Record<string, unknown> }).extensions;
    return {
      code: typeof ext.code === 'string' ? ext.code : 'UNKNOWN',
      message: error.message,
      ...(typeof ext.messageId === 'string' ? { messageId: ext.messageId } : {}),
      extensions: ext,
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), extensions: {} };
}

/**
 * A sentence in the reader's language for any graph error: the reason's or the code's text from
 * locales/*.json; in Indonesian the graph's own `messageId` where it has one. No raw code reaches the
 * screen (WEB.md "Principles").
 */
export function describeError(error: unknown, t: TFunction, language: string): string {
  const p = problemOf(error);
  if (!p) return '';
  if (p.reason && t(`errors.reason.${p.reason}`, { defaultValue: '' })) {
    return t(`errors.reason.${p.reason}`, { minutes: Math.max(1, Math.ceil((p.retryAfterSeconds ?? 60) / 60)) });
  }
  if (language === 'id' && p.messageId) return sentence(p.messageId);
  const generic = t(`errors.code.${p.code}`, { defaultValue: '' }) || t('errors.code.UNKNOWN');
  // English readers get the graph's own message for bad input: it names the field and the rule.
  if (language === 'en' && p.code === 'BAD_USER_INPUT' && p.message) return `${generic} ${sentence(p.message)}`;
  return generic;
}

function sentence(text: string): string {
  const s = text.trim();
  if (!s) return s;
  const first = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export const isConflict = (error: unknown) => problemOf(error)?.code === 'CONFLICT';
export const isUnauthenticated = (error: unknown) => problemOf(error)?.code === 'UNAUTHENTICATED';
