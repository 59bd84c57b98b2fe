import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAccount, signOut, signUp } from './support/accounts';
import { expectAccessible, screenshot, textOf, useBrowser } from './support/browser';

// Issue 6's browser test: start and stop a timer (it survives a reload), add a manual entry
// (field errors first), and see the dashboard's figures change; projects count when deployed.

const browser = useBrowser();

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
/** The <dd> after the <dt> named `term` inside `scope`. */
const figure = (scope: Locator, term: string): Locator =>
  scope.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
const figureValue = async (scope: Locator, term: string) => (await textOf(figure(scope, term))).split(' of ')[0]!.replace(/ of .*/, '');

describe('time log and dashboard', () => {
  it('times a session through a reload, adds a manual entry, and the dashboard counts both', async () => {
    const { page } = browser;
    await signUp(page, newAccount('timelog'));

    await page.goto('/');
    const today = region(page, 'Today');
    expect(await figureValue(today, 'Learning')).toBe('0 min');
    expect(await figureValue(today, 'Building')).toBe('0 min');
    await page.getByText('Log your first hour').waitFor();

    await page.goto('/log');
    const timer = region(page, 'Timer');
    await timer.getByLabel('Activity').selectOption('building');
    await timer.getByLabel('Note').fill('e2e session');
    await timer.getByRole('button', { name: 'Start timer' }).click();
    const clock = timer.getByRole('timer', { name: 'Elapsed time' });
    await clock.waitFor();
    await expect.poll(() => textOf(timer)).toContain('Running: Building');

    // The timer lives in the database: a reload shows it still running.
    await page.reload();
    await clock.waitFor();
    expect(await textOf(clock)).toMatch(/^0:00:\d\d$/);
    await screenshot(page, 'log-timer-running');
    await expectAccessible(page, '/log (timer running)');

    await timer.getByRole('button', { name: 'Stop timer' }).click();
    await expect.poll(() => textOf(timer)).toContain('Saved 1 min.');
    await timer.getByRole('button', { name: 'Start timer' }).waitFor();
    const todayEntries = page.getByRole('region', { name: /^Today, / });
    await expect.poll(() => textOf(todayEntries)).toContain('e2e session');

    // Manual entry: a bad minutes field is named, and what was typed stays.
    const add = region(page, 'Add time');
    await add.getByLabel('Activity').selectOption('learning');
    await add.getByLabel('Learning area').selectOption('databases');
    await add.getByLabel('Start time').fill('00:00');
    await add.getByLabel('Minutes').fill('0');
    await add.getByLabel('Note').fill('postgres indexes');
    await add.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => textOf(add)).toContain('At least 1 minute.');
    expect(await add.getByLabel('Learning area').inputValue()).toBe('databases');
    expect(await add.getByLabel('Minutes').getAttribute('aria-invalid')).toBe('true');
    await add.getByLabel('Minutes').fill('45');
    await add.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => textOf(add.getByRole('status'))).toBe('Entry added.');
    await expect.poll(() => textOf(todayEntries)).toContain('postgres indexes');
    await screenshot(page, 'log-entries');
    await expectAccessible(page, '/log (entries)');

    await page.goto('/');
    await expect.poll(() => figureValue(region(page, 'Today'), 'Learning')).toBe('45 min');
    expect(await figureValue(region(page, 'Today'), 'Building')).toBe('1 min');
    expect(await figureValue(region(page, 'This week'), 'Building streak')).toBe('1 day');
    expect(await textOf(region(page, 'This week'))).toContain('Databases');
    // Each chart has its numbers as a table too.
    expect(await page.getByText('Show as a table').count()).toBe(3);
    await screenshot(page, 'dashboard');
    await expectAccessible(page, '/ (dashboard)');

    // Edit the entry from the log, then delete it: the dashboard follows.
    await page.goto('/log');
    const row = page.getByRole('listitem').filter({ hasText: 'postgres indexes' });
    await row.getByText('Edit', { exact: true }).click();
    await row.getByLabel('Minutes').fill('30');
    await row.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => textOf(page.getByRole('listitem').filter({ hasText: 'postgres indexes' }))).toContain('30 min');
    await page.goto('/');
    await expect.poll(() => figureValue(region(page, 'Today'), 'Learning')).toBe('30 min');

    await page.goto('/log');
    await page.getByRole('button', { name: /^Delete entry: Learning 30 min/ }).click();
    await expect.poll(() => page.getByText('postgres indexes').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });

  it('adds a deployed project and the dashboard counts it; signed out, / is a landing page', async () => {
    const { page } = browser;
    await signUp(page, newAccount('projects'));
    await page.goto('/projects');
    const add = page.locator('section', { has: page.getByRole('heading', { name: 'Add a project' }) });
    await add.getByLabel('Name').fill('Job board API');
    await add.getByLabel('Language').selectOption('go');
    await add.getByLabel('Live URL').fill('not a url');
    await add.getByRole('button', { name: 'Add project' }).click();
    await expect.poll(() => textOf(add)).toContain('Enter the full live URL');
    await add.getByLabel('Live URL').fill('https://jobs.example.com');
    await add.getByLabel('Deployed').check();
    await add.getByRole('button', { name: 'Add project' }).click();
    await expect.poll(() => textOf(page.getByRole('region', { name: 'Your projects' }))).toContain('Job board API');
    await expectAccessible(page, '/projects');

    await page.goto('/');
    expect(await textOf(figure(page.locator('main'), 'Deployed projects'))).toBe('1');

    await signOut(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Create a free account' }).waitFor();
    expect(await page.getByRole('region', { name: 'Today' }).count()).toBe(0);
    await expectAccessible(page, '/ (signed out)');
    expect(browser.pageErrors).toEqual([]);
  });
});
