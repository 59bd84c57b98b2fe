import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { textOf } from './browser';

/**
 * Sign-up and sign-in through the real forms. Every test comes from 127.0.0.1 on one fresh
 * database per run; the e2e server allows 50 sign-ups per address per hour
 * (SIGNUP_LIMIT_PER_HOUR, set in e2e/global-setup.ts; 10 by default), which the suite stays under.
 */

export interface Account {
  email: string;
  password: string;
}

/** The address global setup names in the server's ADMIN_EMAILS (e2e/boards.test.ts signs up with it). */
export const E2E_ADMIN_EMAIL = 'e2e-admin@example.com';

export function newAccount(label = 'user'): Account {
  return { email: `e2e-${label}-${randomBytes(4).toString('hex')}@example.com`, password: `pw-${randomBytes(9).toString('base64url')}` };
}

/** The header's "Sign out" button; present only while signed in. */
export const signOutButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Sign out' });

async function fill(page: Page, account: Account): Promise<void> {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
}

/** /signup → "Create account"; lands on /settings?welcome=1 (or `next`). */
export async function signUp(page: Page, account = newAccount(), next?: string): Promise<Account> {
  await page.goto(next ? `/signup?next=${encodeURIComponent(next)}` : '/signup');
  await fill(page, account);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/signup'),
    page.getByRole('button', { name: 'Create account' }).click(),
  ]);
  await signOutButton(page).waitFor();
  return account;
}

/** /signin → "Sign in"; waits until the header shows the account. */
export async function signIn(page: Page, account: Account, next?: string): Promise<void> {
  await page.goto(next ? `/signin?next=${encodeURIComponent(next)}` : '/signin');
  await fill(page, account);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/signin'), page.getByRole('main').getByRole('button', { name: 'Sign in' }).click()]);
  await signOutButton(page).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await signOutButton(page).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
}

/** The alert line under the sign-in/up form (empty when there is no error). */
export const formAlert = (page: Page) => textOf(page.getByRole('main').getByRole('alert'));
