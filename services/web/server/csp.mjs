// The Content-Security-Policy of every page: scripts only from this origin (no 'unsafe-inline', no
// eval), connections to this origin (/graphql) and the identity provider (token endpoint), forms
// posting only here and to the identity provider. Styles allow inline attributes: Mantine sets
// CSS variables on elements; a style cannot run code.
export function contentSecurityPolicy({ oidcIssuer }) {
  const idp = new URL(oidcIssuer).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${idp}`,
    `form-action 'self' ${idp}`,
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
