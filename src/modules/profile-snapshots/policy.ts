import type { RemoteProfile } from '../../ports/platform-connector.ts';

export interface ProfileDifference {
  field: 'displayName' | 'website' | 'description';
  registry: string | null;
  platform: string | null;
}

const norm = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Fields the registry records that the live profile states otherwise (a change made on the platform, outside Crier). */
export function profileDifferences(remote: RemoteProfile, registry: { displayName: unknown; websiteUrl: unknown; brandingText: unknown }): ProfileDifference[] {
  const pairs: [ProfileDifference['field'], unknown, unknown][] = [
    ['displayName', registry.displayName, remote.displayName],
    ['website', registry.websiteUrl, remote.website],
    ['description', registry.brandingText, remote.description],
  ];
  return pairs
    .filter(([, r, p]) => norm(r) !== null && norm(p) !== null && norm(r) !== norm(p))
    .map(([field, r, p]) => ({ field, registry: norm(r), platform: norm(p) }));
}
