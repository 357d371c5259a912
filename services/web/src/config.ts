/**
 * What the web server tells the app with the page (server/serve.mjs, a JSON data block): who is
 * signed in (a name, never a token: the server keeps the session) and the data of the first screen
 * it already asked the graph for. `vite` in development serves a page without it: /auth/session.
 */
export interface SessionInfo {
  name: string;
  sub: string;
}

export interface Preloaded {
  operationName: string;
  variables: Record<string, unknown>;
  data: unknown;
}

export interface Boot {
  graphqlUrl: string;
  session: SessionInfo | null;
  preload: Preloaded[];
}

export async function loadBoot(doc: Document = document): Promise<Boot> {
  const block = doc.getElementById('kinerja-boot');
  if (block?.textContent) return JSON.parse(block.textContent) as Boot;
  const res = await fetch('/auth/session', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`/auth/session: HTTP ${res.status}`);
  return (await res.json()) as Boot;
}
