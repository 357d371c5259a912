export { createGateway, type GatewayOptions, type RunningGateway, type GatewayContext } from './gateway';
export { createTokenVerifier, clientAddress, clientKey, TokenError, type JwtSettings } from './auth';
export { composeSupergraph, CompositionError, type SubgraphDefinition } from './supergraph/compose';
export { loadGatewayConfig, DEV_JWT_SECRET } from './config';
export { checkLimits, DEFAULT_LIMITS, type QueryLimits } from './limits';
export { createOidcVerifier, personnelUrlFrom, IdentityUnavailable, type OidcSettings } from './oidc';
