import { createFetcher, type FetcherOptions } from '../../scrapers/fetcher';
import type { FetchGuardOptions } from '../../scrapers/fetch/guard';
import type { FetchText } from '../../scrapers/types';
import { env } from '../env';

// The two modes of the one shared fetcher. Every URL a person supplied (custom feeds now,
// careers and job pages next) is read through the guarded one; the operator's own URLs
// (built-in boards, TRACKEND_BOARD_<ID>_URL, --url) through the plain one.

export interface IngestFetchers {
  /** Built-in boards and URLs the operator set. */
  fetchText: FetchText;
  /** URLs people supplied: private, loopback and link-local addresses are refused. */
  guardedFetchText: FetchText;
}

/** The guard as configured: nothing private is reachable unless TRACKEND_FETCH_ALLOW_PRIVATE opens it. */
export function guardFromEnv(): FetchGuardOptions {
  return { allowPrivate: env().TRACKEND_FETCH_ALLOW_PRIVATE };
}

/** A fetchText for URLs people supply, with the same options as the plain one. */
export function createGuardedFetcher(overrides: Partial<Omit<FetcherOptions, 'guard'>> & { guard?: FetchGuardOptions } = {}): { fetchText: FetchText } {
  return createFetcher({ ...overrides, guard: overrides.guard ?? guardFromEnv() });
}

export function createIngestFetchers(overrides: Partial<Omit<FetcherOptions, 'guard'>> = {}): IngestFetchers {
  // Two fetchers keep two per-host queues: a custom feed on a built-in board's host is paced on its own.
  return { fetchText: createFetcher(overrides).fetchText, guardedFetchText: createGuardedFetcher(overrides).fetchText };
}

const globalForFetchers = globalThis as unknown as { trackendIngestFetchers?: IngestFetchers };

/**
 * The process's one pair of fetchers, so every reader of a host (the app server's schedule, a
 * company followed from /companies) waits in the same per-host queue: one request at a time per
 * host, the hiring systems' API hosts included.
 */
export function sharedIngestFetchers(): IngestFetchers {
  return (globalForFetchers.trackendIngestFetchers ??= createIngestFetchers());
}
