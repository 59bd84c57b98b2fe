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
});
