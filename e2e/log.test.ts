import { describe, expect, it } from 'vitest';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, hydrated, screenshot, textOf, useBrowser } from './support/browser';
import { addEntry, addTimeForm, figure, todayEntries } from './support/dashboard';
import { pageHeading } from './support/pages';

// Issue 6's browser test: the timer and manual entries on /log move the dashboard's numbers.

const browser = useBrowser();

describe('time log and dashboard', () => {
  it('starts and stops a timer, adds manual entries, and the dashboard numbers follow', async () => {
    const { page } = browser;
    await signUp(page, newAccount('log'));

    await page.goto('/');
    expect(await textOf(pageHeading(page))).toBe('Dashboard');
    expect(await figure(page, 'Today', 'Applying')).toBe('0 min of 1 h');
    expect(await figure(page, 'Today', 'Learning')).toBe('0 min');
    expect(await figure(page, 'Today', 'Building')).toBe('0 min');
    expect(await figure(page, 'This week', 'Learning + building')).toBe('0 min of 10 h');
    await screenshot(page, 'dashboard-empty');
    await expectAccessible(page, '/ (dashboard, nothing logged)');

    // The timer: start, survive a reload, stop (a timer saves at least a minute).
    await page.goto('/log');
    const timerRegion = page.getByRole('region', { name: 'Timer' });
    await hydrated(timerRegion.locator('form'));
    await timerRegion.getByLabel('Activity').selectOption('building');
    await timerRegion.getByLabel('Note').fill('CLI for the job tracker');
    await timerRegion.getByRole('button', { name: 'Start timer' }).click();
    const clock = timerRegion.getByRole('timer', { name: 'Elapsed time' });
    await clock.waitFor();
    expect(await textOf(timerRegion)).toContain('Running: Building');
    await screenshot(page, 'log-timer-running');
    await expectAccessible(page, '/log (timer running)');

    await page.reload();
    await clock.waitFor();
    expect(await textOf(clock)).toMatch(/^\d+:\d\d:\d\d$/);
    await hydrated(timerRegion.getByRole('button', { name: 'Stop timer' }));
    await timerRegion.getByRole('button', { name: 'Stop timer' }).click();
    await expect.poll(() => textOf(timerRegion.getByRole('status').last())).toMatch(/^Saved \d+ min\.$/);
    await timerRegion.getByRole('button', { name: 'Start timer' }).waitFor();
    const today = todayEntries(page);
    await expect.poll(() => textOf(today)).toContain('CLI for the job tracker');

    // Manual entries.
    await hydrated(addTimeForm(page));
    await addEntry(page, { kind: 'applying', minutes: 30, note: 'Two Go applications' });
    await addEntry(page, { kind: 'learning', area: 'databases', minutes: 45, note: 'Postgres indexes' });
    await expect.poll(() => textOf(today)).toContain('Two Go applications');
    const entries = await textOf(today);
    expect(entries).toContain('Postgres indexes');
    expect(entries).toContain('Databases');
    await screenshot(page, 'log-entries');
    await expectAccessible(page, '/log (entries)');

    // The dashboard adds them up.
    await page.goto('/');
    const building = await figure(page, 'Today', 'Building');
    expect(building).toMatch(/^[1-9]\d* min$/);
    const timerMinutes = Number(building.split(' ')[0]);
    expect(await figure(page, 'Today', 'Applying')).toBe('30 min of 1 h');
    expect(await figure(page, 'Today', 'Learning')).toBe('45 min');
    const meter = page.getByRole('meter', { name: 'Applying against the daily budget' });
    expect(await meter.getAttribute('aria-valuenow')).toBe('30');
    expect(await meter.getAttribute('aria-valuemax')).toBe('60');
    expect(await figure(page, 'This week', 'Learning + building')).toBe(`${45 + timerMinutes} min of 10 h`);
    await screenshot(page, 'dashboard-logged');
    await expectAccessible(page, '/ (dashboard, time logged)');
    expect(browser.pageErrors).toEqual([]);
  });
});
