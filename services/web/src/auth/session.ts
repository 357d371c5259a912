import type { User, UserManager } from 'oidc-client-ts';
import type { RuntimeConfig } from '../config';

/**
 * The sign-in session: OpenID Connect authorization code + PKCE at the identity service
 * (ARCHITECTURE.md "Trust and identity"). Tokens live in memory only (never localStorage): a reload
 * asks the identity service again, which answers at once while its own session lasts.
 */
export interface ReturnState {
  returnTo: string;
}

let manager: UserManager | null = null;
let current: User | null = null;
/** Set while leaving for the identity service's logout: nothing may start a sign-in meanwhile. */
let signingOut = false;
const listeners = new Set<(u: User | null) => void>();

function publish(u: User | null) {
  current = u;
  for (const l of listeners) l(u);
}

export function onUserChange(listener: (u: User | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentUser(): User | null {
  return current && !current.expired ? current : null;
}

/** The access token for the gateway, or null when signed out or expired. */
export function accessToken(): string | null {
  return currentUser()?.access_token ?? null;
}

export async function userManager(config: RuntimeConfig): Promise<UserManager> {
  if (manager) return manager;
  // Loaded on first need: the citizen page never downloads the OIDC client.
  const { UserManager, WebStorageStateStore, InMemoryWebStorage } = await import('oidc-client-ts');
  const origin = window.location.origin;
  manager = new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: `${origin}/auth/callback`,
    // After RP-initiated logout the identity service returns to the app's root, which asks to sign in again.
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile offline_access',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: true,
    // Refresh tokens renew silently; no hidden iframe (the CSP forbids frames).
    monitorSession: false,
  });
  manager.events.addUserLoaded((u) => publish(u));
  manager.events.addUserUnloaded(() => publish(null));
  manager.events.addSilentRenewError(() => publish(null));
  manager.events.addAccessTokenExpired(() => publish(null));
  return manager;
}

/** Goes to the identity service's sign-in page; it comes back to `returnTo`. */
export async function signIn(config: RuntimeConfig, returnTo: string): Promise<void> {
  // signoutRedirect unloads the user before it navigates; a sign-in started on that (RequireSession)
  // would navigate too, win, and bring the person straight back signed in.
  if (signingOut) return;
  const m = await userManager(config);
  await m.signinRedirect({ state: { returnTo } satisfies ReturnState });
}

/** Finishes the sign-in on the callback page and answers where to go next. */
export async function completeSignIn(config: RuntimeConfig): Promise<string> {
  const m = await userManager(config);
  const user = await m.signinRedirectCallback();
  publish(user);
  const state = user.state as ReturnState | undefined;
  const to = state?.returnTo ?? '/';
  // Only paths of this app: never an open redirect.
  return to.startsWith('/') && !to.startsWith('//') ? to : '/';
}

/** RP-initiated logout: the identity service ends its session too, then sends the person back to /. */
export async function signOut(config: RuntimeConfig): Promise<void> {
  const m = await userManager(config);
  // The page leaves for the identity service, and the tokens (in memory) go with it.
  signingOut = true;
  try {
    await m.signoutRedirect(current?.id_token ? { id_token_hint: current.id_token } : {});
  } catch (error) {
    signingOut = false;
    throw error;
  }
}

/** The gateway said the token is no longer good: back to sign-in, then to this page. */
export async function sessionExpired(config: RuntimeConfig): Promise<void> {
  publish(null);
  await signIn(config, window.location.pathname + window.location.search);
}
