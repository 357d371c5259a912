import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Logger } from 'pino';

/**
 * The one HTTP adapter under Apollo Server, shared by the subgraphs (server.ts) and the gateway:
 * plain Node HTTP, bounded bodies, a 500 for what a handler throws, and a draining stop.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** The request's headers as Apollo Server reads them. */
export function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** The body as text; throws BodyTooLarge past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes Apollo's answer (complete or incremental) after the caller's own headers. */
export async function sendGraphQLResult(res: ServerResponse, result: HTTPGraphQLResponse, status = result.status ?? 200): Promise<void> {
  res.statusCode = status;
  for (const [key, value] of result.headers) res.setHeader(key, value);
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

export interface HttpListener {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish, closes idle keep-alive connections. */
  close(): Promise<void>;
}

/** Listens with `handle`; a handler that throws answers 500 and is logged, never crashes the process. */
export async function listenHttp(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { port?: number; host?: string; log: Logger },
): Promise<HttpListener> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  // Above the usual load balancer idle timeout (60 s), so it never reuses a socket we just closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      return closed;
    },
  };
}
