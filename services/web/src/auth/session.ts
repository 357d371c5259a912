import type { SessionInfo } from '../config';

/**
 * The sign-in session lives on the web server (server/session.mjs): it is the OpenID Connect client
 * (authorization code + PKCE at the identity service, ARCHITECTURE.md "Trust and identity") and
 * adds the access token to /graphql and /files itself. The browser holds no token, in memory or in
 * storage; what it knows is who is signed in, from the page's boot data.
 */
let current: SessionInfo | null = null;
/** Set while leaving for sign-in or sign-out: nothing may start another navigation meanwhile. */
let leaving = false;
const listeners = new Set<(u: SessionInfo | null) => void>();

function publish(u: SessionInfo | null) {
  current = u;
  for (const l of listeners) l(u);
}

export function startSession(session: SessionInfo | null) {
  current = session;
}

export function onUserChange(listener: (u: SessionInfo | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentUser(): SessionInfo | null {
  return current;
}

/** Off to the identity service's sign-in page (through the web server); it comes back to `returnTo`. */
export function signIn(returnTo: string): void {
  if (leaving) return;
  leaving = true;
  const lang = document.documentElement.lang || 'id';
  window.location.assign(`/auth/login?${new URLSearchParams({ returnTo, lang })}`);
}

/**
 * Sign-out is a form post to the web server (never a link another site could fire): it drops the
 * session and sends the person on to the identity service, which ends its own session too. The
 * form is in the page (Shell), so it works before the app's script has run; once it is sent,
 * nothing may start another navigation.
 */
export function signingOut(): void {
  leaving = true;
}

/** The graph said the session is no longer good: back to sign-in, then to this page. */
export function sessionExpired(): void {
  publish(null);
  signIn(window.location.pathname + window.location.search);
}
