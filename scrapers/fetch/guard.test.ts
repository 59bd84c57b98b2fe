import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { FetchError } from '../errors';
import { createFetcher, type FetcherOptions } from '../fetcher';
import type { ResolvedAddress, Resolver } from './guard';

// The guarded fetcher against real servers on loopback. `inner` on 127.0.0.1 plays the
// server's own network and must never see a request; `outer` on 127.0.0.2, opened by the
// allow-list, plays a public host that names in the resolver hook point at.

const PUBLIC_STAND_IN = '127.0.0.2';

let inner: LocalServer;
let outer: LocalServer;
beforeEach(async () => {
  inner = await startLocalServer({ '/': (_req, res) => res.end('secret'), '/feed': (_req, res) => res.end('secret feed') });
  outer = await startLocalServer({}, { host: PUBLIC_STAND_IN });
});
afterEach(async () => {
  await Promise.all([inner.close(), outer.close()]);
});

/** A resolver hook over a fixed table; records every name it was asked for. */
function table(entries: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const resolve: Resolver = async (hostname) => {
    asked.push(hostname);
    const entry = entries[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const list = typeof entry === 'function' ? entry() : entry;
    return list.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

function guarded(guard: FetcherOptions['guard'], overrides: Partial<FetcherOptions> = {}) {
  return createFetcher({ minIntervalMsPerHost: 0, retries: 0, sleep: async () => {}, guard, ...overrides }).fetchText;
}

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('guarded fetch: literal addresses', () => {
  it('refuses http://127.0.0.1:<port>/ without any connection reaching the server', async () => {
    const url = inner.url('/feed');
    const error = await refusal(guarded({})(url));
    expect(error).toMatchObject({ kind: 'refused', url });
    expect(error.message).toBe(`GET ${url} refused: 127.0.0.1 is a loopback address`);
    expect(inner.requests).toEqual([]);
  });

  it('reads the same URL once the allow-list opens 127.0.0.0/8', async () => {
    const result = await guarded({ allowPrivate: ['127.0.0.0/8'] })(inner.url('/feed'));
    expect(result).toMatchObject({ status: 200, body: 'secret feed' });
    expect(inner.requests).toHaveLength(1);
  });

  it.each([
    ['2130706433', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['%31%32%37.0.0.1', '127.0.0.1'],
    ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]'],
    ['[::ffff:7f00:1]', '[::ffff:7f00:1]'],
    ['[0:0:0:0:0:ffff:127.0.0.1]', '[::ffff:7f00:1]'],
    ['[::7f00:1]', '[::7f00:1]'],
    ['[::1]', '[::1]'],
    ['[64:ff9b::7f00:1]', '[64:ff9b::7f00:1]'],
  ])('refuses http://%s:<port>/ (the URL parser reads it as %s)', async (host, canonical) => {
    const error = await refusal(guarded({})(`http://${host}:${inner.port}/`));
    expect(error.kind).toBe('refused');
    expect(error.url).toBe(`http://${canonical}:${inner.port}/`);
    expect(error.message).toMatch(new RegExp(`refused: ${canonical.replace(/[[\]]/g, '\\$&')} is .*loopback address$`));
    expect(inner.requests).toEqual([]);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://100.64.0.1/', 'http://10.0.0.5/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://0.0.0.0:1/'])(
    'refuses %s before connecting',
    async (url) => {
      const error = await refusal(guarded({})(url));
      expect(error.kind).toBe('refused');
    },
  );

  it('refuses what is not http(s), as the plain fetcher does, without retrying', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:70/', 'ftp://feed.example/']) {
      const error = await refusal(guarded({}, { retries: 3 })(url));
      expect(error.message).toMatch(/only http and https URLs can be fetched/);
    }
  });
});

describe('guarded fetch: names', () => {
  it('connects to the address it checked, keeping the name in the Host header', async () => {
    outer.route('/feed', (_req, res) => res.end('<rss/>'));
    const { resolve, asked } = table({ 'feed.example': [PUBLIC_STAND_IN] });
    const result = await guarded({ allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve })(`http://feed.example:${outer.port}/feed`);
    expect(result).toMatchObject({ status: 200, body: '<rss/>', url: `http://feed.example:${outer.port}/feed` });
    expect(outer.requests[0]!.headers.host).toBe(`feed.example:${outer.port}`);
    expect(asked).toEqual(['feed.example']);
  });

  it('refuses a name that resolves inward, and says to what', async () => {
    const { resolve } = table({ 'metadata.google.internal.': ['169.254.169.254'], 'feed.example': ['127.0.0.1'] });
    const fetchText = guarded({ resolve });
    const metadata = await refusal(fetchText('http://metadata.google.internal./computeMetadata/v1/'));
    expect(metadata.message).toBe(
      'GET http://metadata.google.internal./computeMetadata/v1/ refused: metadata.google.internal. resolves to a link-local address (169.254.169.254)',
    );
    const error = await refusal(fetchText(`http://feed.example:${inner.port}/feed`));
    expect(error.message).toBe(`GET http://feed.example:${inner.port}/feed refused: feed.example resolves to a loopback address (127.0.0.1)`);
    expect(inner.requests).toEqual([]);
  });

  it('judges localhost names as loopback without asking DNS, trailing dot or not', async () => {
    const { resolve, asked } = table({ 'localhost.': [PUBLIC_STAND_IN], 'api.localhost': [PUBLIC_STAND_IN] });
    const fetchText = guarded({ allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve });
    for (const host of ['localhost', 'localhost.', 'LOCALHOST', 'api.localhost', 'localhost..']) {
      const error = await refusal(fetchText(`http://${host}:${inner.port}/`));
      expect(error.message).toMatch(/refused: .* resolves to a loopback address \(127\.0\.0\.1\)$/);
    }
    expect(asked).toEqual([]);
    expect(inner.requests).toEqual([]);
  });

  it('refuses a name when any one of its addresses is refused', async () => {
    const { resolve } = table({ 'mixed.example': ['93.184.216.34', '10.0.0.5'], 'mapped.example': ['2606:4700::1111', '::ffff:127.0.0.1'] });
    const fetchText = guarded({ resolve });
    const mixed = await refusal(fetchText('http://mixed.example/feed'));
    expect(mixed.message).toBe('GET http://mixed.example/feed refused: mixed.example resolves to a private address (10.0.0.5)');
    const mapped = await refusal(fetchText('http://mapped.example/feed'));
    expect(mapped.message).toMatch(/refused: mapped\.example resolves to an IPv4-mapped form of 127\.0\.0\.1, a loopback address \(::ffff:127\.0\.0\.1\)$/);
  });

  it('fails a name that does not resolve as a network error, before any connection', async () => {
    const { resolve } = table({});
    const error = await refusal(guarded({ resolve })('http://nowhere.example/feed'));
    expect(error.kind).toBe('network');
    expect(error.message).toBe('GET http://nowhere.example/feed failed: host not found (ENOTFOUND)');
  });

  it('gives up on DNS that never answers after the connect timeout', async () => {
    const resolve: Resolver = () => new Promise(() => {});
    const error = await refusal(guarded({ resolve }, { connectTimeoutMs: 50 })('http://slow.example/feed'));
    expect(error).toMatchObject({ kind: 'timeout', message: 'GET http://slow.example/feed failed: could not resolve slow.example within 50ms' });
  });

  it('aborts while resolving', async () => {
    const resolve: Resolver = () => new Promise(() => {});
    const controller = new AbortController();
    const pending = guarded({ resolve })('http://slow.example/feed', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 10);
    expect((await refusal(pending)).kind).toBe('aborted');
  });
});

describe('guarded fetch: redirects', () => {
  it('checks every hop: a redirect to loopback is refused on the second hop', async () => {
    const { resolve } = table({ 'feed.example': [PUBLIC_STAND_IN] });
    const fetchText = guarded({ allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve });
    const start = `http://feed.example:${outer.port}/feed`;
    for (const target of [inner.url('/'), inner.url('/', 'localhost'), inner.url('/', '[::ffff:127.0.0.1]'), `http://2130706433:${inner.port}/`]) {
      outer.route('/feed', (_req, res) => res.writeHead(302, { location: target }).end());
      const error = await refusal(fetchText(start));
      expect(error.kind).toBe('refused');
      expect(error.message).toMatch(new RegExp(`refused: .*loopback address.* \\(redirected from ${start.replace(/[.]/g, '\\.')}\\)$`));
    }
    expect(outer.requests).toHaveLength(4);
    expect(inner.requests).toEqual([]);
  });

  it('follows a redirect to another allowed host', async () => {
    outer.route('/old', (_req, res) => res.writeHead(301, { location: `http://new.example:${outer.port}/new` }).end());
    outer.route('/new', (_req, res) => res.end('moved'));
    const { resolve, asked } = table({ 'old.example': [PUBLIC_STAND_IN], 'new.example': [PUBLIC_STAND_IN] });
    const result = await guarded({ allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve })(`http://old.example:${outer.port}/old`);
    expect(result).toMatchObject({ status: 200, body: 'moved', url: `http://new.example:${outer.port}/new` });
    expect(asked).toEqual(['old.example', 'new.example']);
  });
});

describe('guarded fetch: DNS rebinding', () => {
  it('asks once per hop and connects to that answer, so a second, inward answer is never used', async () => {
    outer.route('/feed', (_req, res) => res.end('public'));
    let calls = 0;
    // Public on the first question, loopback on every later one.
    const { resolve, asked } = table({ 'rebind.example': () => (++calls === 1 ? [PUBLIC_STAND_IN] : ['127.0.0.1']) });
    const fetchText = guarded({ allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve });

    // rebind.example is unknown to the system's DNS: the request arrives only because the
    // connection went to the checked address, not through a lookup of its own.
    const first = await fetchText(`http://rebind.example:${inner.port}/feed`).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(FetchError);
    expect((first as FetchError).kind).toBe('network'); // 127.0.0.2 has nothing on inner's port
    expect(asked).toEqual(['rebind.example']);
    expect(inner.requests).toEqual([]);

    const second = await refusal(fetchText(`http://rebind.example:${inner.port}/feed`));
    expect(second.message).toMatch(/rebind\.example resolves to a loopback address \(127\.0\.0\.1\)$/);
    expect(asked).toEqual(['rebind.example', 'rebind.example']);
    expect(inner.requests).toEqual([]);
  });

  it('reaches the public answer on the same port', async () => {
    outer.route('/feed', (_req, res) => res.end('public'));
    let calls = 0;
    const { resolve } = table({ 'rebind.example': () => (++calls === 1 ? [PUBLIC_STAND_IN] : ['127.0.0.1']) });
    const result = await guarded({ allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve })(`http://rebind.example:${outer.port}/feed`);
    expect(result).toMatchObject({ body: 'public' });
    expect(calls).toBe(1);
  });
});

describe('guarded fetch: https', () => {
  let tls: TlsServer;
  afterEach(() => new Promise<void>((resolve) => (tls ? tls.close(() => resolve()) : resolve())));

  it('connects to the checked address and still sends the host name for TLS (SNI)', async () => {
    const names: string[] = [];
    // No certificate: the handshake is refused right after the server reads the name asked for.
    tls = createTlsServer({
      SNICallback: (servername, callback) => {
        names.push(servername);
        callback(new Error('no certificate here'));
      },
    });
    await new Promise<void>((resolve) => tls.listen(0, PUBLIC_STAND_IN, resolve));
    const { port } = tls.address() as AddressInfo;
    const { resolve } = table({ 'secure.example': [PUBLIC_STAND_IN] });
    const error = await refusal(guarded({ allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve })(`https://secure.example:${port}/feed`));
    expect(error.kind).toBe('network');
    expect(names).toEqual(['secure.example']);
  });
});
