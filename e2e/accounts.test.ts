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
});
