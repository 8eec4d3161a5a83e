import * as client from 'openid-client';
import type { OidcConfig } from '../../config/index.ts';
import { AppError } from '../../kernel/errors.ts';

/**
 * OpenID Connect relying party (authorization code + PKCE + nonce) through openid-client 6.
 * Cities mostly run Microsoft Entra ID; any conforming provider works. Discovery is done once,
 * lazily, and retried after a failure.
 */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** Authentication methods the IdP asserts (RFC 8176), e.g. ['pwd', 'mfa']. */
  amr: string[];
}

export interface OidcAuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClient {
  readonly label: string;
  start(): Promise<OidcAuthorizationRequest>;
  finish(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<OidcIdentity>;
}

export function createOidcClient(cfg: OidcConfig, redirectUri: string): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;

  function discover(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(new URL(cfg.issuer), cfg.clientId, cfg.clientSecret, undefined, cfg.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((e: unknown) => {
        configuration = undefined;
        throw new AppError('unavailable', 'The City sign-in service cannot be reached right now. Try again in a minute, or sign in with your password.', {
          internal: `OIDC discovery failed: ${e instanceof Error ? e.message : String(e)}`,
          cause: e,
        });
      });
    return configuration;
  }

  return {
    label: cfg.label,
    async start() {
      const config = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },
    async finish(callbackUrl, checks) {
      const config = await discover();
      let tokens;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (e) {
        const detail =
          e instanceof client.AuthorizationResponseError ? (e.error_description ?? e.error) : e instanceof Error ? e.message : String(e);
        throw new AppError('unauthenticated', 'The City sign-in service did not sign you in. Try again, or sign in with your password.', {
          internal: `OIDC callback failed: ${detail}`,
          cause: e,
        });
      }
      const claims = tokens.claims();
      if (!claims) throw new AppError('unauthenticated', 'The City sign-in service sent no identity.', { internal: 'no id_token claims' });
      // Providers that keep the ID token minimal (oidc-provider's default, for one) give the
      // email from the UserInfo endpoint instead.
      let profile: Record<string, unknown> = claims;
      if (typeof claims.email !== 'string') {
        try {
          profile = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
        } catch (e) {
          throw new AppError('unauthenticated', 'The City sign-in service did not say who you are.', { internal: `OIDC userinfo failed: ${String(e)}`, cause: e });
        }
      }
      const email = typeof profile.email === 'string' ? profile.email : null;
      // Entra ID does not send email_verified; its `xms_edov` optional claim says the email's
      // domain is verified by the tenant. Either counts as a verified email.
      const emailVerified = profile.email_verified === true || profile.xms_edov === true || profile.xms_edov === '1';
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email,
        emailVerified,
        name: typeof profile.name === 'string' ? profile.name : null,
        amr: Array.isArray(claims.amr) ? claims.amr.filter((x): x is string => typeof x === 'string') : [],
      };
    },
  };
}
