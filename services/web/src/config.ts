/** What the server tells the app at run time (server/serve.mjs, /config.json): one build, any regency. */
export interface RuntimeConfig {
  oidcAuthority: string;
  oidcClientId: string;
  graphqlUrl: string;
}

export async function loadConfig(): Promise<RuntimeConfig> {
  const res = await fetch('/config.json', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return (await res.json()) as RuntimeConfig;
}
