import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, textOf, useBrowser, visible } from './support/browser';
import { HOSTILE_TITLE } from './support/hostile-listing';
import { card, jobRows } from './support/pages';

// Public pages over the sample boards (global setup ingests them): /jobs, /jobs/[id], /boards.

const browser = useBrowser();

/** The Go checkbox in the filter form; its label reads "Go" followed by the facet count. */
const goCheckbox = (page: Page) => page.getByRole('group', { name: 'Language' }).getByRole('checkbox', { name: /^Go(\s+\d+)?$/ });

describe('/jobs', () => {
  it('filters by Go with the form, keeps the filter through a listing, back and reload', async () => {
    const { page } = browser;
    await page.goto('/jobs');
    await expect.poll(() => jobRows(page).count(), { message: 'sample listings on /jobs' }).toBeGreaterThan(0);
    expect(await goCheckbox(page).isChecked()).toBe(false);

    await goCheckbox(page).check();
    await Promise.all([page.waitForURL(/[?&]language=go(&|$)/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    const filteredUrl = new URL(page.url());
    expect(filteredUrl.pathname).toBe('/jobs');
    expect(filteredUrl.searchParams.getAll('language')).toEqual(['go']);
    await expect.poll(() => goCheckbox(page).isChecked()).toBe(true);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Go jobs');

    const rows = jobRows(page);
    const count = await rows.count();
    expect(count, 'the samples include Go listings').toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const title = await row.getByRole('heading').innerText();
      expect(await row.getByText('Go', { exact: true }).count(), `Go badge on "${title}"`).toBeGreaterThan(0);
    }
    await screenshot(page, 'jobs-go');
    await expectAccessible(page, '/jobs?language=go');

    // Open the first listing, then come back with the browser's Back button.
    const first = rows.first().getByRole('heading').getByRole('link');
    const firstTitle = (await first.innerText()).trim();
    await Promise.all([page.waitForURL(/\/jobs\/\d+/), first.click()]);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(firstTitle);
    const back = page.getByRole('link', { name: '← Back to results' });
    expect(new URL((await back.getAttribute('href'))!, page.url()).searchParams.getAll('language')).toEqual(['go']);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/jobs');
    expect(new URL(page.url()).searchParams.getAll('language')).toEqual(['go']);
    await expect.poll(() => goCheckbox(page).isChecked(), { message: 'Go still checked after Back' }).toBe(true);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Go jobs');

    await page.reload();
    expect(new URL(page.url()).searchParams.getAll('language')).toEqual(['go']);
    expect(await goCheckbox(page).isChecked(), 'Go still checked after reload').toBe(true);
    expect(await jobRows(page).count()).toBe(count);

    // The listing's own "Back to results" link also restores the filter.
    await Promise.all([page.waitForURL(/\/jobs\/\d+/), rows.first().getByRole('heading').getByRole('link').click()]);
    await Promise.all([page.waitForURL((url) => url.pathname === '/jobs'), page.getByRole('link', { name: '← Back to results' }).click()]);
    expect(new URL(page.url()).searchParams.getAll('language')).toEqual(['go']);
    await expect.poll(() => goCheckbox(page).isChecked()).toBe(true);

    expect(browser.pageErrors).toEqual([]);
  });

  it('shows a listing with its description, badges and a safe link back to the board', async () => {
    const { page } = browser;
    await page.goto('/jobs?f=1&language=go');
    // A sample listing, not the hostile one the next test is about.
    const link = jobRows(page).filter({ hasNotText: HOSTILE_TITLE }).first().getByRole('heading').getByRole('link');
    const title = (await link.innerText()).trim();
    await Promise.all([page.waitForURL(/\/jobs\/\d+/), link.click()]);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(title);
    await visible(page.getByRole('article').getByText('Go', { exact: true }));

    const applyOn = card(page, 'Apply on').getByRole('link');
    expect(await applyOn.count()).toBeGreaterThan(0);
    for (const a of await applyOn.all()) {
      expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await a.getAttribute('target')).toBe('_blank');
      expect((await a.getAttribute('rel'))?.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
    await screenshot(page, 'job-detail');
    await expectAccessible(page, '/jobs/[id]');
    expect(browser.pageErrors).toEqual([]);
  });

  it('renders a listing with scripts, event handlers and javascript: links inert', async () => {
    const { page } = browser;
    const id = inject('hostileListingId');
    const response = await page.goto(`/jobs/${id}`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(HOSTILE_TITLE);
    const intro = page.getByText('Build Go services with PostgreSQL.', { exact: true });
    await visible(intro);
    // Give anything that could run a chance to: the pointer over every line, a short wait.
    await page.getByText('Hover over this line').hover();
    await page.getByText('End of the hostile description.').hover();
    await page.waitForTimeout(500);

    expect(browser.dialogs, 'no alert/confirm/prompt').toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), 'window.__xss').toBeUndefined();

    const found = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent === 'Build Go services with PostgreSQL.');
      const description = p?.parentElement;
      if (!description) return null;
      const handlers: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) if (attr.toLowerCase().startsWith('on')) handlers.push(`${el.tagName}[${attr}]`);
      }
      const badHref = /^(javascript|data|vbscript):/i;
      const clean = (href: string) => href.replace(/[\u0000-\u0020]/g, '');
      return {
        handlers,
        // Next's own inline scripts are fine; none may carry the description's code.
        scriptsWithPayload: [...document.querySelectorAll('script')].filter((s) => /__xss|alert\(/.test(s.textContent ?? '') || s.id.startsWith('hostile')).length,
        descriptionTags: [...description.querySelectorAll('script, iframe, object, embed, svg, math, img, form, button, style, [style], [id]')].map((el) => el.outerHTML.slice(0, 80)),
        badHrefs: [...document.querySelectorAll('[href], [src], [action], [formaction], [data]')]
          .flatMap((el) => ['href', 'src', 'action', 'formaction', 'data'].map((a) => el.getAttribute(a) ?? ''))
          .filter((value) => badHref.test(clean(value))),
        links: [...description.querySelectorAll('a')].map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
      };
    });
    expect(found, 'the description container').not.toBeNull();
    expect(found!.handlers, 'event-handler attributes anywhere in the page').toEqual([]);
    expect(found!.scriptsWithPayload, 'script elements carrying the description').toBe(0);
    expect(found!.descriptionTags, 'active or tracking elements in the description').toEqual([]);
    expect(found!.badHrefs, 'javascript:/data: URLs').toEqual([]);

    // The safe link survives, opens in a new tab without an opener; the bad ones lost their href.
    const safe = found!.links.find((l) => l.text === 'Apply on example.com');
    expect(safe).toMatchObject({ href: 'https://example.com/apply', target: '_blank' });
    for (const link of found!.links.filter((l) => l.href !== null)) {
      expect(link.href, link.text).toMatch(/^https?:\/\//);
      expect(link.target, link.text).toBe('_blank');
      expect(link.rel?.split(/\s+/), link.text).toEqual(expect.arrayContaining(['noopener', 'noreferrer', 'nofollow']));
    }
    expect(found!.links.find((l) => l.text === 'Apply via javascript')?.href ?? null).toBeNull();

    await screenshot(page, 'job-detail-hostile');
    await expectAccessible(page, '/jobs/[id] (hostile description)');
    expect(browser.dialogs).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('/boards', () => {
  it("lists every board's health after the sample ingestion", async () => {
    const { page } = browser;
    await page.goto('/boards');
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Boards');
    const table = page.getByRole('table', { name: 'Board health' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    const golang = rows.filter({ has: page.getByRole('link', { name: 'Golang Cafe' }) });
    await expect.poll(() => golang.count()).toBe(1);
    await visible(golang.getByText('healthy'));
    await visible(golang.getByText('sample data'));
    await screenshot(page, 'boards');
    await expectAccessible(page, '/boards');
    expect(browser.pageErrors).toEqual([]);
  });
});
