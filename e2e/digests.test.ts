import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../test/support/smtp-server';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, screenshot, textOf, useBrowser } from './support/browser';

// Settings › Digests in a real browser. The e2e server sends mail only when SMTP_URL was set
// for the run (e.g. SMTP_URL=smtp://127.0.0.1:25251 MAIL_FROM=digests@trackend.test); this file
// then starts the SMTP server at that address and checks what "Send now" delivers. Without it,
// the section must say digests are off.

const browser = useBrowser();
const smtpUrl = process.env.SMTP_URL ? new URL(process.env.SMTP_URL) : null;
let smtp: TestSmtpServer | null = null;
afterAll(async () => smtp?.close());

describe('settings: digests', () => {
  it.skipIf(smtpUrl !== null)('says digests are off when the instance has no SMTP_URL', async () => {
    const { page } = browser;
    await signUp(page, newAccount('digests-off'));
    await page.goto('/settings#digests');
    await page.getByText('Email digests are off on this instance (SMTP_URL is not set).').waitFor();
    await screenshot(page, 'settings-digests-off');
  });

  it.skipIf(smtpUrl === null)('turns a search digest on at an hour and sends it now to a real SMTP server', async () => {
    smtp = await startSmtpServer({ port: Number(smtpUrl!.port) });
    const { page } = browser;
    const account = await signUp(page, newAccount('digests'));
    const created = await page.request.post('/api/saved-searches', { data: { name: 'Go, remote', filters: { language: ['go'], remote: ['remote'] } } });
    expect(created.status()).toBe(201);
    await page.goto('/settings#digests');
    const row = page.getByRole('listitem').filter({ hasText: 'Go, remote' });
    await row.getByLabel('Daily email').check();
    await row.getByLabel('Hour of the digest of Go, remote').selectOption('8');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Saved.').waitFor();
    await expect.poll(async () => textOf(row)).toContain('Next:');
    await row.getByRole('button', { name: 'Send now' }).click();
    await row.getByText('Sent: check your inbox.').waitFor();
    const mail = smtp.received.find((m) => m.to.includes(account.email));
    expect(mail?.parsed.headers['list-unsubscribe']).toMatch(/\/digests\/unsubscribe\//);
    await screenshot(page, 'settings-digests');
    await expectAccessible(page, '/settings#digests');

    // The unsubscribe page of that email, in the browser: confirm, then off.
    const link = /^<(.+)>$/.exec(mail!.parsed.headers['list-unsubscribe']!)![1]!;
    await page.goto(new URL(new URL(link).pathname, page.url()).toString());
    await page.getByRole('button', { name: 'Unsubscribe' }).waitFor();
    await screenshot(page, 'digest-unsubscribe');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('is off').waitFor();
    await page.goto('/settings#digests');
    expect(await row.getByLabel('Daily email').isChecked()).toBe(false);
  });
});
