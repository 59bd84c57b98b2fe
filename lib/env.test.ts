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
