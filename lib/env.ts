import { z } from 'zod';
import { parseCidr } from '../scrapers/fetch/address-policy';
import { ConfigError } from './errors';

// Every environment variable trackend reads is parsed here, once; nothing else reads process.env.

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must look like postgres://user:password@host:5432/database');

/** Comma-separated CIDRs, each checked; the canonical list out ("" and unset: none). */
const cidrList = z.string().transform((value, ctx) => {
  const cidrs: string[] = [];
  for (const item of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const parsed = parseCidr(item);
    if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: `must be comma-separated CIDRs: ${parsed.problem}` });
    else cidrs.push(`${parsed.cidr[0].toString()}/${parsed.cidr[1]}`);
  }
  return cidrs;
});

/** smtp://user:pass@host:587 or smtps://…: nodemailer reads the rest (port, auth) from it. */
const smtpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must look like smtp://user:password@host:587 or smtps://user:password@host:465');

/** "trackend <digests@example.org>" or a bare address. */
const mailFrom = z
  .string()
  .trim()
  .refine((value) => {
    const address = /<([^<>]+)>\s*$/.exec(value)?.[1] ?? value;
    return z.email().safeParse(address.trim()).success && !/[\r\n]/.test(value);
  }, 'must be an email address, optionally with a name: trackend <digests@example.org>');

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search;
    } catch {
      return false;
    }
  }, 'must be the site\'s address without a path, e.g. https://trackend.example.org')
  .transform((value) => new URL(value).origin);

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const schema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  TEST_DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  /** Where the embedded PGlite database lives when DATABASE_URL is unset. */
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data/pglite')),
  /** Minutes between scheduled ingestions of each board (npm run worker, or the app on PGlite). */
  INGEST_INTERVAL_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(5).max(10080).default(60)),
  /** Set to "false" to keep the app's own server from ingesting on a schedule (PGlite mode). */
  INGEST_SCHEDULE: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('true')),
  /** Signs session cookies. Unset: one is generated once and kept in .data/auth-secret. */
  AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  /**
   * How many reverse proxies stand in front of the app. 0 (the default): the client's address is
   * the socket's and X-Forwarded-For from the client is ignored; n: the n-th address of
   * X-Forwarded-For counted from the right, and X-Forwarded-Proto says whether it was https.
   */
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  /** Sign-ups allowed per client address per hour (a cohort behind one NAT needs more than a household). */
  SIGNUP_LIMIT_PER_HOUR: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(10)),
  /** Both set: "Sign in with GitHub" appears beside email and password. */
  AUTH_GITHUB_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_GITHUB_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** bcrypt cost factor for new password hashes. */
  AUTH_BCRYPT_ROUNDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(4).max(15).default(12)),
  /** CIDRs the guarded fetcher may reach although private (a self-hoster's LAN feed; tests on 127.0.0.1). */
  TRACKEND_FETCH_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, cidrList.default([])),
  /** Comma-separated emails whose accounts are admins, besides the oldest account (lib/auth/roles.ts). */
  ADMIN_EMAILS: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((email) => email.trim().toLowerCase()).filter(Boolean) : value),
    z.array(z.email('must be a comma-separated list of email addresses')).default([]),
  ),
  /** Where digests are sent through (smtp:// or smtps://). Unset: email digests are off. */
  SMTP_URL: z.preprocess(emptyAsUndefined, smtpUrl.optional()),
  /** The From of every email; required with SMTP_URL. */
  MAIL_FROM: z.preprocess(emptyAsUndefined, mailFrom.optional()),
  /** The site's public address, for links in emails (which have no request to take it from). */
  PUBLIC_URL: z.preprocess(emptyAsUndefined, httpUrl.default('http://localhost:3000')),
  /** "1": the load benchmark's floor page (/bench-floor) answers; otherwise it is a 404 like any unknown path. */
  TRACKEND_BENCH_FLOOR: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('0')),
  NEXT_PHASE: z.string().optional(),
  NEXT_RUNTIME: z.string().optional(),
}).superRefine((value, ctx) => {
  if (value.SMTP_URL && !value.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'must be set when SMTP_URL is (the From of digest emails)' });
});

export type Env = z.infer<typeof schema>;

/** Parse an environment; throws one ConfigError that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** `next build` must never open the database (PGlite belongs to the running server). */
export function isBuildPhase(): boolean {
  return env().NEXT_PHASE === 'phase-production-build';
}

/** TRACKEND_BOARD_<ID>_URL points a board at another URL (tests, benchmarks, mirrors). */
export function boardUrlEnvName(boardId: string): string {
  return `TRACKEND_BOARD_${boardId.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`;
}

export function boardUrlOverride(boardId: string): string | undefined {
  const value = process.env[boardUrlEnvName(boardId)]?.trim();
  return value ? value : undefined;
}

/**
 * A hiring-system API base from TRACKEND_ATS_<SYSTEM>_URL (tests, benchmarks, mirrors): an
 * absolute http(s) URL whose scheme, host and any path prefix replace the system's own.
 * Read on each call like boardUrlOverride; a malformed value is a ConfigError naming it.
 */
export function atsApiBaseOverride(variable: string): string | undefined {
  const value = process.env[variable]?.trim();
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`Invalid environment: ${variable} must be an http(s) base URL such as http://127.0.0.1:8080 (no query, fragment or credentials)`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
