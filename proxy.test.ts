import { describe, expect, it } from 'vitest';
import { ANY_BODY_MAX_BYTES } from './app/api/http';
import { config } from './proxy';

// Next matches a `missing` header value as the whole string (new RegExp(`^${value}$`)).
const skipsProxy = (contentLength: string) => config.matcher[0]!.missing.some((m) => new RegExp(`^${m.value}$`).test(contentLength));

describe('proxy matcher', () => {
  it('skips the proxy only for bodies declared 10 MB or more, which handle() refuses before any route', () => {
    expect(skipsProxy(String(200 * 1024 * 1024))).toBe(true);
    expect(skipsProxy('10000000')).toBe(true);
    expect(Number('10000000')).toBeGreaterThan(ANY_BODY_MAX_BYTES);
    for (const small of ['0', '12', '1048576', '9999999', '000000012', '0000000000000000001']) expect(skipsProxy(small), small).toBe(false);
  });

  it('skips the proxy for the static icons, never for pages, the API or the manifest', () => {
    // Next anchors the source: the path must match the whole pattern.
    const source = new RegExp(`^${config.matcher[0]!.source}$`);
    for (const path of ['/favicon.ico', '/icon.svg', '/apple-icon.png', '/icons/icon-192.png']) expect(source.test(path), path).toBe(false);
    for (const path of ['/', '/jobs', '/api/jobs', '/manifest.webmanifest', '/applications/save', '/iconsole']) expect(source.test(path), path).toBe(true);
  });
});
