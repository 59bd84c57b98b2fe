import { afterAll, describe, expect, inject, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../test/support/smtp-server';
import { newAccount, signUp } from './support/accounts';
import { expectAccessible, screenshot, textOf, useBrowser } from './support/browser';

// Settings › Digests in a real browser. The e2e server sends mail to SMTP_URL on a port that
// e2e/global-setup.ts picked; this file starts the SMTP server there and checks what "Send now"
// delivers. (Without SMTP_URL digests are off: lib/env.test.ts and the digest route's test cover it.)

const browser = useBrowser();
let smtp: TestSmtpServer | null = null;
afterAll(async () => smtp?.close());

describe('settings: digests', () => {
  it('turns a search digest on at an hour and sends it now to a real SMTP server', async () => {
    smtp = await startSmtpServer({ port: inject('smtpPort') });
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
