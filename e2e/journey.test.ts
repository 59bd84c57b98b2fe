import { describe, expect, it } from 'vitest';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, hydrated, screenshot, textOf, useBrowser } from './support/browser';
import { addEntry, addTimeForm, figure } from './support/dashboard';
import { HOSTILE_TITLE } from './support/hostile-listing';
import { card, jobRows, pageHeading } from './support/pages';

// Issue 7: a new user's whole first session on a fresh database (global setup has ingested the
// bundled sample boards): sign up, pick Go, see Go jobs, apply to one, log an hour of building
// and half an hour of applying, and find the balance on the dashboard. Every page is
// screenshotted (e2e/screenshots/journey-*.png) and checked with axe.

const browser = useBrowser();

describe('a new user’s journey', () => {
  it('signs up, specialises in Go, applies to a Go job, logs time and sees the balance', async () => {
    const { page } = browser;
    const step = async (name: string, label: string) => {
      await screenshot(page, `journey-${name}`);
      await expectAccessible(page, label);
    };

    // 1. Sign up: lands on the settings page, welcomed.
    await page.goto('/');
    await step('01-landing', '/ (signed out)');
    await page.goto('/signup');
    await step('02-signup', '/signup');
    await signUp(page, newAccount('journey'));
    expect(new URL(page.url()).pathname).toBe('/settings');

    // 2. Go as the specialization.
    // The profile form (settings also holds the password, sessions and deletion forms).
    const settings = page.getByRole('main').locator('form').filter({ has: page.getByRole('button', { name: 'Save settings' }) });
    await hydrated(settings);
    const go = settings.getByRole('group', { name: 'Specialization languages' }).getByRole('checkbox', { name: 'Go', exact: true });
    await go.check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => textOf(settings.getByRole('status'))).toContain('Saved.');
    await page.reload();
    expect(await page.getByRole('group', { name: 'Specialization languages' }).getByRole('checkbox', { name: 'Go', exact: true }).isChecked()).toBe(true);
    await step('03-settings', '/settings');

    // 3. Jobs: Go is the default filter now, from the profile.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.waitForURL((url) => url.pathname === '/jobs');
    await expect.poll(() => textOf(pageHeading(page))).toBe('Go jobs');
    expect(
      await page.getByRole('group', { name: 'Language' }).getByRole('checkbox', { name: /^Go(\s+\d+)?$/ }).isChecked(),
      'Go pre-selected from the profile',
    ).toBe(true);
    const rows = jobRows(page);
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) expect(await rows.nth(i).getByText('Go', { exact: true }).count(), `Go badge on row ${i + 1}`).toBeGreaterThan(0);
    await step('04-jobs', '/jobs (Go from the profile)');

    // 4. Open one and mark it applied.
    const link = rows.filter({ hasNotText: HOSTILE_TITLE }).first().getByRole('heading').getByRole('link');
    const title = (await link.innerText()).trim();
    await Promise.all([page.waitForURL(/\/jobs\/\d+/), link.click()]);
    expect(await textOf(pageHeading(page))).toBe(title);
    const track = card(page, 'Track it');
    await hydrated(track.locator('form').first());
    await track.getByRole('button', { name: 'Mark applied' }).click();
    await expect.poll(() => textOf(track)).toContain('In your pipeline: Applied');
    await step('05-job-applied', '/jobs/[id] (applied)');

    await page.goto('/applications?view=list');
    const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain('Applied');
    await step('06-applications', '/applications?view=list');

    // 5. An hour of building and half an hour of applying.
    await page.goto('/log');
    await hydrated(addTimeForm(page));
    await addEntry(page, { kind: 'building', minutes: 60, note: 'Go REST API for the portfolio', startMinutesAgo: 100 });
    await addEntry(page, { kind: 'applying', minutes: 30, note: `Applied: ${title}`, startMinutesAgo: 35 });
    await step('07-log', '/log');

    // 6. The dashboard's balance.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await pageHeading(page).waitFor();
    expect(await textOf(pageHeading(page))).toBe('Dashboard');
    expect(await figure(page, 'Today', 'Applying')).toBe('30 min of 1 h');
    expect(await figure(page, 'Today', 'Building')).toBe('1 h');
    expect(await figure(page, 'Today', 'Learning')).toBe('0 min');
    const meter = page.getByRole('meter', { name: 'Applying against the daily budget' });
    expect(await meter.getAttribute('aria-valuetext')).toBe('30 min of 1 h');
    expect(await figure(page, 'This week', 'Learning + building')).toBe('1 h of 10 h');
    expect(await figure(page, 'This week', 'Applications sent')).toBe('1');
    await step('08-dashboard', '/ (dashboard)');

    expect(browser.dialogs).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
