import { createCore, type IdentityDeps } from './core.ts';
import { createLoginService } from './login.ts';
import { createMfaService } from './mfa.ts';
import type { OidcClient } from './oidc.ts';
import { createOidcService } from './oidc-flow.ts';
import { createSessionService } from './sessions.ts';

/**
 * Sign-in: local accounts (argon2id, lockout), database sessions (the HTTP tier stays stateless),
 * TOTP second factor for the roles the pack names, OpenID Connect, and the City network
 * allow-list (IV.C.15(c)–(d)). Also the HTTP session plugin's SessionResolver (`resolve`).
 */
export function createIdentityService(deps: IdentityDeps, options: { oidcClient?: OidcClient } = {}) {
  const core = createCore(deps);
  return {
    ...createSessionService(core),
    ...createLoginService(core),
    ...createMfaService(core),
    ...createOidcService(core, options.oidcClient),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
