import type { FetchedBody, FetchOptions, NotModified, ScrapeContext } from '../../scrapers/types';

// A fake of what the shared fetcher hands a board: a ScrapeContext whose fetchText answers
// from a table by URL, and the 200 responses to put in it.

export interface FetchCall {
  url: string;
  options: FetchOptions | undefined;
}

/** A 200 response with the given body (a JSON content type unless `extra` says otherwise). */
export function ok(url: string, body: string, extra: Partial<FetchedBody> = {}): FetchedBody {
  return { status: 200, url, body, contentType: 'application/json; charset=utf-8', etag: null, lastModified: null, ...extra };
}

/** A 200 HTML page (a job page, a list page). */
export function okPage(url: string, body: string, extra: Partial<FetchedBody> = {}): FetchedBody {
  return ok(url, body, { contentType: 'text/html; charset=utf-8', ...extra });
}

/**
 * A ScrapeContext whose fetchText answers from `responses` by URL: a response is returned, an
 * Error is thrown (a failed request), an unknown URL fails the test. Every call and log line
 * is recorded.
 */
export function fakeContext(
  url: string,
  responses: Record<string, FetchedBody | NotModified | Error>,
  overrides: Partial<Omit<ScrapeContext, 'fetchText'>> = {},
): { ctx: ScrapeContext; calls: FetchCall[]; logs: string[] } {
  const calls: FetchCall[] = [];
  const logs: string[] = [];
  const ctx: ScrapeContext = {
    url,
    conditional: {},
    knownExternalIds: new Set(),
    log: (message) => logs.push(message),
    ...overrides,
    fetchText: async (requested, options) => {
      calls.push({ url: requested, options });
      const response = responses[requested];
      if (!response) throw new Error(`unexpected fetch of ${requested}`);
      if (response instanceof Error) throw response;
      return response;
    },
  };
  return { ctx, calls, logs };
}
