import 'server-only';
import type { Db } from '../../db/types';
import { env } from '../env';
import { mailConfig } from '../mail/config';
import { createMailer } from '../mail/transport';
import type { DigestContext } from './deliver';

/** The digest context the app's routes use, or null when SMTP_URL is unset (digests are off). */
export function appDigestContext(db: Db): DigestContext | null {
  const config = mailConfig();
  return config ? { db, mailer: createMailer(config), baseUrl: env().PUBLIC_URL, log: (message) => console.log(`[digests] ${message}`) } : null;
}
