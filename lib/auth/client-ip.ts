import { env } from '../env';

/**
 * The client's address, for rate limits. proxy.ts deletes every X-Forwarded-For a client sends
 * unless TRUST_PROXY is set, and Next's server then sets it from the socket (its base server
 * fills `x-forwarded-for` only when absent, after the proxy ran). So with no trusted proxy the
 * header holds exactly the socket address; with n trusted proxies each appended the address it
 * saw, and the client is the n-th entry from the right (what the client wrote lies further left).
 */
export function clientIp(headers: Headers, trustProxy = env().TRUST_PROXY): string | null {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  if (trustProxy === 0) return hops[hops.length - 1]!;
  // Fewer hops than proxies: the request bypassed some of them; the leftmost is all there is.
  return hops[Math.max(0, hops.length - trustProxy)]!;
}

/** Forwarding headers a client must not be able to set when no proxy is trusted. */
export const CLIENT_FORWARDING_HEADERS = ['x-forwarded-for', 'x-real-ip', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'] as const;
