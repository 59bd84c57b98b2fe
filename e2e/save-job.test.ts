import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../test/support/local-server';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, hydrated, screenshot, textOf, useBrowser } from './support/browser';

// Issue 13's "save a job from any page": the bookmarklet's page (/applications/save?url=&text=)
// reads a JSON-LD job page and saves it in one click; the add form finishes by hand after a 422.
// The job pages are served on 127.0.0.2, which global-setup opens as a public stand-in.

const browser = useBrowser();
const JOB_PAGE = readFileSync(new URL('../scrapers/job-page/fixtures/several-blocks.html', import.meta.url), 'utf8');

describe('saving a job from any page', () => {
  let site: LocalServer;
  beforeAll(async () => {
    site = await startLocalServer(
      {
        '/careers/go-backend': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(JOB_PAGE),
        '/careers/gone': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>'),
      },
      { host: '127.0.0.2' },
    );
  });
  afterAll(async () => site?.close());

  it('opens the bookmarklet page signed out → sign-in → prefilled fields → Save → on /applications', async () => {
    const { page } = browser;
    const jobUrl = site.url('/careers/go-backend');
    const savePath = `/applications/save?url=${encodeURIComponent(jobUrl)}&title=${encodeURIComponent('Careers | Gopher Works')}&text=${encodeURIComponent('Sam from the Go meetup works there')}`;

    // Signed out, the page sends the visitor to sign in and back to this exact URL.
    await page.goto(savePath);
    await page.waitForURL(/\/signin\?next=/);
    const next = new URL(new URL(page.url()).searchParams.get('next') ?? '', 'http://x');
    expect(next.pathname).toBe('/applications/save');
    expect(Object.fromEntries(next.searchParams)).toEqual({ url: jobUrl, title: 'Careers | Gopher Works', text: 'Sam from the Go meetup works there' });
    await signUp(page, newAccount('save-job'), savePath);
    await page.waitForURL((url) => url.pathname === '/applications/save');

    const form = page.getByRole('form', { name: 'Save this job' });
    await expect.poll(() => form.getByLabel('Job title').inputValue()).toBe('Backend Engineer (Go) & Platform');
    expect(await form.getByLabel('Company', { exact: true }).inputValue()).toBe('Gopher Works GmbH');
    expect(await form.getByLabel('Location').inputValue()).toBe('Berlin, DE; Hamburg, DE');
    expect(await form.getByLabel('Salary').inputValue()).toBe('EUR 70,000–90,000 per year');
    expect(await form.getByLabel('Posted').inputValue()).toBe('2026-11-20');
    expect(await form.getByLabel('Closes').inputValue()).toBe('2027-01-20');
    expect(await form.getByLabel('Description (excerpt)').inputValue()).toContain('Build our Go services on PostgreSQL.');
    expect(await form.getByRole('textbox', { name: 'Notes', exact: true }).inputValue()).toBe('Sam from the Go meetup works there');
    expect(await textOf(form.getByRole('status').first())).toContain('Read the page (its job posting data)');
    await screenshot(page, 'save-job-prefilled');
    await expectAccessible(page, '/applications/save (prefilled)');

    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => textOf(form)).toContain('Added Backend Engineer (Go) & Platform at Gopher Works GmbH.');
    await screenshot(page, 'save-job-saved');

    await page.goto('/applications');
    await expect.poll(() => textOf(page.getByRole('main'))).toContain('Backend Engineer (Go) & Platform');
    const bookmarklet = page.getByRole('link', { name: 'Save to trackend' });
    await expect.poll(() => bookmarklet.getAttribute('href')).toMatch(/^javascript:\(function\(\)\{/);
    const origin = new URL(page.url()).origin;
    expect(await bookmarklet.getAttribute('href')).toContain(JSON.stringify(`${origin}/applications/save`));

    await page.getByRole('link', { name: 'Backend Engineer (Go) & Platform' }).first().click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const posting = page.locator('section', { has: page.getByRole('heading', { name: 'What the posting said' }) });
    await expect.poll(() => textOf(posting)).toContain('EUR 70,000–90,000 per year');
    expect(await textOf(posting)).toContain('FULL_TIME, CONTRACTOR');
  });

  it('shows the reason a page cannot be read, keeps what was typed, and adds it by hand', async () => {
    const { page } = browser;
    await signUp(page, newAccount('save-job-by-hand'));
    await page.goto('/applications#add');
    const form = page.getByRole('form', { name: 'Add application' });
    await hydrated(form);
    const gone = site.url('/careers/gone');
    await form.getByLabel('Link to the posting').fill(gone);
    await form.getByRole('button', { name: 'Read page' }).click();
    await expect.poll(() => textOf(form)).toContain('HTTP 404');
    expect(await form.getByLabel('Link to the posting').inputValue()).toBe(gone);
    await form.getByLabel('Job title').fill('Platform Engineer (Go)');
    await form.getByLabel('Company', { exact: true }).fill('Vanishing Startup');
    await form.getByLabel('Where you found it').selectOption('referral');
    await screenshot(page, 'add-form-422');
    await expectAccessible(page, '/applications (add form after a 422)');

    await form.getByRole('button', { name: 'Add application' }).click();
    await expect.poll(() => textOf(form)).toContain('Added Platform Engineer (Go) at Vanishing Startup.');
    await page.reload();
    await expect.poll(() => textOf(page.getByRole('main'))).toContain('Platform Engineer (Go)');
    await screenshot(page, 'applications-after-save');
  });
});
