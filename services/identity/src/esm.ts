/**
 * oidc-provider 9 is ESM-only and this workspace compiles to CommonJS; with `module: node16` this
 * stays a real dynamic import() (Node 20.19+ also allows require(esm), but jest does not).
 */
export async function loadOidcProvider(): Promise<typeof import('oidc-provider')> {
  return import('oidc-provider');
}
