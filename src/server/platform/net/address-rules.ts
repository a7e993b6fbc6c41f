// Which IP addresses outbound HTTP may reach: public unicast only. Private, loopback, link-local,
// CGNAT, multicast, reserved and documentation ranges are refused, in IPv4 and IPv6 (ULA, link-local,
// Teredo, IPv4-translated, local-use NAT64, and IPv4 addresses embedded in IPv6: mapped, NAT64, 6to4).
import net from 'node:net';

const blockedV4: [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const blockedV6: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved'],
  ['::ffff:0:0:0', 96, 'IPv4-translated'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 32, 'Teredo'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

function listOf(ranges: [string, number, string][], type: 'ipv4' | 'ipv6'): { list: net.BlockList; reason: (ip: string) => string | null }[] {
  return ranges.map(([address, prefix, reason]) => {
    const list = new net.BlockList();
    list.addSubnet(address, prefix, type);
    return { list, reason: (ip: string) => (list.check(ip, type) ? reason : null) };
  });
}

const v4Checks = listOf(blockedV4, 'ipv4');
const v6Checks = listOf(blockedV6, 'ipv6');

/** Expands an IPv6 address to its eight 16-bit groups (null when it is not one). */
function groupsOf(ip: string): number[] | null {
  if (net.isIPv6(ip) === false) return null;
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(fill).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const v4From = (high: number, low: number): string => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 address an IPv6 address carries (IPv4-mapped, NAT64, 6to4), if any. */
export function embeddedIPv4(ip: string): string | null {
  const g = groupsOf(ip);
  if (!g) return null;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = g;
  const zeros = (list: (number | undefined)[]) => list.every((x) => x === 0);
  if (zeros([g0, g1, g2, g3, g4]) && g5 === 0xffff) return v4From(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && zeros([g2, g3, g4, g5])) return v4From(g6, g7);
  if (g0 === 0x2002) return v4From(g1 ?? 0, g2 ?? 0);
  return null;
}

/** Why outbound HTTP must not reach this address, or null when it is public. Not an IP address: refused. */
export function blockedAddressReason(ip: string): string | null {
  // A zone (fe80::1%eth0) says which interface, not which address: checked without it.
  const bare = (ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip).replace(/%.*$/, '');
  if (net.isIPv4(bare)) {
    for (const check of v4Checks) {
      const reason = check.reason(bare);
      if (reason) return `${reason} address`;
    }
    return null;
  }
  if (net.isIPv6(bare)) {
    const inner = embeddedIPv4(bare);
    if (inner !== null) {
      const reason = blockedAddressReason(inner);
      return reason ? `${reason} (inside an IPv6 address)` : null;
    }
    for (const check of v6Checks) {
      const reason = check.reason(bare);
      if (reason) return `${reason} address`;
    }
    return null;
  }
  return 'not an IP address';
}

export const isPublicAddress = (ip: string): boolean => blockedAddressReason(ip) === null;

/** Whether the URL's host is on the allow list (host names compared in lower case, IPv6 without brackets). */
export function isAllowedHost(hostname: string, allowHosts: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return allowHosts.some((allowed) => allowed.replace(/^\[|\]$/g, '') === host);
}
