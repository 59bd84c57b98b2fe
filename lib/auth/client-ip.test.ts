import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('clientIp', () => {
  it('without a trusted proxy: the socket address Next put last (proxy.ts removed what the client sent)', () => {
    expect(clientIp(headers('127.0.0.1'), 0)).toBe('127.0.0.1');
    // Even if a forged value slipped through, only the rightmost entry is ever used.
    expect(clientIp(headers('203.0.113.9, 127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientIp(headers(), 0)).toBeNull();
  });

  it('with n trusted proxies: the n-th entry from the right, whatever the client prepended', () => {
    expect(clientIp(headers('198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientIp(headers('6.6.6.6, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientIp(headers('6.6.6.6, 198.51.100.7, 10.0.0.2'), 2)).toBe('198.51.100.7');
    // Fewer hops than proxies: the leftmost is all there is.
    expect(clientIp(headers('198.51.100.7'), 3)).toBe('198.51.100.7');
    expect(clientIp(headers(' , '), 1)).toBeNull();
  });
});
