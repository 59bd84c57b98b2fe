import { describe, expect, it } from 'vitest';
import { createAddressPolicy, parseAddress, parseCidr } from './address-policy';

const policy = createAddressPolicy();

describe('address policy: refused by default', () => {
  it.each([
    // IPv4 loopback in every spelling the URL parser accepts
    ['127.0.0.1', 'a loopback address'],
    ['0177.0.0.1', 'a loopback address'],
    ['2130706433', 'a loopback address'],
    ['127.1', 'a loopback address'],
    ['0x7f000001', 'a loopback address'],
    ['0x7f.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    // the rest of the IPv4 special ranges
    ['10.0.0.5', 'a private address'],
    ['10.255.255.255', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT (shared) address'],
    ['100.127.255.255', 'a carrier-grade NAT (shared) address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['255.255.255.255', 'the broadcast address'],
    ['0.0.0.0', 'the unspecified address'],
    ['0.1.2.3', 'the unspecified address'],
    ['192.0.0.8', 'a reserved address'],
    ['192.0.2.1', 'a reserved address'],
    ['198.18.0.1', 'a reserved address'], // benchmarking, RFC 2544
    ['198.51.100.7', 'a reserved address'],
    ['203.0.113.9', 'a reserved address'],
    ['240.0.0.1', 'a reserved address'],
    // IPv6
    ['::1', 'a loopback address'],
    ['[::1]', 'a loopback address'],
    ['0:0:0:0:0:0:0:1', 'a loopback address'],
    ['::', 'the unspecified address'],
    ['fd00::1', 'a private (unique local) address'],
    ['fc00::1', 'a private (unique local) address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['fec0::1', 'a private (site-local) address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a reserved address'],
    ['2001:2::1', 'a benchmarking address'],
    ['100::1', 'a discard-only address'],
    ['64:ff9b:1::a00:1', 'a NAT64 local-use address'],
    ['4000::1', 'an address outside the global unicast range'],
    // IPv6 forms that carry an IPv4 address are judged by it
    ['::ffff:127.0.0.1', 'an IPv4-mapped form of 127.0.0.1, a loopback address'],
    ['[::ffff:7f00:1]', 'an IPv4-mapped form of 127.0.0.1, a loopback address'],
    ['::ffff:a9fe:a9fe', 'an IPv4-mapped form of 169.254.169.254, a link-local address'],
    ['::ffff:10.0.0.1', 'an IPv4-mapped form of 10.0.0.1, a private address'],
    ['::7f00:1', 'an IPv4-compatible form of 127.0.0.1, a loopback address'],
    ['[::127.0.0.1]', 'an IPv4-compatible form of 127.0.0.1, a loopback address'],
    ['::a00:1', 'an IPv4-compatible form of 10.0.0.1, a private address'],
    ['64:ff9b::7f00:1', 'a NAT64 form of 127.0.0.1, a loopback address'],
    ['64:ff9b::a9fe:a9fe', 'a NAT64 form of 169.254.169.254, a link-local address'],
    ['::ffff:0:7f00:1', 'an IPv4-translated form of 127.0.0.1, a loopback address'],
    ['2002:7f00:1::', 'a 6to4 form of 127.0.0.1, a loopback address'],
    ['2002:c0a8:101::1', 'a 6to4 form of 192.168.1.1, a private address'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'a Teredo form of 10.0.0.1, a private address'],
  ])('refuses %s as %s', (address, reason) => {
    expect(policy(address)).toBe(reason);
  });

  it('refuses the tunnelling forms even when they carry a public IPv4 address', () => {
    expect(policy('::5db8:d822')).toBe('an IPv4-compatible form of 93.184.216.34 (a deprecated IPv6 transition address)');
    expect(policy('2002:5db8:d822::1')).toBe('a 6to4 form of 93.184.216.34 (a deprecated IPv6 transition address)');
  });

  it('refuses what is not an IP address', () => {
    expect(policy('feed.example')).toBe('not an IP address');
    expect(policy('08.0.0.1')).toBe('not an IP address');
  });
});

describe('address policy: allowed', () => {
  it.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '[2a00:1450:4001:82a::200e]', '::ffff:93.184.216.34', '64:ff9b::5db8:d822'])(
    'allows public %s',
    (address) => {
      expect(policy(address)).toBeNull();
    },
  );

  it('opens the ranges of the allow-list and nothing else', () => {
    const lan = createAddressPolicy(['127.0.0.0/8', '192.168.1.0/24', 'fd00::/8']);
    expect(lan('127.0.0.1')).toBeNull();
    expect(lan('127.1')).toBeNull();
    expect(lan('::ffff:127.0.0.1')).toBeNull(); // a connection to 127.0.0.1 all the same
    expect(lan('192.168.1.20')).toBeNull();
    expect(lan('fd00::1')).toBeNull();
    expect(lan('192.168.2.1')).toBe('a private address');
    expect(lan('10.0.0.1')).toBe('a private address');
    expect(lan('::1')).toBe('a loopback address');
    expect(lan('fc00::1')).toBe('a private (unique local) address');
    expect(lan('169.254.169.254')).toBe('a link-local address');
    expect(lan('93.184.216.34')).toBeNull();
  });

  it('throws on an allow-list entry that is not a CIDR (lib/env.ts validates them first)', () => {
    expect(() => createAddressPolicy(['10.0.0.0/33'])).toThrow('"10.0.0.0/33" is not a CIDR range');
  });
});

describe('parseCidr', () => {
  it('accepts IPv4 and IPv6 ranges in their plain form', () => {
    expect(parseCidr('127.0.0.0/8')).toHaveProperty('cidr');
    expect(parseCidr(' 192.168.1.0/24 ')).toHaveProperty('cidr');
    expect(parseCidr('10.0.0.5/32')).toHaveProperty('cidr');
    expect(parseCidr('fd00::/8')).toHaveProperty('cidr');
    expect(parseCidr('::1/128')).toHaveProperty('cidr');
    expect(parseCidr('0.0.0.0/0')).toHaveProperty('cidr');
  });

  it.each([
    ['10.0.0.5', '"10.0.0.5" is not a CIDR range (one address is 10.0.0.5/32)'],
    ['::1', '"::1" is not a CIDR range (one address is ::1/128)'],
    ['10.0.0.0/33', '"10.0.0.0/33" is not a CIDR range such as 192.168.1.0/24 or fd00::/8'],
    ['127.1/8', '"127.1/8" is not a CIDR range such as 192.168.1.0/24 or fd00::/8'],
    ['0x7f.0.0.0/8', '"0x7f.0.0.0/8" is not a CIDR range such as 192.168.1.0/24 or fd00::/8'],
    ['lan', '"lan" is not a CIDR range such as 192.168.1.0/24 or fd00::/8'],
    ['10.0.0.0/8/8', '"10.0.0.0/8/8" is not a CIDR range such as 192.168.1.0/24 or fd00::/8'],
    ['10.1.2.3/8', '"10.1.2.3/8" has bits set past its prefix; did you mean 10.0.0.0/8?'],
    ['fd00::1/8', '"fd00::1/8" has bits set past its prefix; did you mean fd00::/8?'],
  ])('refuses %s', (text, problem) => {
    expect(parseCidr(text)).toEqual({ problem });
  });
});

describe('parseAddress', () => {
  it('reads addresses as the URL parser does, and nothing else', () => {
    expect(parseAddress('0x7f.1')?.toString()).toBe('127.0.0.1');
    expect(parseAddress('[::ffff:127.0.0.1]')?.toString()).toBe('::ffff:7f00:1');
    expect(parseAddress('feed.example')).toBeNull();
    expect(parseAddress('')).toBeNull();
  });
});
