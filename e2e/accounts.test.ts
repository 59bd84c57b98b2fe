import { describe, expect, it } from 'vitest';
import { formAlert, newAccount, signIn, signOut, signOutButton, signUp } from './support/accounts';
import { expectAccessible, screenshot, textOf, useBrowser } from './support/browser';

// Accounts: sign up, sign out, sign in, and private pages sending signed-out visitors to /signin.

const browser = useBrowser();

describe('accounts', () => {
  it('signs up, signs out, is sent to /signin from a private page, and signs back in to it', async () => {
    const { page } = browser;
    await page.goto('/signup');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Create your account');
    await screenshot(page, 'signup');
    await expectAccessible(page, '/signup');

    const account = await signUp(page, newAccount('accounts'));
    // New accounts start at settings, greeted, with their email in the header.
    const welcomed = new URL(page.url());
    expect(welcomed.pathname).toBe('/settings');
    expect(welcomed.searchParams.get('welcome')).toBe('1');
    expect(await textOf(page.getByRole('banner'))).toContain(account.email);
    await page.getByText('Welcome!').waitFor();
    await screenshot(page, 'settings-welcome');
    await expectAccessible(page, '/settings');

    await signOut(page);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await signOutButton(page).count()).toBe(0);

    // Private page while signed out: off to /signin, with the way back.
    await page.goto('/settings');
    const redirected = new URL(page.url());
    expect(redirected.pathname).toBe('/signin');
    expect(redirected.searchParams.get('next')).toBe('/settings');
    await screenshot(page, 'signin');
    await expectAccessible(page, '/signin');

    await signIn(page, account, '/settings');
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(await textOf(page.getByRole('banner'))).toContain(account.email);
    expect(browser.pageErrors).toEqual([]);
  });

  it('refuses a wrong password with one message, and signed-in visitors skip the forms', async () => {
    const { page } = browser;
    const account = await signUp(page, newAccount('wrongpw'));
    await signOut(page);

    await page.goto('/signin');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(`${account.password}-wrong`);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => formAlert(page)).toBe('That email and password do not match an account.');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await signOutButton(page).count()).toBe(0);
    // The email stays filled in; the password does not.
    expect(await page.getByLabel('Email').inputValue()).toBe(account.email);
    await expectAccessible(page, '/signin (wrong password)');

    await signIn(page, account);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto('/signin');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto('/signup?next=/boards');
    expect(new URL(page.url()).pathname).toBe('/boards');
    expect(browser.pageErrors).toEqual([]);
  });
  it("starts a new account in the browser's time zone, and offers another browser's zone on settings", async () => {
    const berlin = await browser.browser.newContext({ baseURL: browser.baseUrl, viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    try {
      const page = await berlin.newPage();
      const account = newAccount('berlin');
      await page.goto('/signup');
      // The hidden field is filled once the form has hydrated.
      await expect.poll(() => page.locator('input[name="timeZone"]').inputValue()).toBe('Europe/Berlin');
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await Promise.all([page.waitForURL((url) => url.pathname === '/settings'), page.getByRole('button', { name: 'Create account' }).click()]);
      expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
      expect(await page.getByText('Your browser is in').count()).toBe(0);

      // An interview on an application: on its page, on the dashboard and in the calendar feed.
      const created = await page.request.post('/api/applications', { data: { company: 'Acme', title: 'Go Developer', status: 'interviewing' } });
      const app = (await created.json()) as { id: string };
      const slot = await page.request.post(`/api/applications/${app.id}/interviews`, {
        data: { startsAt: '2030-12-05T14:00:00+01:00', minutes: 45, kind: 'technical', notes: 'Pairing; bring a laptop, charger' },
      });
      expect(slot.status()).toBe(201);
      await page.goto(`/applications/${app.id}`);
      await page.getByRole('list', { name: 'Interviews' }).getByText('Technical · Thu 5 Dec 14:00 · 45 min').waitFor();
      await screenshot(page, 'application-interviews');
      await page.goto('/');
      expect(await textOf(page.getByRole('main'))).toContain('Next interview: Technical with Acme, Thu 5 Dec 14:00');
      await page.goto('/settings');
      await page.getByRole('button', { name: 'Create my calendar link' }).click();
      const url = await page.getByLabel('Your calendar link').inputValue();
      expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      await screenshot(page, 'settings-calendar');
      const feed = await page.context().request.get(url, { headers: { cookie: '' } });
      expect(feed.headers()['content-type']).toContain('text/calendar');
      expect(await feed.text()).toContain('DTSTART;TZID=Europe/Berlin:20301205T140000');
    } finally {
      await berlin.close();
    }
  });

  it("offers the browser's zone when it differs from the saved one, in one click", async () => {
    const { page } = browser;
    // This browser is in UTC; the account was made in Berlin.
    const account = newAccount('offer');
    const berlin = await browser.browser.newContext({ baseURL: browser.baseUrl, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    try {
      const other = await berlin.newPage();
      await other.goto('/signup');
      await expect.poll(() => other.locator('input[name="timeZone"]').inputValue()).toBe('Europe/Berlin');
      await other.getByLabel('Email').fill(account.email);
      await other.getByLabel('Password').fill(account.password);
      await Promise.all([other.waitForURL((url) => url.pathname === '/settings'), other.getByRole('button', { name: 'Create account' }).click()]);
    } finally {
      await berlin.close();
    }
    await signIn(page, account, '/settings');
    await page.getByText('Your browser is in UTC').waitFor();
    await screenshot(page, 'settings-zone-offer');
    await page.getByRole('button', { name: 'Use UTC' }).click();
    await page.getByText('Your time zone is now UTC.').waitFor();
    await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe('UTC');
  });
});
