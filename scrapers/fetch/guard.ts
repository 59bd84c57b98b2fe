import { promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { createAddressPolicy, parseAddress, type AddressPolicy } from './address-policy';
import { abortable } from './host-queue';
import { abortedError, failure, formatDuration, networkError, refusedError } from './messages';
import { FetchError } from '../errors';

// The guarded mode of the shared fetcher, for URLs a person supplied: resolve the name here,
// refuse it when any address is outside the policy, then connect to exactly the checked
// addresses. The issue suggests undici's connect/lookup hook; node:http's `lookup` request
// option is the same hook on the client we already have, so there is still one HTTP client.

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (dns.promises.lookup with all: true by default). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchGuardOptions {
  /** CIDRs allowed although private (TRACKEND_FETCH_ALLOW_PRIVATE); none by default. */
  allowPrivate?: readonly string[];
  /** Replaces DNS (tests map names to chosen addresses). */
  resolve?: Resolver;
}

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

// RFC 6761: localhost names are this machine whatever DNS says, and some resolvers do not answer
// "localhost." at all; judge them as loopback without asking.
const LOCALHOST: ResolvedAddress[] = [{ address: '127.0.0.1', family: 4 }];
export const isLocalhostName = (hostname: string) => /(^|\.)localhost\.*$/i.test(hostname);

/** `promise`, or a rejection with `onTimeout()` once `ms` pass (DNS has no abort of its own). */
export async function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export type HostVerdict = { ok: true; addresses: ResolvedAddress[] } | { ok: false; refusal: string };

/**
 * Resolve `hostname` (a URL's hostname: a name, a dotted IPv4 or a bracketed IPv6) and judge
 * every address. Resolver failures (no such host) are thrown as they come.
 */
export async function vetHost(hostname: string, policy: AddressPolicy, resolve: Resolver): Promise<HostVerdict> {
  const literal = parseAddress(hostname);
  if (literal) {
    const refusal = policy(hostname);
    if (refusal) return { ok: false, refusal: `${hostname} is ${refusal}` };
    return { ok: true, addresses: [{ address: literal.toString(), family: literal.kind() === 'ipv6' ? 6 : 4 }] };
  }
  const addresses = isLocalhostName(hostname) ? LOCALHOST : await resolve(hostname);
  if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
  for (const { address } of addresses) {
    const refusal = policy(address);
    if (refusal) return { ok: false, refusal: `${hostname} resolves to ${refusal} (${address})` };
  }
  return { ok: true, addresses };
}

/**
 * A lookup for http.request that answers with the addresses already checked, so the connection
 * goes where the check said and no second DNS answer (rebinding) is ever asked for.
 */
export function pinnedLookup(hostname: string, addresses: readonly ResolvedAddress[]): LookupFunction {
  return (name, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family || 0;
    const usable = name === hostname ? addresses.filter((entry) => family === 0 || entry.family === family) : [];
    if (usable.length === 0) {
      const error: NodeJS.ErrnoException = Object.assign(new Error(`no checked address for ${name}`), { code: 'ENOTFOUND' });
      return callback(error, options.all ? [] : '', undefined);
    }
    if (options.all) return callback(null, [...usable]);
    callback(null, usable[0]!.address, usable[0]!.family);
  };
}

export interface FetchGuard {
  /**
   * The addresses a request to `url` may connect to; throws a FetchError: 'refused' outside the
   * policy, 'network' when the name does not resolve, 'timeout' when DNS takes too long.
   */
  vet(url: URL, timeoutMs: number, signal: AbortSignal | undefined, redirectedFrom: string | null): Promise<ResolvedAddress[]>;
}

export function createFetchGuard(options: FetchGuardOptions = {}): FetchGuard {
  const policy = createAddressPolicy(options.allowPrivate);
  const resolve = options.resolve ?? systemResolver;
  return {
    async vet(url, timeoutMs, signal, redirectedFrom) {
      const href = url.href;
      let verdict: HostVerdict;
      try {
        const vetting = vetHost(url.hostname, policy, resolve);
        const timeout = () => failure('timeout', href, `could not resolve ${url.hostname} within ${formatDuration(timeoutMs)}`);
        verdict = await abortable(withDeadline(vetting, timeoutMs, timeout), signal);
      } catch (error) {
        if (signal?.aborted) throw abortedError(href, signal.reason);
        if (error instanceof FetchError) throw error;
        throw networkError(href, error);
      }
      if (!verdict.ok) throw refusedError(href, verdict.refusal, redirectedFrom);
      return verdict.addresses;
    },
  };
}
