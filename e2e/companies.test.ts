import { describe, expect, it } from 'vitest';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, hydrated, screenshot, useBrowser, visible } from './support/browser';
import { jobRows } from './support/pages';

// Following a company: paste its careers URL, confirm the preview, see it on /companies and its
// backend jobs on /jobs?followed=1. The hiring system's API is the local stand-in the e2e server
// reads through TRACKEND_ATS_GREENHOUSE_URL (e2e/support/ats-stand-in.ts).

const browser = useBrowser();

describe('/companies', () => {
  it('follows a company from its careers URL and shows its backend jobs', async () => {
    const { page } = browser;
    await signUp(page, newAccount('companies'), '/companies');
    await page.goto('/companies');
    await visible(page.getByText('You follow no companies yet.'));

    const previewButton = page.getByRole('button', { name: 'Preview' });
    await hydrated(previewButton);
    // Not a hiring system's host, and a page the guarded fetcher refuses to read (a private address).
    await page.getByLabel('Careers page URL').fill('http://10.0.0.1/careers');
    await previewButton.click();
    await visible(page.getByText(/No hiring system found for http:\/\/10\.0\.0\.1\/careers.*refused/));

    await page.getByLabel('Careers page URL').fill('https://boards.greenhouse.io/gophercloud');
    await previewButton.click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await visible(preview.getByText('Gopher Cloud'));
    await visible(preview.getByText(/3 open jobs/));
    await visible(preview.getByText('1 backend'));
    await screenshot(page, 'companies-preview');
    await expectAccessible(page, '/companies (preview)');

    await preview.getByRole('button', { name: 'Follow Gopher Cloud' }).click();
    await visible(page.getByText('Following Gopher Cloud: 3 open jobs, 1 backend.'));
    await page.reload();
    const row = page.getByRole('table').locator('tbody tr').filter({ has: page.getByRole('link', { name: 'Gopher Cloud' }) });
    await visible(row.getByText('Greenhouse'));
    await visible(row.getByText('OK'));
    expect(await row.locator('td').nth(3).textContent()).toBe('3');
    expect(await row.locator('td').nth(4).textContent()).toBe('1');
    await screenshot(page, 'companies-following');
    await expectAccessible(page, '/companies (following)');

    await page.goto('/jobs?followed=1');
    await visible(jobRows(page).first());
    const titles = await jobRows(page).getByRole('heading').allTextContents();
    expect(titles.map((title) => title.trim())).toEqual(['Backend Engineer (Go)']);
    await expect.poll(() => page.getByLabel('Followed companies only').isChecked()).toBe(true);
    await screenshot(page, 'jobs-followed');
    await expectAccessible(page, '/jobs?followed=1');

    // The company's own link on /companies lists every one of its jobs, backend or not.
    await page.goto('/jobs?f=1&company=greenhouse-gophercloud');
    await expect.poll(() => jobRows(page).count()).toBe(3);
  });
});
