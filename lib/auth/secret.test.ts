import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../errors';
import { authSecret, SECRET_MIN_LENGTH } from './secret';

const dir = mkdtempSync(path.join(tmpdir(), 'trackend-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The stored key is read only when AUTH_SECRET is unset: these tests unset it whatever the shell says.
vi.mock('../env', async (original) => {
  const actual = await original<typeof import('../env')>();
  return { ...actual, env: () => ({ ...actual.env(), AUTH_SECRET: undefined }) };
});

describe('authSecret', () => {
  it('generates a key of at least 32 characters once and reads it back afterwards', async () => {
    const file = path.join(dir, 'fresh', 'auth-secret');
    const first = await authSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(SECRET_MIN_LENGTH);
    expect(readFileSync(file, 'utf8')).toBe(first);
    await expect(authSecret(file)).resolves.toBe(first);
  });

  it('refuses a planted short key with one error naming the file, and leaves the file alone', async () => {
    const file = path.join(dir, 'auth-secret');
    writeFileSync(file, 'abcde\n');
    const error = await authSecret(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/shorter than 32 characters/);
    expect((error as Error).message).not.toContain('\n');
    expect(readFileSync(file, 'utf8')).toBe('abcde\n');
  });

  it('accepts a stored key of exactly 32 characters', async () => {
    const file = path.join(dir, 'exact');
    writeFileSync(file, 'k'.repeat(32));
    await expect(authSecret(file)).resolves.toBe('k'.repeat(32));
  });
});
