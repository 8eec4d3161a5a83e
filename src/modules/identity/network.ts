import { BlockList, isIP } from 'node:net';

/**
 * The City network allow-list (IV.C.15(c)–(d): City business only on City systems). CIDR ranges,
 * IPv4 and IPv6; a bare address means that one host. An empty list means "off".
 */
export interface NetworkAllowList {
  readonly enabled: boolean;
  allows(ip: string): boolean;
}

export class NetworkConfigError extends Error {}

/** An IPv4 address written as IPv4-mapped IPv6 (`::ffff:10.1.2.3`) is the IPv4 address. */
export function normalizeIp(ip: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return m ? m[1]! : ip;
}

export function createNetworkAllowList(ranges: readonly string[]): NetworkAllowList {
  const list = new BlockList();
  for (const raw of ranges) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = '', prefixText] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new NetworkConfigError(`CRIER_STAFF_NETWORKS: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!/^\d+$/.test(prefixText ?? String(max)) || prefix < 0 || prefix > max) {
      throw new NetworkConfigError(`CRIER_STAFF_NETWORKS: "${entry}" has a bad prefix length (0–${max})`);
    }
    list.addSubnet(address, prefix, type);
  }
  const enabled = ranges.some((r) => r.trim() !== '');
  return {
    enabled,
    allows(ip: string): boolean {
      if (!enabled) return true;
      const addr = normalizeIp(ip);
      const family = isIP(addr);
      if (family === 0) return false;
      return list.check(addr, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
