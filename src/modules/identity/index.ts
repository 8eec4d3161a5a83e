export { createIdentityService } from './service.ts';
export type { IdentityService } from './service.ts';
export type { ActorFor, IdentityDeps, MfaState, RequestMeta, SignInResult } from './core.ts';
export { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './core.ts';
export type { IdentitySession, SessionView } from './sessions.ts';
export { OIDC_CALLBACK_PATH } from './oidc-flow.ts';
export { identityPolicy } from './policy.ts';
export { checkNewPassword, MIN_PASSWORD_LENGTH, COMMON_PASSWORDS } from './passwords.ts';
export { createNetworkAllowList, NetworkConfigError } from './network.ts';
