import { describe, expect, it } from 'vitest';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, screenshot, SCREENSHOT_DIR, textOf, useBrowser } from './support/browser';
import { card, pageHeading } from './support/pages';

// Issue 17's browser test: a hand-kept sheet (emoji statuses, day-first dates, extra columns,
// one word trackend does not know, one row without a company) moves in without editing: the
// user changes one status in the preview, imports the valid rows, and sees which sources answer.

const browser = useBrowser();

// Dates relative to today, written day first as the sheet's owner does (the 20th of last
// month can only be read day first, which decides the ambiguous ones).
const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
const now = new Date();
const lastMonth20 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 20));

const SHEET = [
  'Company,Role,Link,Status,Date Applied,Excitement,Source,Location,Contact Email,Interview Date,Notes',
  `Acme Cloud,Backend Engineer (Go),https://acme.example/jobs/42,🟡 Applied,${dmy(ago(9))},9,LinkedIn,Remote (EU),,,Sent CV v2`,
  `Beta Systems,Go Developer,https://beta.example/careers/go,🟢 Interview,${dmy(lastMonth20)},7,Referral,"Berlin, DE",jane@beta.example,${dmy(ago(2))} 10:00,`,
  `Delta Pay,Platform Engineer,https://delta.example/p/1,⏳ In limbo,${dmy(ago(12))},8,Company website,Remote,,,Talked at a meetup`,
  `Epsilon,Junior Backend Dev,https://epsilon.example/j/7,📞 Phone screen,${dmy(ago(5))},6,Referral,Hamburg,,,`,
  `Zeta,Backend Intern,,💤 No response,${dmy(ago(20))},3,LinkedIn,,,,`,
  `,Missing company,https://nobody.example,Applied,${dmy(ago(3))},2,LinkedIn,,,,`,
].join('\n');

describe('moving in from a spreadsheet', () => {
  it('previews a hand-kept sheet, takes a changed status, imports the valid rows and shows which sources answer', async () => {
    const { page } = browser;
    await signUp(page, newAccount('import'));
    await page.goto('/applications/import');
    expect(await textOf(pageHeading(page))).toBe('Move in from your spreadsheet');

    await page.getByLabel('Spreadsheet (.csv or .xlsx)').setInputFiles({ name: 'my-job-search.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
    await page.getByRole('button', { name: 'Preview' }).click();

    const columns = page.getByRole('list', { name: 'What each column becomes' });
    await expect.poll(() => textOf(columns)).toContain('Excitement → kept in notes');
    expect(await textOf(columns)).toContain('Role → Title');
    expect(await textOf(columns)).toContain('Interview Date → Interview date');
    expect(await textOf(page.getByRole('region', { name: 'Dates' }))).toMatch(/day first/);

    // Each status word with trackend's guess; the unknown one is flagged, then changed.
    const statuses = page.getByRole('table', { name: /Status values in the sheet/ });
    const limbo = statuses.getByRole('row').filter({ hasText: '⏳ In limbo' });
    expect(await textOf(limbo)).toContain('not recognised: check this');
    expect(await statuses.getByLabel('Status for “🟢 Interview”').inputValue()).toBe('interviewing');
    expect(await statuses.getByLabel('Status for “💤 No response”').inputValue()).toBe('ghosted');
    await statuses.getByLabel('Status for “⏳ In limbo”').selectOption('screening');
    await expect.poll(() => textOf(limbo)).toContain('your choice (guessed Applied)');
    const rows = page.getByRole('table', { name: 'Import preview' });
    await expect.poll(() => textOf(rows.getByRole('row').filter({ hasText: 'Delta Pay' }))).toContain('Screening');
    expect(await textOf(rows.getByRole('row').filter({ hasText: 'Missing company' }))).toContain('Company is empty');
    expect(await textOf(page.getByRole('main').getByRole('status').filter({ hasText: 'rows:' }))).toContain('6 rows: 5 new, 1 with problems');

    await screenshot(page, 'import-preview');
    await expectAccessible(page, '/applications/import (preview)');

    await page.getByRole('button', { name: 'Import the 5 valid rows, skip 1' }).click();
    const done = page.getByRole('main').getByRole('status').filter({ hasText: 'Imported' });
    await expect.poll(() => textOf(done)).toContain('Imported 5 applications; skipped 1 row with problems');
    const download = page.getByRole('link', { name: /Download the 1 skipped row/ });
    expect(await download.getAttribute('download')).toBe('skipped-rows.csv');
    await screenshot(page, 'import-done');

    // The pipeline has them, with the changed status, and the sources panel answers.
    await page.goto('/applications?view=list');
    const delta = page.getByRole('table').getByRole('row').filter({ hasText: 'Delta Pay' });
    await expect.poll(() => textOf(delta)).toContain('Screening');
    const sources = card(page, 'Which sources answer');
    const table = sources.getByRole('table');
    await expect.poll(() => textOf(table)).toContain('Referral');
    expect(await textOf(table.getByRole('row').filter({ hasText: 'Referral' }))).toMatch(/Referral\s*2\s*2/);
    expect(await textOf(table.getByRole('row').filter({ hasText: 'LinkedIn' }))).toMatch(/LinkedIn\s*2\s*0/);
    await sources.scrollIntoViewIfNeeded();
    await sources.screenshot({ path: `${SCREENSHOT_DIR}/sources-panel.png` });
    await screenshot(page, 'applications-sources');
    await expectAccessible(page, '/applications (sources)');

    await sources.getByRole('link', { name: '4 weeks' }).click();
    await expect.poll(() => sources.getByRole('link', { name: '4 weeks' }).getAttribute('aria-current')).toBe('page');

    await page.goto('/');
    await expect.poll(() => textOf(card(page, 'Which sources answer'))).toContain('Referral');
    await card(page, 'Which sources answer').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-sources.png` });
    await expectAccessible(page, '/ (sources)');
    expect(browser.pageErrors).toEqual([]);
  });
});
