import type { FetchedBody, FetchOptions, NotModified, ScrapeContext } from '../types';

// Helpers for the JSON boards' tests: a fake fetcher that answers from a table, and the
// whole-body failures every JSON board must turn into a ParseError.

export interface FetchCall {
  url: string;
  options: FetchOptions | undefined;
}

/** A 200 response with the given body. */
export function ok(url: string, body: string, extra: Partial<FetchedBody> = {}): FetchedBody {
  return { status: 200, url, body, contentType: 'application/json; charset=utf-8', etag: null, lastModified: null, ...extra };
}

/** A ScrapeContext whose fetchText answers from `responses` (by URL) and records each call. */
export function fakeContext(
  url: string,
  responses: Record<string, FetchedBody | NotModified>,
  overrides: Partial<ScrapeContext> = {},
): { ctx: ScrapeContext; calls: FetchCall[]; logs: string[] } {
  const calls: FetchCall[] = [];
  const logs: string[] = [];
  const ctx: ScrapeContext = {
    url,
    conditional: {},
    knownExternalIds: new Set(),
    log: (message) => logs.push(message),
    fetchText: async (requested, options) => {
      calls.push({ url: requested, options });
      const response = responses[requested];
      if (!response) throw new Error(`unexpected fetch of ${requested}`);
      return response;
    },
    ...overrides,
  };
  return { ctx, calls, logs };
}

/** Bodies that are not the board's JSON at all, with the message each must produce. */
export function badBodies(valid: string): { name: string; body: string; message: RegExp }[] {
  return [
    { name: 'truncated JSON', body: valid.slice(0, Math.floor(valid.length / 2)), message: /not valid JSON \(it ends early: truncated response\?\)/ },
    { name: 'invalid JSON', body: '{"jobs": [1, 2,, 3]}', message: /not valid JSON/ },
    {
      name: 'an HTML page',
      body: '<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
      message: /expected JSON but got an HTML page \("Just a moment\.\.\."\)/,
    },
    { name: 'an empty body', body: '', message: /the response body is empty, expected JSON/ },
    { name: 'a BOM and whitespace only', body: '\ufeff  \n', message: /the response body is empty, expected JSON/ },
  ];
}
