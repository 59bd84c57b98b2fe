import { createAddressPolicy, parseAddress } from '../../scrapers/fetch/address-policy';
import { isLocalhostName, systemResolver, vetHost, withDeadline, type FetchGuardOptions } from '../../scrapers/fetch/guard';
import { formatDuration, networkError } from '../../scrapers/fetch/messages';
import { guardFromEnv } from './fetchers';

// URLs a person supplies (a feed from the web form or the boards API) are fetched by our
// server. The guarded fetcher checks every request; this is the same policy at add time, so
// a URL that would be refused is refused with a reason before it is stored.

export type SuppliedUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const RESOLVE_TIMEOUT_MS = 10_000;

/** Syntax alone: an absolute http(s) URL with a host; the reason when not. */
function syntaxProblem(raw: string): { url: URL } | { reason: string } {
  const text = raw.trim();
  if (!URL.canParse(text)) return { reason: 'must be an absolute http(s) URL' };
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: `must be an http(s) URL, not ${url.protocol}` };
  if (!url.hostname) return { reason: 'must name a host' };
  return { url };
}

/**
 * Is this URL one the guarded fetcher would read? Checks the syntax, resolves the host and
 * refuses any address outside the policy (TRACKEND_FETCH_ALLOW_PRIVATE opens ranges).
 * `{ ok: false, reason }` reads as a field message, e.g. "localhost. resolves to a loopback address (127.0.0.1)".
 */
export async function checkSuppliedUrl(raw: string, guard: FetchGuardOptions = guardFromEnv()): Promise<SuppliedUrlCheck> {
  const syntax = syntaxProblem(raw);
  if ('reason' in syntax) return { ok: false, reason: syntax.reason };
  const { url } = syntax;
  const timeout = () => Object.assign(new Error(`no answer within ${formatDuration(RESOLVE_TIMEOUT_MS)}`), { code: 'ETIMEOUT' });
  try {
    const vetting = vetHost(url.hostname, createAddressPolicy(guard.allowPrivate), guard.resolve ?? systemResolver);
    const verdict = await withDeadline(vetting, RESOLVE_TIMEOUT_MS, timeout);
    return verdict.ok ? { ok: true, url: url.href } : { ok: false, reason: verdict.refusal };
  } catch (error) {
    // networkError words it like a fetch failure ("host not found (ENOTFOUND)"); keep only the reason.
    const reason = networkError(url.href, error).message.replace(/^GET \S+ failed: /, '');
    return { ok: false, reason: `${url.hostname} could not be resolved: ${reason}` };
  }
}

/**
 * The part of checkSuppliedUrl that needs no DNS: syntax, literal addresses and localhost names.
 * Kept for callers that validate synchronously; the guarded fetcher checks names when it fetches.
 */
export function isPublicFeedUrl(raw: string): boolean {
  const syntax = syntaxProblem(raw);
  if ('reason' in syntax) return false;
  const host = syntax.url.hostname;
  if (isLocalhostName(host)) return false;
  return parseAddress(host) ? createAddressPolicy(guardFromEnv().allowPrivate)(host) === null : true;
}
