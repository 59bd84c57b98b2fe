import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_ADMIN_EMAIL, newAccount, signIn, signOut, signUp } from './support/accounts';
import { expectAccessible, hydrated, screenshot, useBrowser, visible } from './support/browser';
import { card } from './support/pages';

// /boards as each role sees it: a visitor reads, a user proposes and hides, an admin reviews.
// Nothing here fetches a board (no refresh is clicked, the proposal is rejected).

const browser = useBrowser();
const table = (page: Page) => page.getByRole('table', { name: 'Board health' });
const row = (page: Page, board: string) => table(page).locator('tbody tr').filter({ has: page.getByRole('link', { name: board }) });

describe('/boards by role', () => {
  it('shows visitors the status only, users their proposals and hidden boards, admins the review', async () => {
    const { page } = browser;
    await page.goto('/boards');
    await visible(row(page, 'Golang Cafe').getByText('healthy'));
    expect(await table(page).getByRole('button', { name: 'Disable' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add feed' }).count()).toBe(0);

    // The admin account first, so the user below is never the instance's oldest (its admin)
    // whichever e2e file signed up before this one.
    const admin = { email: E2E_ADMIN_EMAIL, password: 'e2e-admin-password-1' };
    await signUp(page, admin, '/boards');
    await signOut(page);

    // A user: proposes a feed (pending, for their eyes and the admins' only) and hides a board.
    const user = await signUp(page, newAccount('boards-user'), '/boards');
    await page.goto('/boards');
    const propose = page.getByRole('button', { name: 'Propose feed' });
    await hydrated(propose);
    await page.getByLabel('Name').fill('E2E proposal');
    // A literal public address: the add-time check resolves names, and tests never ask DNS.
    await page.getByLabel('RSS or Atom feed URL').fill('https://93.184.215.14/jobs.rss');
    await propose.click();
    await visible(page.getByText('Proposed. An admin will review it'));
    await page.reload();
    await visible(card(page, 'Your proposals').getByText('E2E proposal'));
    expect(await table(page).getByRole('button', { name: 'Disable' }).count()).toBe(0);
    const hide = row(page, 'Remote OK').getByRole('button', { name: 'Hide from my jobs' });
    await hydrated(hide);
    await hide.click();
    await visible(row(page, 'Remote OK').getByText('hidden from your jobs'));
    await screenshot(page, 'boards-user');
    await expectAccessible(page, '/boards (user)');
    await signOut(page);

    // The admin (ADMIN_EMAILS): sees the proposal with its proposer, rejects it, and has the catalog's buttons.
    await signIn(page, admin, '/boards');
    await page.goto('/boards');
    const proposals = card(page, 'Proposed feeds');
    await visible(proposals.getByText('E2E proposal'));
    await visible(proposals.getByText(`by ${user.email}`));
    await visible(page.getByRole('button', { name: 'Add feed' }));
    await visible(row(page, 'Golang Cafe').getByRole('button', { name: 'Disable' }));
    // Hidden boards are each user's own: the admin's Remote OK row is not marked.
    expect(await row(page, 'Remote OK').getByText('hidden from your jobs').count()).toBe(0);
    await screenshot(page, 'boards-admin');
    await expectAccessible(page, '/boards (admin)');

    const reject = proposals.getByRole('button', { name: 'Reject' });
    await hydrated(reject);
    await reject.click();
    // The card goes with its last proposal; after a reload too.
    await expect.poll(() => page.getByText('E2E proposal').count()).toBe(0);
    await page.reload();
    await visible(row(page, 'Golang Cafe'));
    expect(await page.getByText('E2E proposal').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
