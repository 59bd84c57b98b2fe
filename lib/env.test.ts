import { describe, expect, it } from 'vitest';
import { boardUrlEnvName, parseEnv } from './env';
import { ConfigError } from './errors';

describe('parseEnv', () => {
  it('uses the embedded database when DATABASE_URL is unset or empty', () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
    expect(parseEnv({}).PGLITE_DIR).toBe('.data/pglite');
    expect(parseEnv({}).INGEST_INTERVAL_MINUTES).toBe(60);
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u:p@localhost:5432/db' }).DATABASE_URL).toBe('postgres://u:p@localhost:5432/db');
    expect(parseEnv({ DATABASE_URL: 'postgresql://localhost/db' }).DATABASE_URL).toBe('postgresql://localhost/db');
  });

  it.each(['localhost:5432/db', 'mysql://u@host/db', 'postgres://', 'not a url'])(
    'rejects DATABASE_URL=%s with one message naming the variable',
    (value) => {
      expect(() => parseEnv({ DATABASE_URL: value })).toThrow(ConfigError);
      expect(() => parseEnv({ DATABASE_URL: value })).toThrow(/^Invalid environment: DATABASE_URL must look like postgres:\/\//);
    },
  );

  it('names every bad variable at once', () => {
    expect(() => parseEnv({ DATABASE_URL: 'x', INGEST_INTERVAL_MINUTES: '1' })).toThrow(
      /DATABASE_URL must look like .*; INGEST_INTERVAL_MINUTES/,
    );
  });

  it('reads TRACKEND_FETCH_ALLOW_PRIVATE as a list of CIDRs, none by default', () => {
    expect(parseEnv({}).TRACKEND_FETCH_ALLOW_PRIVATE).toEqual([]);
    expect(parseEnv({ TRACKEND_FETCH_ALLOW_PRIVATE: ' ' }).TRACKEND_FETCH_ALLOW_PRIVATE).toEqual([]);
    expect(parseEnv({ TRACKEND_FETCH_ALLOW_PRIVATE: '127.0.0.0/8' }).TRACKEND_FETCH_ALLOW_PRIVATE).toEqual(['127.0.0.0/8']);
    expect(parseEnv({ TRACKEND_FETCH_ALLOW_PRIVATE: ' 192.168.1.0/24, fd00:0::/8 ,' }).TRACKEND_FETCH_ALLOW_PRIVATE).toEqual(['192.168.1.0/24', 'fd00::/8']);
  });

  it.each([
    ['10.0.0.5', '"10.0.0.5" is not a CIDR range (one address is 10.0.0.5/32)'],
    ['127.0.0.0/8,lan', '"lan" is not a CIDR range such as 192.168.1.0/24 or fd00::/8'],
    ['10.1.2.3/8', '"10.1.2.3/8" has bits set past its prefix; did you mean 10.0.0.0/8?'],
  ])('rejects TRACKEND_FETCH_ALLOW_PRIVATE=%s with a message naming the variable and the entry', (value, problem) => {
    expect(() => parseEnv({ TRACKEND_FETCH_ALLOW_PRIVATE: value })).toThrow(
      `Invalid environment: TRACKEND_FETCH_ALLOW_PRIVATE must be comma-separated CIDRs: ${problem}`,
    );
  });

  it('holds AUTH_SECRET to 32 characters and TRUST_PROXY to a small count of proxies', () => {
    expect(() => parseEnv({ AUTH_SECRET: 'x'.repeat(31) })).toThrow(/^Invalid environment: AUTH_SECRET must be at least 32 characters$/);
    expect(parseEnv({ AUTH_SECRET: 'x'.repeat(32) }).AUTH_SECRET).toHaveLength(32);
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    for (const bad of ['yes', '-1', '1.5', '11']) expect(() => parseEnv({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  it('reads SIGNUP_LIMIT_PER_HOUR, 10 by default, and refuses a limit that is not a positive count', () => {
    expect(parseEnv({}).SIGNUP_LIMIT_PER_HOUR).toBe(10);
    expect(parseEnv({ SIGNUP_LIMIT_PER_HOUR: '60' }).SIGNUP_LIMIT_PER_HOUR).toBe(60);
    for (const bad of ['0', '-3', 'many', '2.5']) expect(() => parseEnv({ SIGNUP_LIMIT_PER_HOUR: bad })).toThrow(/SIGNUP_LIMIT_PER_HOUR/);
  });

  it('reads ADMIN_EMAILS as a trimmed, lower-cased, comma-separated list', () => {
    expect(parseEnv({}).ADMIN_EMAILS).toEqual([]);
    expect(parseEnv({ ADMIN_EMAILS: ' Ada@Example.com, ,grace@example.org ' }).ADMIN_EMAILS).toEqual(['ada@example.com', 'grace@example.org']);
    expect(() => parseEnv({ ADMIN_EMAILS: 'ada@example.com,not-an-email' })).toThrow(/ADMIN_EMAILS\S* must be a comma-separated list of email addresses/);
  });

  it('derives the board URL override variable from the board id', () => {
    expect(boardUrlEnvName('golang-cafe')).toBe('TRACKEND_BOARD_GOLANG_CAFE_URL');
    expect(boardUrlEnvName('custom-rust.weekly')).toBe('TRACKEND_BOARD_CUSTOM_RUST_WEEKLY_URL');
  });
});

describe('mail settings', () => {
  it('leaves digests off when SMTP_URL is unset, and takes smtp:// and smtps:// with MAIL_FROM', () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    const parsed = parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'trackend <digests@example.org>' });
    expect(parsed.SMTP_URL).toBe('smtps://u:p@mail.example.org:465');
    expect(parsed.MAIL_FROM).toBe('trackend <digests@example.org>');
    expect(parseEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'me@example.org' }).MAIL_FROM).toBe('me@example.org');
  });

  it.each(['http://mail.example.org', 'mail.example.org:587', 'smtp://'])('rejects SMTP_URL=%s', (value) => {
    expect(() => parseEnv({ SMTP_URL: value, MAIL_FROM: 'me@example.org' })).toThrow(/SMTP_URL must look like smtp:\/\//);
  });

  it('needs MAIL_FROM with SMTP_URL, and refuses one that is no address or carries a line break', () => {
    expect(() => parseEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/MAIL_FROM must be set when SMTP_URL is/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'trackend' })).toThrow(/MAIL_FROM must be an email address/);
    expect(() => parseEnv({ MAIL_FROM: 'a@example.org\r\nBcc: b@example.org' })).toThrow(/MAIL_FROM/);
  });

  it('takes PUBLIC_URL as an origin (default http://localhost:3000)', () => {
    expect(parseEnv({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(parseEnv({ PUBLIC_URL: 'https://trackend.example.org/' }).PUBLIC_URL).toBe('https://trackend.example.org');
    expect(() => parseEnv({ PUBLIC_URL: 'https://trackend.example.org/app' })).toThrow(/PUBLIC_URL/);
  });
});
