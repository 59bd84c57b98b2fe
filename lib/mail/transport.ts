import 'server-only';
import nodemailer from 'nodemailer';

// The one way trackend sends email: nodemailer over SMTP, configured by SMTP_URL and MAIL_FROM
// (lib/env.ts). No pool: a digest tick sends a few messages and closes, and a fresh connection
// per message keeps one stuck session from holding the others.

export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465 */
  url: string;
  from: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly from: string;
  /** Resolves once the server accepted the message (its Message-ID); rejects on any failure. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * A server that accepts the connection and then says nothing (or stops mid-message) must not
 * stall a worker: nodemailer's defaults wait up to 10 minutes for a socket to speak.
 */
export const MAIL_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function createMailer(config: MailConfig, timeouts: Partial<typeof MAIL_TIMEOUTS> = {}): Mailer {
  const transport = nodemailer.createTransport({ url: config.url, ...MAIL_TIMEOUTS, ...timeouts } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    from: config.from,
    async send(mail) {
      const info = (await transport.sendMail({ from: config.from, ...mail })) as { messageId: string };
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
