import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseBoard } from '../../lib/ingest/prepare-worker';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { createFetcher } from '../fetcher';
import type { FetchedBody, ParseResult, ScrapeContext } from '../types';
import { ATS_API_ENV, atsBoardId, createAtsBoard, HIRING_SYSTEMS, type HiringSystem } from './index';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const FIXTURE: Record<HiringSystem, string> = {
  greenhouse: fixture('greenhouse-jobs.json'),
  lever: fixture('lever-postings.json'),
  'lever-eu': fixture('lever-postings.json'),
  ashby: fixture('ashby-job-board.json'),
  workable: fixture('workable-account.json'),
};
// Each system's API path on the stand-in server (the query is not part of the route).
const PATH: Record<HiringSystem, string> = {
  greenhouse: '/v1/boards/acme/jobs',
  lever: '/v0/postings/acme',
  'lever-eu': '/eu/v0/postings/acme',
  ashby: '/posting-api/job-board/acme',
  workable: '/api/v1/widget/accounts/acme',
};

let server: LocalServer;
beforeEach(async () => {
  server = await startLocalServer();
  for (const system of HIRING_SYSTEMS) {
    server.route(PATH[system], (req, res) => {
      const etag = `"${system}-1"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag, 'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT' }).end(FIXTURE[system]);
    });
    // One stand-in for every system; Lever (EU) under a path prefix.
    vi.stubEnv(ATS_API_ENV[system], server.url(system === 'lever-eu' ? '/eu' : ''));
  }
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

function context(url: string, overrides: Partial<ScrapeContext> = {}): ScrapeContext {
  const { fetchText } = createFetcher({ minIntervalMsPerHost: 0, retries: 0 });
  return { url, fetchText, conditional: {}, knownExternalIds: new Set(), log: () => {}, ...overrides };
}

describe('createAtsBoard', () => {
  it('is a complete JSON board named for the company, on its API URL, linking to its careers page', () => {
    vi.unstubAllEnvs();
    const board = createAtsBoard({ system: 'lever', token: 'acme', name: 'Acme Corp' });
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'lever-acme',
      name: 'Acme Corp',
      kind: 'json',
      url: 'https://api.lever.co/v0/postings/acme?mode=json',
      homepage: 'https://jobs.lever.co/acme',
    });
    expect(typeof board.parse).toBe('function');
  });

  for (const system of HIRING_SYSTEMS) {
    it(`${system}: reads the API over HTTP (asking for JSON), then answers 304 to the stored ETag`, async () => {
      const board = createAtsBoard({ system, token: 'acme', name: 'Acme Corp' });
      expect(board.url.startsWith(server.url(system === 'lever-eu' ? '/eu/' : '/'))).toBe(true);
      const first = await board.scrape(context(board.url));
      if (first.notModified) throw new Error('expected listings');
      expect(first).toMatchObject({ notModified: false, httpStatus: 200, complete: true, etag: `"${system}-1"`, lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT' });
      expect(first.items).toHaveLength(3);
      expect(first.skipped).toEqual([]);
      expect(first.items.every((item) => item.board === atsBoardId({ system, token: 'acme' }))).toBe(true);
      // Lever and Ashby name no company: the stored name fills it. Greenhouse and Workable say their own.
      const expectedCompany = { greenhouse: 'Gopher Cloud', lever: 'Acme Corp', 'lever-eu': 'Acme Corp', ashby: 'Acme Corp', workable: 'Northwind Logistics' }[system];
      expect(first.items.map((item) => item.company)).toEqual([expectedCompany, expectedCompany, expectedCompany]);

      const second = await board.scrape(context(board.url, { conditional: { etag: first.etag, lastModified: first.lastModified } }));
      expect(second).toEqual({ notModified: true, httpStatus: 304 });
      const requests = server.requests.filter((request) => request.path.startsWith(PATH[system]));
      expect(requests).toHaveLength(2);
      expect(requests[0]!.headers.accept).toBe('application/json');
      expect(requests[1]!.headers['if-none-match']).toBe(`"${system}-1"`);
      const { pathname, search } = new URL(board.url);
      expect(requests[0]!.path).toBe(pathname + search);
    });
  }

  it('parses off the serving thread through the worker pool task, and still fills the company name', async () => {
    const board = createAtsBoard({ system: 'ashby', token: 'acme', name: 'Acme Corp' });
    const offThread: string[] = [];
    const parseOffThread = async (boardId: string, response: FetchedBody): Promise<ParseResult> => {
      offThread.push(boardId);
      const bytes = new TextEncoder().encode(response.body);
      const done = parseBoard({ boardId, bytes, contentType: response.contentType, sourceUrl: response.url });
      if (!done.ok) throw new Error(done.parseError);
      return done.result;
    };
    const result = await board.scrape(context(board.url, { parseOffThread }));
    expect(offThread).toEqual(['ashby-acme']);
    if (result.notModified) throw new Error('expected listings');
    expect(result.items.map((item) => [item.title, item.company])).toEqual([
      ['Backend Engineer, Go', 'Acme Corp'],
      ['Site Reliability Engineer', 'Acme Corp'],
      ['Customer Support Specialist', 'Acme Corp'],
    ]);
  });

  it('a response that is not the API (an HTML error page with 200) fails the run with a ParseError', async () => {
    server.route(PATH.workable, (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Maintenance</title></head><body>Back soon</body></html>'));
    const board = createAtsBoard({ system: 'workable', token: 'acme', name: 'Acme' });
    await expect(board.scrape(context(board.url))).rejects.toThrow('Workable: expected JSON but got an HTML page ("Maintenance")');
  });

  it('refuses an invalid token and caps a hostile company name', () => {
    expect(() => createAtsBoard({ system: 'greenhouse', token: '../../admin', name: 'x' })).toThrow(TypeError);
    const board = createAtsBoard({ system: 'lever', token: 'acme', name: `  ${'N'.repeat(500)}  ` });
    const { items } = board.parse!(FIXTURE.lever, board.url);
    expect(items[0]!.company!.length).toBeLessThanOrEqual(200);
  });
});

describe('parseBoard (the worker pool task) on followed companies', () => {
  const task = (boardId: string, body: string) => ({ boardId, bytes: new TextEncoder().encode(body), contentType: 'application/json', sourceUrl: 'https://api.lever.co/v0/postings/acme?mode=json' });

  it('finds the parser from the board id and returns only items and skipped', () => {
    const done = parseBoard(task('lever-acme', FIXTURE.lever));
    if (!done.ok) throw new Error(done.parseError);
    expect(Object.keys(done.result).sort()).toEqual(['items', 'skipped']);
    expect(done.result.items).toHaveLength(3);
  });

  it('carries a ParseError back as data', () => {
    expect(parseBoard(task('workable-acme', '[]'))).toEqual({ ok: false, parseError: 'Workable: expected an object with a "jobs" array, got an array of 0' });
  });

  it('still refuses an id that is neither a built-in board nor a company board', () => {
    expect(() => parseBoard(task('monster-acme', '[]'))).toThrow('no board "monster-acme" with a parse of its own');
  });
});
