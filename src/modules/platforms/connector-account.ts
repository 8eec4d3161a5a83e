import type { ConnectorAccount } from '../../ports/platform-connector.ts';

type TokenFor = (platformId: string, kind: 'username' | 'password' | 'api_token', name?: string) => Promise<string>;

/** The account a connector acts on, its secrets read from the vault at each use (never cached here). */
export function connectorAccount(platform: { id: string; handle: string | null; url: string | null }, tokenFor: TokenFor): ConnectorAccount {
  return { platformId: platform.id, handle: platform.handle, url: platform.url, secrets: { get: (kind, name) => tokenFor(platform.id, kind, name) } };
}
