import type { Locator, Page } from 'playwright-core';

// Locators shared by several e2e files, written the way a user finds things: roles and names.

/** The result rows on /jobs. */
export const jobRows = (page: Page): Locator => page.getByRole('list', { name: 'Listings' }).getByRole('listitem');

/** A card (<section> with an <h2>) by its title, e.g. "Track it" or "Apply on" on /jobs/[id]. */
export const card = (page: Page, title: string): Locator =>
  page.locator('section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

/** The page's <h1>. */
export const pageHeading = (page: Page): Locator => page.getByRole('heading', { level: 1 });
