import { describe, expect, it } from 'vitest';
import { createNetworkAllowList } from './network.ts';

describe('City network allow-list', () => {
  it('is off when no ranges are configured', () => {
    const l = createNetworkAllowList([]);
    expect(l.enabled).toBe(false);
    expect(l.allows('203.0.113.9')).toBe(true);
  });

  it('[IV.C.15(c)] allows only addresses inside the City ranges, IPv4 and IPv6', () => {
    const l = createNetworkAllowList(['10.20.0.0/16', '2001:db8:c17::/48', '192.0.2.7']);
    expect(l.allows('10.20.3.4')).toBe(true);
    expect(l.allows('::ffff:10.20.3.4')).toBe(true);
    expect(l.allows('10.21.0.1')).toBe(false);
    expect(l.allows('192.0.2.7')).toBe(true);
    expect(l.allows('192.0.2.8')).toBe(false);
    expect(l.allows('2001:db8:c17:1::5')).toBe(true);
    expect(l.allows('2001:db8:c18::5')).toBe(false);
    expect(l.allows('garbage')).toBe(false);
  });

  it('refuses a malformed range at start-up', () => {
    expect(() => createNetworkAllowList(['10.0.0.0/33'])).toThrow(/prefix/);
    expect(() => createNetworkAllowList(['city-hall'])).toThrow(/not an IP/);
  });
});
