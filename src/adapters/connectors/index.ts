import type { Db } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { ConnectorFactory, PlatformConnector } from '../../ports/platform-connector.ts';
import { createBlueskyConnector } from './bluesky.ts';
import { createCityFeedConnector } from './city-feed.ts';
import { createFacebookConnector } from './facebook.ts';
import { createMastodonConnector } from './mastodon.ts';

export { connectorDescriptor, connectorCapabilities, listConnectors, connectorDescriptors } from './descriptors.ts';

export interface ConnectorOptions {
  db: Db;
  clock: Clock;
  /** Crier's public address (the City feed's entry links). */
  publicUrl: string;
  /** Bluesky PDS / entryway (CRIER_BLUESKY_SERVICE). */
  blueskyService?: string;
  /** How Bluesky replies are found (CRIER_BLUESKY_REPLIES): 'appview' (default) or 'pds'. */
  blueskyReplies?: 'appview' | 'pds';
  /** Facebook Graph API base (CRIER_FACEBOOK_GRAPH_URL). */
  facebookGraphUrl?: string;
  fetch?: typeof fetch;
}

/**
 * The connectors, by platform type. Each is built once and reads its platform's credentials from
 * the vault at each use (ConnectorAccount.secrets). A type with no case here has no connector:
 * the publisher records that rather than pretending to post.
 */
export function createConnectorFactory(options: ConnectorOptions): ConnectorFactory {
  const built = new Map<string, PlatformConnector | null>();
  const make = (type: string): PlatformConnector | null => {
    switch (type) {
      case 'city_feed':
        return createCityFeedConnector(options);
      case 'bluesky':
        return createBlueskyConnector({ service: options.blueskyService ?? 'https://bsky.social', replies: options.blueskyReplies, fetch: options.fetch });
      case 'mastodon':
        return createMastodonConnector({ fetch: options.fetch });
      case 'facebook':
        return createFacebookConnector({ graphUrl: options.facebookGraphUrl, fetch: options.fetch });
      default:
        return null;
    }
  };
  return (type) => {
    if (!built.has(type)) built.set(type, make(type));
    return built.get(type)!;
  };
}
