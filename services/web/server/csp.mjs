// The Content-Security-Policy of every page: scripts only from this origin (no 'unsafe-inline', no
// eval), connections to this origin only (/graphql, /files: the browser holds no token and never
// talks to the identity provider itself), forms posting here, and the sign-out form's redirect on to
// the identity provider. Styles allow inline attributes: Mantine sets
// CSS variables on elements; a style cannot run code.
export function contentSecurityPolicy({ oidcIssuer }) {
  const idp = new URL(oidcIssuer).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self' ${idp}`,
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
