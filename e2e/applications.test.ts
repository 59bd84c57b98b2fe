import { describe, expect, it } from 'vitest';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, screenshot, textOf, useBrowser } from './support/browser';
import { HOSTILE_TITLE } from './support/hostile-listing';
import { card, jobRows, pageHeading } from './support/pages';

// Issue 5's browser test: a job saved from /jobs/[id] becomes an application that moves
// through the pipeline, keeps its notes, and is still there after a reload.

const browser = useBrowser();

describe('applications', () => {
  it('saves a job from its page, moves it to applied with a note, and lists it after a reload', async () => {
    const { page } = browser;
    await signUp(page, newAccount('applications'));

    await page.goto('/jobs?f=1&language=go');
    const link = jobRows(page).filter({ hasNotText: HOSTILE_TITLE }).first().getByRole('heading').getByRole('link');
    const title = (await link.innerText()).trim();
    await Promise.all([page.waitForURL(/\/jobs\/\d+/), link.click()]);
    const listingPath = new URL(page.url()).pathname;

    const track = card(page, 'Track it');
    await track.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => textOf(track)).toContain('In your pipeline: Saved');
    await screenshot(page, 'job-detail-saved');
    await expectAccessible(page, '/jobs/[id] (saved)');

    await Promise.all([page.waitForURL(/\/applications\/[^/?]+$/), track.getByRole('link', { name: 'Open application' }).click()]);
    const applicationPath = new URL(page.url()).pathname;
    expect(await textOf(pageHeading(page))).toBe(title);
    expect(await page.getByRole('link', { name: 'Listing in trackend' }).getAttribute('href')).toBe(listingPath);

    // Saved → Applied, with a note on the change.
    const statusForm = page.getByRole('form', { name: 'Change status' });
    await statusForm.getByLabel('New status').selectOption('applied');
    await statusForm.getByLabel('Note (optional)').fill('Applied on the company site, CV v3');
    await statusForm.getByRole('button', { name: 'Change status' }).click();
    await expect.poll(() => textOf(statusForm.getByRole('status'))).toContain('applied');
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect.poll(() => textOf(timeline)).toContain('Saved → Applied');
    expect(await textOf(timeline)).toContain('Applied on the company site, CV v3');

    // A note on the application itself.
    const details = page.getByRole('form', { name: 'Application details' });
    await details.getByRole('textbox', { name: 'Notes', exact: true }).fill('Recruiter: Dana. Ask about the Go platform team.');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => textOf(details.getByRole('status'))).toContain('Saved');

    await page.reload();
    expect(new URL(page.url()).pathname).toBe(applicationPath);
    expect(await textOf(page.getByRole('main').locator('header'))).toContain('Applied');
    expect(await page.getByRole('form', { name: 'Application details' }).getByRole('textbox', { name: 'Notes', exact: true }).inputValue()).toBe(
      'Recruiter: Dana. Ask about the Go platform team.',
    );
    expect(await textOf(page.getByRole('list', { name: 'Timeline' }))).toContain('Applied on the company site, CV v3');
    await screenshot(page, 'application-detail');
    await expectAccessible(page, '/applications/[id]');

    // The list view, after a reload too.
    await page.goto('/applications?view=list');
    await page.reload();
    const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain('Applied');
    await screenshot(page, 'applications-list');
    await expectAccessible(page, '/applications?view=list');

    // The listing page now shows where the application stands, and offers no second "Save".
    await page.goto(listingPath);
    await expect.poll(() => textOf(card(page, 'Track it'))).toContain('In your pipeline: Applied');
    expect(await card(page, 'Track it').getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);

    await page.goto('/applications');
    await screenshot(page, 'applications-board');
    await expectAccessible(page, '/applications (board)');
    expect(browser.pageErrors).toEqual([]);
  });
});
