import 'server-only';
import { env } from '../env';
import type { MailConfig } from './transport';

/** The SMTP settings, or null when SMTP_URL is unset: email digests are then off. */
export function mailConfig(): MailConfig | null {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL && MAIL_FROM ? { url: SMTP_URL, from: MAIL_FROM } : null;
}

/** Whether this instance sends email (what /settings and "Send now" ask). */
export function mailConfigured(): boolean {
  return mailConfig() !== null;
}

/** What /settings shows when it is not. */
export const MAIL_OFF_MESSAGE = 'Email digests are off on this instance (SMTP_URL is not set).';
