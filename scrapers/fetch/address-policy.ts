import ipaddr from 'ipaddr.js';

// Which IP addresses a URL someone supplied may reach. The ranges come from ipaddr.js; anything
// it does not call plain 'unicast' is refused, and IPv6 forms that carry an IPv4 address are
// judged by that address. An allow-list of CIDRs (TRACKEND_FETCH_ALLOW_PRIVATE) opens ranges.

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Why an address is refused, or null when it may be fetched. */
export type AddressPolicy = (address: string) => string | null;

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  private: 'a private address',
  uniqueLocal: 'a private (unique local) address',
  deprecatedSiteLocal: 'a private (site-local) address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  discard: 'a discard-only address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'a NAT64 local-use address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
};
const rangeWords = (range: string) => RANGE_WORDS[range] ?? `a reserved (${range}) address`;

// Every globally routable IPv6 unicast address IANA has allocated lies in 2000::/3.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
// The well-known NAT64 prefix: a DNS64 resolver on an IPv6-only host answers public IPv4 sites with it.
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

const v4FromParts = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 address an IPv6 address carries, with the name of the form that carries it. */
function embeddedIPv4(address: ipaddr.IPv6): { form: string; v4: ipaddr.IPv4; judgedAsV4: boolean } | null {
  const p = address.parts;
  const range = address.range();
  if (range === 'ipv4Mapped') return { form: 'an IPv4-mapped form', v4: address.toIPv4Address(), judgedAsV4: true };
  if (address.match(NAT64_WELL_KNOWN)) return { form: 'a NAT64 form', v4: v4FromParts(p[6]!, p[7]!), judgedAsV4: true };
  // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 are their own ranges.
  if (range === 'unicast' && p.slice(0, 6).every((part) => part === 0)) {
    return { form: 'an IPv4-compatible form', v4: v4FromParts(p[6]!, p[7]!), judgedAsV4: false };
  }
  if (range === 'rfc6145') return { form: 'an IPv4-translated form', v4: v4FromParts(p[6]!, p[7]!), judgedAsV4: false };
  if (range === '6to4') return { form: 'a 6to4 form', v4: v4FromParts(p[1]!, p[2]!), judgedAsV4: false };
  // Teredo carries the client's address with every bit inverted.
  if (range === 'teredo') return { form: 'a Teredo form', v4: v4FromParts(p[6]! ^ 0xffff, p[7]! ^ 0xffff), judgedAsV4: false };
  return null;
}

/** Why the address is refused by the built-in ranges alone, or null. */
function builtInRefusal(address: Address): string | null {
  if (address.kind() === 'ipv4') {
    const range = address.range();
    return range === 'unicast' ? null : rangeWords(range);
  }
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const inner = builtInRefusal(embedded.v4);
    const described = `${embedded.form} of ${embedded.v4.toString()}`;
    if (inner) return `${described}, ${inner}`;
    // Mapped and NAT64 forms reach that IPv4 address itself; the tunnelling forms are refused outright.
    return embedded.judgedAsV4 ? null : `${described} (a deprecated IPv6 transition address)`;
  }
  const range = v6.range();
  if (range !== 'unicast') return rangeWords(range);
  return v6.match(GLOBAL_UNICAST_V6) ? null : 'an address outside the global unicast range';
}

/** Parse an IP address as the WHATWG URL parser would read it (also [v6], 0x7f.1, 2130706433); null if it is none. */
export function parseAddress(text: string): Address | null {
  let bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // ipaddr.js reads "::a.b.c.d" as ::ffff:a.b.c.d; the URL parser and the OS read ::a.b.c.d.
  // (An address with a zone id, fe80::1%eth0, is no URL host and is read by ipaddr.js alone.)
  if (bare.includes(':') && URL.canParse(`http://[${bare}]/`)) bare = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : null;
}

/** An IPv4 or IPv6 CIDR in its plain form ("192.168.1.0/24", "fd00::/8"), or why it is not one. */
export function parseCidr(text: string): { cidr: [Address, number] } | { problem: string } {
  const value = text.trim();
  const [address, bits] = value.split('/');
  const plain = address !== undefined && (ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address));
  if (plain && bits === undefined) return { problem: `"${value}" is not a CIDR range (one address is ${value}/${value.includes(':') ? 128 : 32})` };
  if (!plain || bits === undefined || !/^\d{1,3}$/.test(bits) || !ipaddr.isValidCIDR(value)) {
    return { problem: `"${value}" is not a CIDR range such as 192.168.1.0/24 or fd00::/8` };
  }
  const cidr = ipaddr.parseCIDR(value);
  const network = cidr[0].kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(value) : ipaddr.IPv6.networkAddressFromCIDR(value);
  if (network.toString() !== cidr[0].toString()) {
    return { problem: `"${value}" has bits set past its prefix; did you mean ${network.toString()}/${cidr[1]}?` };
  }
  return { cidr };
}

/**
 * The policy for URLs people supply: refuse every address that is not plain public unicast,
 * except those inside `allowPrivate` (CIDRs, already validated by lib/env.ts).
 */
export function createAddressPolicy(allowPrivate: readonly string[] = []): AddressPolicy {
  const allowed = allowPrivate.map((text) => {
    const parsed = parseCidr(text);
    if ('problem' in parsed) throw new Error(parsed.problem);
    return parsed.cidr;
  });
  const inAllowList = (address: Address) => allowed.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));

  return (text) => {
    const address = parseAddress(text);
    if (!address) return 'not an IP address';
    if (inAllowList(address)) return null;
    // ::ffff:a.b.c.d is a connection to a.b.c.d, so the IPv4 allow-list covers it too.
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && inAllowList((address as ipaddr.IPv6).toIPv4Address())) {
      return null;
    }
    return builtInRefusal(address);
  };
}
