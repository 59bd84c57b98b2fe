import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUp } from './support/accounts';
import { expectAccessible, hydrated, screenshot, textOf, useBrowser, visible } from './support/browser';
import { jobRows } from './support/pages';

// Saving a search on /jobs, copying its private feed link, and reading the feed (sample boards from global setup).

const browser = useBrowser();

const goCheckbox = (page: Page) => page.getByRole('group', { name: 'Language' }).getByRole('checkbox', { name: /^Go(\s+\d+)?$/ });
const panel = (page: Page) => page.getByRole('region', { name: 'Saved searches' });

describe('saved searches', () => {
  it('filters /jobs, saves the search, copies its feed link and the feed lists the jobs', async () => {
    const { page, context, baseUrl } = browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await signUp(page);
    await page.goto('/jobs?f=1');
    await expect.poll(() => jobRows(page).count(), { message: 'sample listings on /jobs' }).toBeGreaterThan(0);
    // The specialization search is there from the first view.
    await visible(panel(page).getByRole('link', { name: /My specialization/ }));

    await goCheckbox(page).check();
    await Promise.all([page.waitForURL(/[?&]language=go(&|$)/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    const hrefs = await jobRows(page).getByRole('heading').getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const pageIds = hrefs.map((href) => Number(/^\/jobs\/(\d+)/.exec(href)?.[1]));
    expect(pageIds.length).toBeGreaterThan(0);

    const form = page.getByRole('form', { name: 'Save this search' });
    await hydrated(form);
    await form.getByLabel('Name for this search').fill('Go jobs (e2e)');
    await form.getByRole('button', { name: 'Save this search' }).click();
    const feedBox = page.getByTestId('feed-link');
    await visible(feedBox);
    const shown = await feedBox.getByLabel('Feed URL').inputValue();
    expect(shown).toMatch(new RegExp(`^${new URL(baseUrl).origin}/feeds/[A-Za-z0-9_-]{43}\\.atom$`));
    await visible(panel(page).getByRole('link', { name: /Go jobs \(e2e\)/ }));

    await feedBox.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => textOf(feedBox.getByRole('status'))).toMatch(/Copied|Selected/);
    const copied = (await textOf(feedBox.getByRole('status'))).startsWith('Copied')
      ? await page.evaluate(() => navigator.clipboard.readText())
      : await page.evaluate(() => window.getSelection()?.toString() ?? (document.activeElement as HTMLInputElement | null)?.value ?? '');
    expect(copied).toBe(shown);
    await screenshot(page, 'saved-searches-saved');
    await expectAccessible(page, '/jobs with a saved search and its feed link');

    // The feed needs no session: its token is the credential.
    const response = await fetch(copied);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const feed = await new Parser().parseString(await response.text());
    expect(feed.title).toBe('Go jobs (e2e) · trackend');
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(item.link).toMatch(new RegExp(`^${new URL(baseUrl).origin}/jobs/\\d+$`));
    // The same jobs as the page, newest first.
    const feedIds = feed.items.map((item) => Number(item.link!.split('/').at(-1)));
    expect(feedIds.slice(0, pageIds.length)).toEqual(pageIds);
    const etag = response.headers.get('etag')!;
    expect((await fetch(copied, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    // Opening the saved search marks it seen and offers to manage it.
    await Promise.all([page.waitForURL(/[?&]saved=/), panel(page).getByRole('link', { name: /Go jobs \(e2e\)/ }).click()]);
    expect(new URL(page.url()).searchParams.getAll('language')).toEqual(['go']);
    await expect.poll(() => panel(page).getByRole('link', { name: /Go jobs \(e2e\)/ }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => textOf(panel(page).getByRole('link', { name: /Go jobs \(e2e\)/ }))).toContain('Nothing new since you last looked');
    await panel(page).getByText('Manage “Go jobs (e2e)”').click();
    await visible(panel(page).getByRole('button', { name: 'New feed link' }));
    await screenshot(page, 'saved-searches-manage');

    // The dashboard lists it too.
    await page.goto('/');
    await visible(page.getByRole('link', { name: /Go jobs \(e2e\)/ }));
    await screenshot(page, 'saved-searches-dashboard');
    expect(browser.pageErrors).toEqual([]);
  });
});
