import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../scrapers/errors';
import { decodeBody } from '../../scrapers/fetch/decode';
import { parseRemotive } from '../../scrapers/remotive';
import type { FetchedBody, ParseResult, RawListing } from '../../scrapers/types';
import { pageListing, preparePage } from '../applications/page-listing';
import { contentHash, prepareListing } from './prepare';
import { createPreparePool, type PrepareItems } from './prepare-pool';
import { rowJson } from './row-json';
import { POOL_THREAD_NICE, lowerThisThreadsPriority } from './thread-priority';
import { validateRawListing } from './validate';

function items(count: number, overrides: (n: number) => Partial<RawListing> = () => ({})): PrepareItems {
  return Array.from({ length: count }, (_, i) => {
    const checked = validateRawListing({
      board: 'pool',
      externalId: `job-${i}`,
      url: `https://pool.example/jobs/${i}`,
      title: `Senior Go Engineer ${i}`,
      company: `Company ${i}`,
      location: 'Remote (EU)',
      salaryText: '$120k - $150k',
      tags: ['golang'],
      descriptionHtml: `<p>Go and PostgreSQL, ${i} years.</p><script>alert(${i})</script>`,
      postedAt: new Date('2026-11-20T09:00:00Z'),
      ...overrides(i),
    });
    if (!checked.ok) throw new Error(checked.reason);
    return { item: checked.item, hash: contentHash(checked.item) };
  });
}

const options = { isSample: false, rates: { USD: 1 }, now: new Date('2026-12-01T00:00:00Z') };

/** Each thread of this process (Linux's /proc) with its nice value, the 19th field of its stat line. */
function threadNiceValues(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nice.set(Number(tid), Number(fields[16]));
  }
  return nice;
}

describe('the prepare pool', () => {
  const pool = createPreparePool({ maxThreads: 2 });
  const crashing = createPreparePool({ maxThreads: 2, filename: fileURLToPath(new URL('../../test/support/crashing-prepare-worker.ts', import.meta.url)) });
  afterAll(async () => {
    await Promise.all([pool.close(), crashing.close()]);
  });

  it('prepares in worker threads, a batch per task, exactly as prepareListing does, in order', async () => {
    const batch = items(250);
    const outcomes = await pool.prepare(batch, options);
    expect(outcomes.map((o) => (o.ok ? o.json : o.error))).toEqual(batch.map(({ item, hash }) => rowJson(prepareListing(item, hash, options))));
    const stats = pool.stats();
    // 250 items over two threads: 100 at most per task, never one message per item.
    expect(stats.tasks).toBe(3);
    expect(stats.threadIds.length).toBeGreaterThan(0);
    expect(stats.threadIds).not.toContain(threadId);
  });

  it.runIf(process.platform === 'linux')('runs its threads at the lowest CPU priority, and leaves the thread that serves as it was', async () => {
    const before = threadNiceValues().get(process.pid);
    await pool.prepare(items(4), options);
    const after = threadNiceValues();
    expect(after.get(process.pid)).toBe(before);
    expect([...after.values()]).toContain(POOL_THREAD_NICE);
    // Elsewhere a nice value is the whole process's, and a main thread serves: neither is changed.
    expect(lowerThisThreadsPriority({ platform: 'darwin', mainThread: false })).toBe(false);
    expect(lowerThisThreadsPriority({ platform: 'linux', mainThread: true })).toBe(false);
    expect(threadNiceValues().get(process.pid)).toBe(before);
  });

  it('hands the outcomes over a task at a time, in item order, before the last task is done', async () => {
    const batch = items(250);
    const chunks: number[] = [];
    const seen: string[] = [];
    for await (const outcomes of pool.prepareInOrder(batch, options)) {
      chunks.push(outcomes.length);
      for (const outcome of outcomes) seen.push(outcome.ok ? (JSON.parse(outcome.json) as { external_id: string }).external_id : 'failed');
    }
    // One chunk per task (100 items at most): a caller writes the first rows while the rest are prepared.
    expect(chunks).toEqual([100, 100, 50]);
    expect(seen).toEqual(batch.map(({ item }) => item.externalId));
  });

  it('queues only a few tasks ahead of the caller, so the next rows are the ones being prepared', async () => {
    // 1,000 items over two threads: ten tasks of 100. The caller takes the first chunk and waits.
    const before = pool.stats().tasks;
    const chunks = pool.prepareInOrder(items(1000), options);
    const first = await chunks.next();
    expect(first.value).toHaveLength(100);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Two per thread ahead of the one awaited, not all ten: a queue piscina runs out of order
    // would otherwise hold the caller's next chunk behind the rest.
    const ran = pool.stats().tasks - before;
    expect(ran).toBeGreaterThanOrEqual(2);
    expect(ran).toBeLessThanOrEqual(5);
    let rest = 0;
    for await (const outcomes of chunks) rest += outcomes.length;
    expect(rest).toBe(900);
    expect(pool.stats().tasks - before).toBe(10);
  });

  it('turns an item that throws into that item’s failure, with its reason', async () => {
    const batch = items(3);
    // Not a valid listing (validation would refuse it): classify fails on it inside the worker.
    (batch[1]!.item as { tags: unknown }).tags = null;
    const outcomes = await pool.prepare(batch, options);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const failed = outcomes[1]!;
    expect(failed.ok === false && failed.error).toMatchObject({ name: 'TypeError', message: expect.stringMatching(/null/) });
  });

  it('fails only the item that kills its worker, and keeps serving the next batch', async () => {
    const batch = items(6, (n) => (n === 4 ? { title: 'crash the worker' } : {}));
    const outcomes = await crashing.prepare(batch, options);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true, false, true]);
    const failed = outcomes[4]!;
    expect(failed.ok === false && failed.error.message).toMatch(/exit/i);
    expect(outcomes[5]!.ok && (JSON.parse(outcomes[5]!.json) as { external_id: string }).external_id).toBe('job-5');
    const again = await crashing.prepare(items(2), options);
    expect(again.every((o) => o.ok)).toBe(true);
  });

  /** What ingestion makes of a parse in place: each item validated and hashed, or refused with the reason. */
  const checkedInPlace = ({ items, skipped }: ParseResult) => {
    const checks = items.map((raw) => validateRawListing({ ...raw, board: 'remotive' }));
    return {
      items: checks.map((checked, i) => (checked.ok ? checked.item : items[i])),
      skipped,
      checks: checks.map((checked) => (checked.ok ? { hash: contentHash(checked.item) } : { reason: checked.reason })),
    };
  };

  it('parses a built-in board\'s response in a worker exactly as in place (its bytes decoded there), and a bad body as a ParseError', async () => {
    const bytes = readFileSync(new URL('../../scrapers/remotive/fixtures/remote-jobs.json', import.meta.url));
    const body = bytes.toString('utf8').replace(/^\ufeff/, '');
    const response = (over: Partial<FetchedBody>): FetchedBody => ({ status: 200, url: 'https://remotive.com/api', body, contentType: 'application/json', etag: null, lastModified: null, ...over });
    const before = pool.stats().tasks;
    await expect(pool.parse('remotive', response({ bytes }))).resolves.toEqual(checkedInPlace(parseRemotive(body)));
    // A latin-1 body is decoded in the worker with its charset, as the fetcher would.
    const latin1 = Buffer.from(body, 'latin1');
    const latin1Type = 'application/json; charset=iso-8859-1';
    await expect(pool.parse('remotive', response({ bytes: latin1, contentType: latin1Type }))).resolves.toEqual(checkedInPlace(parseRemotive(decodeBody(latin1, latin1Type))));
    // A fake response without bytes travels as UTF-8.
    await expect(pool.parse('remotive', response({}))).resolves.toEqual(checkedInPlace(parseRemotive(body)));
    expect(pool.stats().tasks).toBe(before + 3);
    const bad = await pool.parse('remotive', response({ body: '{"jobs": oops' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ParseError);
    await expect(pool.parse('no-such-board', response({}))).rejects.toThrow(/no board "no-such-board"/);
  });

  it('moves a buffer the response owns to the worker rather than copying it, and then refuses to read the body here', async () => {
    const body = JSON.stringify({ 'job-count': 0, jobs: [] });
    const owned = new Uint8Array(Buffer.from(body)); // a buffer of its own, as the fetcher allocates
    const response: FetchedBody = { status: 200, url: 'https://remotive.com/api', body, bytes: owned, contentType: 'application/json', etag: null, lastModified: null };
    await expect(pool.parse('remotive', response)).resolves.toMatchObject({ items: [], skipped: [] });
    expect(owned.byteLength).toBe(0); // detached: it went over, not a copy
    expect(() => response.body).toThrow(/handed to the worker pool/);
    // A view into a larger buffer (Node's pool) is copied, and the caller's bytes stay.
    const pooled = Buffer.from(body);
    const shared: FetchedBody = { status: 200, url: 'https://remotive.com/api', body, bytes: pooled, contentType: 'application/json', etag: null, lastModified: null };
    await pool.parse('remotive', shared);
    expect(pooled.toString()).toBe(body);
  });

  it('refuses an invalid item in the worker with the reason validation gives, and keeps the others', async () => {
    const data = { 'job-count': 2, jobs: [
      { id: 1, url: 'https://remotive.com/remote-jobs/software-dev/ok-1', title: 'Go Engineer', company_name: 'Acme', category: 'Software Development', tags: [], job_type: 'full_time', publication_date: '2026-11-20T10:00:00', candidate_required_location: 'Worldwide', salary: '', description: '<p>Go</p>' },
      { id: 2, url: `https://remotive.com/remote-jobs/${'a'.repeat(3000)}`, title: 'Go Engineer', company_name: 'Acme', category: 'Software Development', tags: [], job_type: 'full_time', publication_date: '2026-11-20T10:00:00', candidate_required_location: 'Worldwide', salary: '', description: '<p>Go</p>' },
    ] };
    const body = JSON.stringify(data);
    const parsed = await pool.parse('remotive', { status: 200, url: 'https://remotive.com/api', body, contentType: 'application/json', etag: null, lastModified: null });
    expect(parsed).toEqual(checkedInPlace(parseRemotive(body)));
    expect(parsed.checks[0]).toHaveProperty('hash');
    expect(parsed.checks[1]).toEqual({ reason: expect.stringMatching(/^url /) });
  });

  it('reads and prepares a job page in a worker exactly as in place (its bytes decoded there), and a page without a job as the reason', async () => {
    const html = '<html><head><title>x</title><script type="application/ld+json">{"@type":"JobPosting","title":"Senior Go Engineer","hiringOrganization":{"name":"Acme"},' +
      '"description":"<p>Go and PostgreSQL.</p><img src=x onerror=alert(1)>","datePosted":"2026-11-20","jobLocationType":"TELECOMMUTE"}</script></head><body></body></html>';
    const url = 'https://jobs.example/go';
    const rates = { USD: 1 };
    const latin1Type = 'text/html; charset=iso-8859-1';
    const bytes = new Uint8Array(Buffer.from(html.replace('Acme', 'Acmé'), 'latin1'));
    const read = await pool.readPage({ status: 200, url, body: '', bytes, contentType: latin1Type, etag: null, lastModified: null }, rates);
    expect(read).toEqual(pageListing(html.replace('Acme', 'Acmé'), url, rates));
    expect(read.ok && [read.page.company, read.prepared.remote, read.prepared.languages, read.prepared.descriptionHtml]).toEqual(['Acmé', 'remote', ['go'], expect.not.stringMatching(/onerror/)]);
    expect(bytes.byteLength).toBe(0); // moved, not copied
    await expect(pool.readPage({ status: 200, url, body: '<p>no job here</p>', contentType: 'text/html', etag: null, lastModified: null }, rates)).resolves.toEqual({
      ok: false,
      reason: expect.stringMatching(/^No job title found/),
    });
    const snapshot = { url, title: 'Backend developer', company: 'Acme', location: null, salaryText: '$120k', postedAt: new Date('2026-11-30T00:00:00Z'), descriptionHtml: '<p>Python</p>' };
    await expect(pool.preparePage(snapshot, rates)).resolves.toEqual(preparePage(snapshot, rates));
  });
});
