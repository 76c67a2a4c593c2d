import { BlockList, isIP } from 'node:net';
import { BadInputError } from '../errors/domain-error';

/**
 * Networks that are not the public internet: this host, private and carrier-grade NAT ranges,
 * link-local (where clouds serve instance metadata), benchmarking, multicast and reserved ones.
 * IPv4 rules match IPv4-mapped IPv6 addresses too (BlockList does that).
 */
const NON_PUBLIC_NETWORKS: [network: string, prefix: number, family: 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

/** A network in CIDR form (`10.1.2.0/24`, `fd00::/8`), or one address. */
export function parseNetwork(text: string): { network: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [network, prefixText] = text.trim().split('/');
  const version = isIP(network);
  if (!version) throw new Error(`"${text}" is not an IP network`);
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const longest = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? longest : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > longest) {
    throw new Error(`"${text}" has no valid prefix length (0 to ${longest})`);
  }
  return { network, prefix, family };
}

/**
 * Refused before connecting: the host's address is neither public nor among the allowed networks.
 * Bad input (someone configured that URL); the message leaves the resolved address out, so that
 * names inside the CSMS's own network cannot be probed through it.
 */
export class OutboundAddressRefused extends BadInputError {
  constructor(host: string) {
    super(
      `Outbound call to ${host} refused: not a public address (an operator may allow its network in OUTBOUND_ALLOWED_NETWORKS)`,
      { host },
    );
  }
}

/** Which addresses outbound calls may reach: public ones, and those of the allowed networks. */
export class OutboundAddressPolicy {
  private readonly nonPublic = new BlockList();
  private readonly allowed = new BlockList();

  constructor(allowedNetworks: readonly string[]) {
    for (const [network, prefix, family] of NON_PUBLIC_NETWORKS) {
      this.nonPublic.addSubnet(network, prefix, family);
    }
    for (const text of allowedNetworks) {
      const { network, prefix, family } = parseNetwork(text);
      this.allowed.addSubnet(network, prefix, family);
    }
  }

  permits(address: string): boolean {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    return !this.nonPublic.check(address, family) || this.allowed.check(address, family);
  }
}
