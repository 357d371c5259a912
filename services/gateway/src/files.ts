import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { IDENTITY_HEADER, signIdentity, type Identity, type Logger } from '@kinerja/subgraph-kit';

/**
 * File routes of subgraphs behind the gateway (README, "Evidence files"): `/files/<subgraph>/...` is
 * forwarded to that subgraph's `/files/...` with the caller's verified identity signed as for
 * GraphQL. Only subgraphs that serve files are listed; the body streams through (the subgraph
 * enforces its own size and type limits).
 */
export const FILE_SUBGRAPHS = ['goals'];

/** A subgraph's URL as the supergraph records it (join__graph). */
export function subgraphUrlOf(supergraphSdl: string, name: string): string | null {
  const m = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl);
  return m ? (m[1] as string) : null;
}

export function forwardFile(
  req: IncomingMessage, res: ServerResponse, o: { subgraphUrl: string; rest: string; search: string; identity: Identity; secret: string; log: Logger; cors: Record<string, string> },
): Promise<void> {
  const target = new URL(o.subgraphUrl);
  const headers: Record<string, string> = { [IDENTITY_HEADER]: signIdentity(o.identity, o.secret) };
  for (const h of ['content-type', 'content-length', 'x-file-name']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  return new Promise<void>((resolve) => {
    const upstream = httpRequest({
      // One connection per file request: an early answer (403, 413) never leaves a half-read body on a pooled socket.
      host: target.hostname, port: target.port, method: req.method, path: `/files/${o.rest}${o.search}`, headers, agent: false,
    }, (answer) => {
      const out: Record<string, string> = { ...o.cors };
      for (const h of ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'cache-control', 'etag']) {
        const v = answer.headers[h];
        if (typeof v === 'string') out[h] = v;
      }
      res.writeHead(answer.statusCode ?? 502, out);
      // An early answer (403, 413) while the client still sends: drain the rest so the client reads it.
      answer.on('end', () => req.resume());
      answer.pipe(res);
      answer.on('end', () => resolve());
      answer.on('error', () => resolve());
    });
    upstream.on('error', (err) => {
      o.log.warn({ err }, 'file route: the subgraph did not answer');
      req.resume();
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json', ...o.cors });
      res.end(JSON.stringify({ errors: [{ message: 'The file service did not answer', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      resolve();
    });
    req.pipe(upstream);
  });
}
