import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './logger';

/**
 * Apollo Server plugins the subgraphs and the gateway share: the response extensions a request
 * collected, and the one log line per request.
 */

/** Merges what `extensionsOf` collected during the request into the response's `extensions`. */
export function responseExtensionsPlugin<C extends BaseContext>(extensionsOf: (ctx: C) => Record<string, unknown> | undefined): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const extra = extensionsOf(contextValue);
          if (!extra || Object.keys(extra).length === 0 || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, ...extra };
        },
      };
    },
  };
}

export interface RequestLogOptions {
  /** Statements run so far (a subgraph's counted DataSource): the line gets `sql`, this request's share. */
  statements?: () => number;
  /** Logs, at error, each error without a code or with INTERNAL_SERVER_ERROR (a subgraph's own bugs). */
  unexpectedErrors?: boolean;
}

/** One info line per GraphQL request: its id, operation, caller, duration, statements and error count. */
export function requestLogPlugin<C extends BaseContext & { requestId?: string; identity?: { employeeId?: string | null } }>(
  log: Logger, options: RequestLogOptions = {},
): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const sqlBefore = options.statements?.();
      return {
        ...(options.unexpectedErrors ? {
          async didEncounterErrors({ errors }) {
            for (const error of errors) {
              const code = error.extensions?.code;
              if (!code || code === 'INTERNAL_SERVER_ERROR') {
                log.error({ requestId: contextValue.requestId, err: error.originalError ?? error }, 'unexpected error');
              }
            }
          },
        } : {}),
        async willSendResponse({ operationName, errors }) {
          log.info({
            requestId: contextValue.requestId,
            operation: operationName ?? undefined,
            employeeId: contextValue.identity?.employeeId ?? undefined,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            sql: options.statements && sqlBefore !== undefined ? options.statements() - sqlBefore : undefined,
            errors: errors?.length ?? 0,
          }, 'graphql request');
        },
      };
    },
  };
}
