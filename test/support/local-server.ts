import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A throwaway HTTP server on 127.0.0.1 (or another loopback address; a free port) for tests that speak real HTTP.
 *
 *   const server = await startLocalServer({ '/feed': (req, res) => res.end('<rss/>') });
 *   afterEach(() => server.close());
 *   server.route('/other', (req, res, n) => { ... });  // add or replace a route; n = 1-based hit count
 *   await fetchText(server.url('/feed'));             // http://127.0.0.1:<port>/feed
 *   server.url('/feed', 'localhost');                 // the same server under another host name
 *   server.requests;                                  // what arrived, in order (see LoggedRequest)
 *   await startLocalServer({}, { host: '127.0.0.2' }); // another loopback address (Linux answers all
 *                                                     // of 127/8), e.g. a stand-in for a public host
 *
 * Routes match the path without its query string; unknown paths answer 404 "no route", a
 * handler that throws answers 500. A handler may also never answer: close() cuts every
 * connection, so a hanging handler cannot hold a test open.
 */

// The return value is ignored (so `(req, res) => res.end("x")` works); a returned promise is awaited.
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, hit: number) => unknown;

export interface LoggedRequest {
  method: string;
  /** Path and query as sent, e.g. "/feed?page=2". */
  path: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived (monotonic ms, for measuring gaps). */
  time: number;
  /** performance.now() when the response ended or the connection closed; null while open. */
  finishedAt: number | null;
}

export interface LocalServer {
  readonly port: number;
  url(path?: string, host?: string): string;
  route(path: string, handler: RouteHandler): void;
  readonly requests: LoggedRequest[];
  close(): Promise<void>;
}

export async function startLocalServer(routes: Record<string, RouteHandler> = {}, options: { host?: string } = {}): Promise<LocalServer> {
  const address = options.host ?? '127.0.0.1';
  const handlers = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const requests: LoggedRequest[] = [];

  const server = http.createServer((req, res) => {
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      time: performance.now(),
      finishedAt: null,
    };
    requests.push(entry);
    res.on('close', () => (entry.finishedAt = performance.now()));

    const pathname = entry.path.split('?')[0]!;
    const handler = handlers.get(pathname);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no route for ${pathname}`);
      return;
    }
    const hit = (hits.get(pathname) ?? 0) + 1;
    hits.set(pathname, hit);
    Promise.resolve()
      .then(() => handler(req, res, hit))
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`handler threw: ${String(error)}`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: (path = '/', host = address) => `http://${host}:${port}${path}`,
    route: (path, handler) => void handlers.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An http URL on 127.0.0.1 where nothing listens (connections are refused). */
export async function refusedUrl(path = '/'): Promise<string> {
  const server = await startLocalServer();
  await server.close();
  return server.url(path);
}
