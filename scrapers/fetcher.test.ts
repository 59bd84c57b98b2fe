import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedUrl, startLocalServer, type LocalServer } from '../test/support/local-server';
import { FetchError } from './errors';
import { createFetcher, DEFAULT_FETCH_OPTIONS, parseRetryAfter, type FetcherOptions } from './fetcher';
import { JOIN_SLICE_BYTES, joinChunks } from './fetch/exchange';

// Real HTTP against 127.0.0.1; delays are recorded by an injected sleep instead of waited out.

let server: LocalServer;
beforeEach(async () => {
  server = await startLocalServer();
});
afterEach(() => server.close());

function testFetcher(overrides: Partial<FetcherOptions> = {}) {
  const sleeps: number[] = [];
  const { fetchText } = createFetcher({
    minIntervalMsPerHost: 0,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    ...overrides,
  });
  return { fetchText, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fetchText: responses', () => {
  it('returns a 200 body with its metadata', async () => {
    server.route('/feed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"abc"', 'last-modified': 'Mon, 06 Jan 2025 10:00:00 GMT' });
      res.end('<rss>Grüße</rss>');
    });
    const result = await testFetcher().fetchText(server.url('/feed'));
    expect(result).toEqual({
      status: 200,
      url: server.url('/feed'),
      body: '<rss>Grüße</rss>',
      // The undecoded bytes too, for a parse in the worker pool to decode there.
      bytes: Buffer.from('<rss>Grüße</rss>'),
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"abc"',
      lastModified: 'Mon, 06 Jan 2025 10:00:00 GMT',
    });
  });

  it('sends the User-Agent, Accept and Accept-Encoding headers', async () => {
    server.route('/feed', (_req, res) => res.end('ok'));
    await testFetcher().fetchText(server.url('/feed'), { accept: 'application/json' });
    await testFetcher({ userAgent: 'custom-agent/1' }).fetchText(server.url('/feed'));
    const [first, second] = server.requests;
    expect(first!.headers['user-agent']).toBe(DEFAULT_FETCH_OPTIONS.userAgent);
    expect(first!.headers['user-agent']).toMatch(/^trackend\/0\.1 \(\+https:\/\/github\.com\/trackend\/trackend; /);
    expect(first!.headers.accept).toBe('application/json');
    expect(first!.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(first!.headers['if-none-match']).toBeUndefined();
    expect(second!.headers['user-agent']).toBe('custom-agent/1');
    expect(second!.headers.accept).toBe('*/*');
  });

  it('round-trips ETag and Last-Modified into a 304', async () => {
    const lastModified = 'Tue, 07 Jan 2025 08:30:00 GMT';
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': lastModified }).end('<rss/>');
    });
    const { fetchText } = testFetcher();
    const first = await fetchText(server.url('/feed'));
    expect(first.status).toBe(200);
    if (first.status === 304) throw new Error('unreachable');
    const second = await fetchText(server.url('/feed'), { conditional: { etag: first.etag, lastModified: first.lastModified } });

    expect(second).toEqual({ status: 304, url: server.url('/feed') });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[1]!.headers['if-modified-since']).toBe(lastModified);
  });

  it('drops a stored validator that would be an invalid header value', async () => {
    server.route('/feed', (_req, res) => res.end('fresh'));
    const result = await testFetcher().fetchText(server.url('/feed'), { conditional: { etag: '"a"\r\nX-Evil: 1', lastModified: 'Tue, 07 Jan 2025 08:30:00 GMT' } });
    expect(result.status).toBe(200);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]!.headers['x-evil']).toBeUndefined();
    expect(server.requests[0]!.headers['if-modified-since']).toBe('Tue, 07 Jan 2025 08:30:00 GMT');
  });
});

describe('fetchText: timeouts', () => {
  it('times out when the server never answers, after retrying', async () => {
    server.route('/hang', () => {});
    const { fetchText, sleeps } = testFetcher({ totalTimeoutMs: 100, retries: 1 });
    const error = await rejection(fetchText(server.url('/hang')));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`GET ${server.url('/hang')} failed: timed out after 100ms (after 2 attempts)`);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([250]);
  });

  it('times out on a body that keeps dripping', async () => {
    server.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 10);
      res.on('close', () => clearInterval(timer));
    });
    const { fetchText } = testFetcher({ totalTimeoutMs: 150, retries: 0 });
    const started = performance.now();
    const error = await rejection(fetchText(server.url('/drip')));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`GET ${server.url('/drip')} failed: timed out after 150ms`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('applies the connect timeout until TLS is up', async () => {
    // Accepts TCP but never speaks TLS, so the https handshake never completes.
    const sockets: Socket[] = [];
    const silent: NetServer = createNetServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const { fetchText } = testFetcher({ connectTimeoutMs: 100, totalTimeoutMs: 5000, retries: 0 });
      const error = await rejection(fetchText(`https://127.0.0.1:${port}/feed`));
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe(`GET https://127.0.0.1:${port}/feed failed: could not connect within 100ms`);
      expect(sockets).toHaveLength(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('fetchText: retries', () => {
  it('retries 500, 500 and succeeds on the third request with jittered backoff', async () => {
    server.route('/flaky', (_req, res, hit) => (hit < 3 ? res.writeHead(500).end('oops') : res.end('finally')));
    const { fetchText, sleeps } = testFetcher();
    const result = await fetchText(server.url('/flaky'));
    expect(result.status === 200 && result.body).toBe('finally');
    expect(server.requests).toHaveLength(3);
    // random() = 0.5 of 500ms, then of 1000ms.
    expect(sleeps).toEqual([250, 500]);
  });

  it('gives up after retries + 1 attempts and says so', async () => {
    server.route('/down', (_req, res) => res.writeHead(502).end());
    const { fetchText, sleeps } = testFetcher({ retries: 2, baseDelayMs: 100, maxDelayMs: 150 });
    const error = await rejection(fetchText(server.url('/down')));
    expect(error).toMatchObject({ kind: 'http', status: 502, url: server.url('/down') });
    expect(error.message).toBe(`GET ${server.url('/down')} failed: HTTP 502 Bad Gateway (after 3 attempts)`);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 75]); // the second ceiling (200ms) is capped by maxDelayMs
  });

  it.each([
    ['0', 0],
    ['1', 1000],
  ])('waits Retry-After: %s on a 503', async (header, expectedMs) => {
    server.route('/busy', (_req, res, hit) => (hit === 1 ? res.writeHead(503, { 'retry-after': header }).end() : res.end('ok')));
    const { fetchText, sleeps } = testFetcher();
    const result = await fetchText(server.url('/busy'));
    expect(result.status).toBe(200);
    expect(sleeps).toEqual([expectedMs]);
    expect(server.requests).toHaveLength(2);
  });

  it('honours a 429 Retry-After given as an HTTP date', async () => {
    const now = Date.UTC(2025, 0, 1, 0, 0, 0);
    server.route('/limited', (_req, res, hit) =>
      hit === 1 ? res.writeHead(429, { 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }).end() : res.end('ok'),
    );
    const { fetchText, sleeps } = testFetcher({ now: () => now });
    const result = await fetchText(server.url('/limited'));
    expect(result.status).toBe(200);
    expect(sleeps).toEqual([5000]);
  });

  it('backs off on a 429 without Retry-After', async () => {
    server.route('/limited', (_req, res, hit) => (hit === 1 ? res.writeHead(429).end() : res.end('ok')));
    const { fetchText, sleeps } = testFetcher();
    expect((await fetchText(server.url('/limited'))).status).toBe(200);
    expect(sleeps).toEqual([250]);
  });

  it('fails at once when Retry-After is longer than maxRetryAfterMs', async () => {
    server.route('/busy', (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end());
    const { fetchText, sleeps } = testFetcher({ maxRetryAfterMs: 60_000 });
    const error = await rejection(fetchText(server.url('/busy')));
    expect(error).toMatchObject({ kind: 'http', status: 503 });
    expect(error.message).toBe(
      `GET ${server.url('/busy')} failed: HTTP 503 Service Unavailable; the server asked us to retry after 2m, more than the 60s we wait`,
    );
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([404, 403, 410])('fails at once on %i with one request', async (status) => {
    server.route('/missing', (_req, res) => res.writeHead(status).end('nope'));
    const { fetchText, sleeps } = testFetcher();
    const error = await rejection(fetchText(server.url('/missing')));
    expect(error).toMatchObject({ kind: 'http', status, url: server.url('/missing') });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    if (status === 404) expect(error.message).toBe(`GET ${server.url('/missing')} failed: HTTP 404 Not Found`);
  });

  it('retries a refused connection, then fails with kind network', async () => {
    const url = await refusedUrl('/feed');
    const { fetchText, sleeps } = testFetcher({ retries: 2 });
    const error = await rejection(fetchText(url));
    expect(error.kind).toBe('network');
    expect(error.status).toBeNull();
    expect(error.message).toBe(`GET ${url} failed: connection refused (ECONNREFUSED) (after 3 attempts)`);
    expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED');
    expect(sleeps).toEqual([250, 500]);
  });
});

describe('fetchText: body size and encoding', () => {
  it('gathers a body of stated length into one buffer of its own as it arrives, and an unstated one from its chunks', async () => {
    const big = Buffer.alloc(3 * 2 ** 20, 'abcdefgh'); // many socket reads
    server.route('/stated', (_req, res) => {
      res.writeHead(200, { 'content-length': String(big.length), 'content-type': 'text/plain; charset=utf-8' });
      res.end(big);
    });
    server.route('/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.write(big.subarray(0, 1000));
      res.end(big.subarray(1000));
    });
    const { fetchText } = testFetcher({ maxBodyBytes: 8 * 2 ** 20 });
    for (const path of ['/stated', '/chunked']) {
      const res = await fetchText(server.url(path));
      if (res.status === 304 || !res.bytes) throw new Error('expected a body');
      expect(Buffer.compare(Buffer.from(res.bytes), big)).toBe(0);
      expect(res.body.length).toBe(big.length);
    }
    for (const path of ['/stated', '/chunked']) {
      const res = await fetchText(server.url(path));
      if (res.status === 304 || !res.bytes) throw new Error('expected a body');
      // Its own ArrayBuffer, whole: the worker pool can take it over without a copy.
      expect(res.bytes.byteOffset).toBe(0);
      expect(res.bytes.buffer.byteLength).toBe(big.length);
    }
  });

  it('joins the chunks of an unstated length a slice at a time, letting other work run between slices', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(100_000, String.fromCharCode(97 + (i % 26))));
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    // Other work waiting its turn on the event loop: a chain of immediates, counted as they run.
    let ran = 0;
    const other = () => {
      ran++;
      if (ran < 50) setImmediate(other);
    };
    setImmediate(other);
    const joined = await joinChunks(chunks, total);
    const ranWhileJoining = ran;
    expect(Buffer.compare(joined, Buffer.concat(chunks))).toBe(0);
    expect(joined.byteOffset).toBe(0);
    expect(joined.buffer.byteLength).toBe(total);
    // 4 MB in slices of JOIN_SLICE_BYTES: the event loop turned between them.
    expect(ranWhileJoining).toBeGreaterThanOrEqual(Math.floor(total / JOIN_SLICE_BYTES) - 1);
  });

  it('rejects a declared Content-Length over the cap without retrying', async () => {
    server.route('/big', (_req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.end(Buffer.alloc(5000, 'a'));
    });
    const { fetchText, sleeps } = testFetcher({ maxBodyBytes: 1000 });
    const error = await rejection(fetchText(server.url('/big')));
    expect(error).toMatchObject({ kind: 'too_large', status: 200 });
    expect(error.message).toBe(`GET ${server.url('/big')} failed: body exceeds 1000 bytes (Content-Length is 4.9 KiB)`);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('stops reading an endless chunked body once it passes the cap', async () => {
    server.route('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // no length: chunked
      const timer = setInterval(() => res.write(Buffer.alloc(512, 'b')), 2);
      res.on('close', () => clearInterval(timer));
    });
    const { fetchText } = testFetcher({ maxBodyBytes: 4096 });
    const error = await rejection(fetchText(server.url('/endless')));
    expect(error.kind).toBe('too_large');
    expect(error.message).toBe(`GET ${server.url('/endless')} failed: body exceeds 4 KiB`);
    await delay(20);
    expect(server.requests[0]!.finishedAt).not.toBeNull(); // we hung up
  });

  it.each([
    ['gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateRawSync(b)], // the common mislabelled variant
    ['br', (b: Buffer) => zlib.brotliCompressSync(b)],
  ])('decompresses a %s body', async (encoding, compress) => {
    const text = '<rss>' + 'Backend engineer, remote — €60k. '.repeat(200) + '</rss>';
    server.route('/feed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': encoding });
      res.end(compress(Buffer.from(text)));
    });
    const result = await testFetcher().fetchText(server.url('/feed'));
    expect(result.status === 200 && result.body).toBe(text);
  });

  it('stops a gzip bomb at the decompressed cap', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024); // only the decompressed size is over the cap
    server.route('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const error = await rejection(testFetcher({ maxBodyBytes: 1024 * 1024 }).fetchText(server.url('/bomb')));
    expect(error.kind).toBe('too_large');
    expect(error.message).toBe(`GET ${server.url('/bomb')} failed: body exceeds 1 MiB`);
  });

  it('fails on a corrupt gzip body with a readable message', async () => {
    server.route('/broken', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('definitely not gzip'));
    const error = await rejection(testFetcher({ retries: 0 }).fetchText(server.url('/broken')));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/failed: could not decompress the gzip body: incorrect header check$/);
  });
});

describe('fetchText: charsets', () => {
  function serve(contentType: string | null, body: Buffer) {
    server.route('/doc', (_req, res) => {
      if (contentType) res.setHeader('content-type', contentType);
      res.end(body);
    });
  }
  async function fetchBody(): Promise<string> {
    const result = await testFetcher().fetchText(server.url('/doc'));
    if (result.status === 304) throw new Error('unexpected 304');
    return result.body;
  }

  it('decodes ISO-8859-1 by the Content-Type header', async () => {
    serve('text/html; charset=ISO-8859-1', Buffer.from('Café résumé, São Paulo', 'latin1'));
    expect(await fetchBody()).toBe('Café résumé, São Paulo');
  });

  it('decodes windows-1252 smart quotes and the euro sign', async () => {
    serve('text/plain; charset="windows-1252"', iconv.encode('“Senior” Go dev – 70 000 €', 'windows-1252'));
    expect(await fetchBody()).toBe('“Senior” Go dev – 70 000 €');
  });

  it('reads an "ISO-8859-1" body as windows-1252, like browsers do', async () => {
    serve('text/html; charset=iso-8859-1', Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x80]));
    expect(await fetchBody()).toBe('“Hi” €');
  });

  it('uses the XML prolog encoding when the header has no charset', async () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Développeur</title></rss>';
    serve('application/rss+xml', Buffer.from(xml, 'latin1'));
    expect(await fetchBody()).toBe(xml);
  });

  it('uses an HTML meta charset (Shift_JIS)', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>バックエンド求人</body></html>';
    serve('text/html', iconv.encode(html, 'Shift_JIS'));
    expect(await fetchBody()).toBe(html);
  });

  it('strips a UTF-8 BOM', async () => {
    serve('application/xml; charset=utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>ü</rss>')]));
    expect(await fetchBody()).toBe('<rss>ü</rss>');
  });

  it('falls back to UTF-8 for an unknown charset name', async () => {
    serve('text/html; charset=x-made-up-9', Buffer.from('naïve café'));
    expect(await fetchBody()).toBe('naïve café');
  });
});

describe('fetchText: redirects', () => {
  it('follows relative and cross-host redirects and returns the final URL', async () => {
    server.route('/start', (_req, res) => res.writeHead(301, { location: '/middle' }).end());
    server.route('/middle', (_req, res) => res.writeHead(307, { location: server.url('/final?x=1', 'localhost') }).end());
    server.route('/final', (_req, res) => res.end('arrived'));
    const result = await testFetcher().fetchText(server.url('/start'));
    expect(result).toMatchObject({ status: 200, url: server.url('/final?x=1', 'localhost'), body: 'arrived' });
    expect(server.requests.map((r) => `${r.headers.host}${r.path}`)).toEqual([
      `127.0.0.1:${server.port}/start`,
      `127.0.0.1:${server.port}/middle`,
      `localhost:${server.port}/final?x=1`,
    ]);
  });

  it('fails on a redirect loop without retrying', async () => {
    server.route('/a', (_req, res) => res.writeHead(302, { location: '/b' }).end());
    server.route('/b', (_req, res) => res.writeHead(302, { location: '/a' }).end());
    const { fetchText, sleeps } = testFetcher();
    const error = await rejection(fetchText(server.url('/a')));
    expect(error).toMatchObject({ kind: 'http', status: 302 });
    expect(error.message).toBe(`GET ${server.url('/b')} failed: redirect loop (${server.url('/b')} → ${server.url('/a')})`);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('follows at most 5 redirects', async () => {
    server.route('/hop', (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
      res.writeHead(308, { location: `/hop?n=${n + 1}` }).end();
    });
    const error = await rejection(testFetcher().fetchText(server.url('/hop?n=0')));
    expect(error.kind).toBe('http');
    expect(error.message).toBe(`GET ${server.url('/hop?n=5')} failed: too many redirects (more than 5)`);
    expect(server.requests).toHaveLength(6);
  });

  it('refuses to follow a redirect to a non-http URL', async () => {
    server.route('/out', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    const error = await rejection(testFetcher().fetchText(server.url('/out')));
    expect(error.kind).toBe('http');
    expect(error.message).toBe(`GET ${server.url('/out')} failed: redirected to file:///etc/passwd, which is not an http(s) URL`);
  });
});

describe('fetchText: per-host pacing', () => {
  const slow = (ms: number) => async (_req: unknown, res: { end(body: string): void }) => {
    await delay(ms);
    res.end('ok');
  };

  it('runs requests to one host one at a time, spaced by minIntervalMsPerHost', async () => {
    server.route('/slow', slow(40));
    const { fetchText } = createFetcher({ minIntervalMsPerHost: 100 });
    await Promise.all([fetchText(server.url('/slow?1')), fetchText(server.url('/slow?2'))]);
    const [first, second] = [...server.requests].sort((a, b) => a.time - b.time);
    // The server saw the second request only after the first response ended, plus the interval.
    expect(second!.time - first!.finishedAt!).toBeGreaterThanOrEqual(95); // 100ms, less clock granularity
  });

  it('runs requests to different hosts in parallel', async () => {
    server.route('/slow', slow(150));
    const { fetchText } = createFetcher({ minIntervalMsPerHost: 100 });
    await Promise.all([fetchText(server.url('/slow')), fetchText(server.url('/slow', 'localhost'))]);
    const [first, second] = [...server.requests].sort((a, b) => a.time - b.time);
    expect(new Set(server.requests.map((r) => r.headers.host?.split(':')[0]))).toEqual(new Set(['127.0.0.1', 'localhost']));
    expect(second!.time).toBeLessThan(first!.finishedAt!);
  });
});

describe('fetchText: abort and bad URLs', () => {
  it('aborts a request in flight', async () => {
    server.route('/hang', () => {});
    const controller = new AbortController();
    const pending = testFetcher().fetchText(server.url('/hang'), { signal: controller.signal });
    await delay(50);
    controller.abort(new Error('user cancelled'));
    const error = await rejection(pending);
    expect(error.kind).toBe('aborted');
    expect(error.message).toBe(`GET ${server.url('/hang')} aborted`);
    expect((error.cause as Error).message).toBe('user cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('cancels a backoff sleep', async () => {
    server.route('/down', (_req, res) => res.writeHead(500).end());
    // The real sleep, with a backoff of about a minute that the abort must cut short.
    const { fetchText } = createFetcher({ minIntervalMsPerHost: 0, baseDelayMs: 60_000, random: () => 0.99 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = fetchText(server.url('/down'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(pending);
    expect(error.kind).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('makes no request when the signal is already aborted', async () => {
    server.route('/feed', (_req, res) => res.end('ok'));
    const error = await rejection(testFetcher().fetchText(server.url('/feed'), { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['ftp://127.0.0.1/feed', 'GET ftp://127.0.0.1/feed failed: only http and https URLs can be fetched, not ftp:'],
    ['file:///etc/passwd', 'GET file:///etc/passwd failed: only http and https URLs can be fetched, not file:'],
    ['not a url', 'GET not a url failed: not a valid URL'],
  ])('rejects %s without a request', async (url, message) => {
    const { fetchText, sleeps } = testFetcher();
    const error = await rejection(fetchText(url));
    expect(error).toMatchObject({ kind: 'network', url, message });
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('fetchText: misconfiguration', () => {
  it('turns a header node:http refuses into a FetchError instead of throwing', async () => {
    const { fetchText } = testFetcher({ userAgent: 'bad\nagent', retries: 0 });
    const error = await rejection(fetchText(server.url('/feed')));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(new RegExp(`^GET ${server.url('/feed')} failed: could not send the request: `));
    expect(server.requests).toHaveLength(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  it.each([
    ['0', 0],
    ['1', 1000],
    [' 120 ', 120_000],
    ['Wed, 01 Jan 2025 12:00:30 GMT', 30_000],
    ['Wed, 01 Jan 2025 11:00:00 GMT', 0], // already past
  ])('reads %j as %i ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([null, undefined, '', '-5', 'soon', 'Wed, 99 Foo 2025'])('returns null for %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
});

describe('DEFAULT_FETCH_OPTIONS', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_FETCH_OPTIONS).toMatchObject({
      connectTimeoutMs: 10_000,
      totalTimeoutMs: 30_000,
      maxBodyBytes: 10 * 1024 * 1024,
      retries: 3,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 60_000,
      minIntervalMsPerHost: 1000,
      maxRedirects: 5,
      userAgent: 'trackend/0.1 (+https://github.com/trackend/trackend; job-search tracker for self-taught backend developers)',
    });
  });
});
