import type { Logger } from '@kinerja/subgraph-kit';
import type { DataSource } from 'typeorm';
import { postgresAdapter } from './adapter';
import { loadOidcProvider } from './esm';
import { pageHeaders } from './http';
import type { PrivateJwk } from './keys';
import { page, escapeHtml } from './pages/html';
import { pickLang, TEXTS, type Lang } from './pages/locales';
import { isActive, type PersonnelLookup } from './personnel';

export interface ClientConfig {
  client_id: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  client_name?: string;
}

export interface ProviderSettings {
  issuer: string;
  ds: DataSource;
  lookup: PersonnelLookup;
  keys: PrivateJwk[];
  cookieKeys: string[];
  clients: ClientConfig[];
  /** The resource indicator (RFC 8707) and audience of access tokens: the gateway. */
  resource: string;
  accessTokenTtlSeconds: number;
  sessionTtlSeconds: number;
  proxy: boolean;
  log: Logger;
}

/** Every origin the apps' redirect URIs point at: CORS for the token endpoint, CSP form-action. */
export function clientOrigins(clients: ClientConfig[]): string[] {
  const origins = new Set<string>();
  for (const c of clients) for (const u of [...c.redirect_uris, ...c.post_logout_redirect_uris]) origins.add(new URL(u).origin);
  return [...origins];
}

type KoaCtx = { body: unknown; status: number; type: string; set(h: Record<string, string>): void; query: Record<string, unknown>; get(h: string): string; oidc?: { client?: { clientName?: string } } };

const langOf = (ctx: KoaCtx): Lang => pickLang(typeof ctx.query.lang === 'string' ? ctx.query.lang : null, /kinerja_lang=(id|en)/.exec(ctx.get('cookie'))?.[1]);

/**
 * The OpenID Provider (oidc-provider, OpenID Certified): authorization code with PKCE (S256) only,
 * refresh tokens, RP-initiated logout, and access tokens for one resource, the gateway, as JWTs
 * of at most 15 minutes carrying `sub` (the employee id) and `nip`.
 */
export async function buildProvider(s: ProviderSettings) {
  const { default: Provider, errors } = await loadOidcProvider();
  const origins = clientOrigins(s.clients);
  const html = (ctx: KoaCtx, status: number, body: string) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.set(pageHeaders(origins));
    ctx.body = body;
  };
  const provider = new Provider(s.issuer, {
    adapter: postgresAdapter(s.ds),
    clients: s.clients.map((c) => ({
      ...c,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      application_type: 'web',
    })),
    async findAccount(_ctx: unknown, sub: string) {
      // Personnel decides who may hold a session: an employee no longer ACTIVE cannot refresh.
      const account = await s.lookup.byId(sub);
      if (!isActive(account)) return undefined;
      return {
        accountId: account.id,
        async claims() {
          return { sub: account.id, nip: account.nip, preferred_username: account.nip, name: account.name };
        },
      };
    },
    claims: { openid: ['sub'], profile: ['name', 'nip', 'preferred_username'] },
    scopes: ['openid', 'profile', 'offline_access'],
    cookies: { keys: s.cookieKeys },
    jwks: { keys: s.keys },
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaCtx, formHtml: string) {
          const lang = langOf(ctx);
          const t = TEXTS[lang];
          html(ctx, 200, page({
            lang, title: (x) => x.logoutTitle, toggleHref: `?lang=${lang === 'id' ? 'en' : 'id'}`,
            body: `<p>${escapeHtml(t.logoutQuestion)}</p>${formHtml}
<button type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(t.logoutYes)}</button>
<button type="submit" form="op.logoutForm" class="secondary">${escapeHtml(t.logoutNo)}</button>`,
          }));
        },
        async postLogoutSuccessSource(ctx: KoaCtx) {
          const lang = langOf(ctx);
          html(ctx, 200, page({ lang, title: (x) => x.logoutTitle, toggleHref: `?lang=${lang === 'id' ? 'en' : 'id'}`, body: `<p class="ok" role="status">${escapeHtml(TEXTS[lang].loggedOut)}</p>` }));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => s.resource,
        // Every access token is for the gateway, also when the token request names no resource.
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx: unknown, indicator: string) {
          if (indicator !== s.resource) throw new errors.InvalidTarget!('unknown resource indicator');
          return {
            scope: 'openid profile',
            audience: s.resource,
            accessTokenTTL: s.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    async extraTokenClaims(_ctx: unknown, token: { kind: string; accountId?: string }) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = await s.lookup.byId(token.accountId);
      return account ? { nip: account.nip } : undefined;
    },
    // Refresh tokens for the apps without offline_access: they expire with the session and end at logout.
    async issueRefreshToken(_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) {
      return client.grantTypeAllowed('refresh_token');
    },
    clientBasedCORS(_ctx: unknown, origin: string) {
      return origins.includes(origin);
    },
    ttl: {
      AccessToken: s.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: s.sessionTtlSeconds,
      Interaction: 15 * 60,
      Session: s.sessionTtlSeconds,
      Grant: 14 * 86_400,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async renderError(ctx: KoaCtx, out: { error?: string }) {
      const lang = langOf(ctx);
      const t = TEXTS[lang];
      html(ctx, ctx.status >= 400 ? ctx.status : 400, page({
        lang, title: (x) => x.errorTitle, toggleHref: `?lang=${lang === 'id' ? 'en' : 'id'}`,
        body: `<p class="error" role="alert">${escapeHtml(t.errorText)}</p><p class="hint">${escapeHtml(t.errorPrefix)}: <code>${escapeHtml(String(out.error ?? 'error'))}</code></p>`,
      }));
    },
  });
  provider.proxy = s.proxy;
  provider.on('server_error', (_ctx: unknown, err: Error) => s.log.error({ err }, 'oidc server error'));
  return provider;
}
