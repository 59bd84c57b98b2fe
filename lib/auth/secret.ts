import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../env';

const SECRET_FILE = path.join(process.cwd(), '.data', 'auth-secret');

/**
 * The key that signs session cookies. AUTH_SECRET when set; otherwise one generated on first
 * start and kept in .data/auth-secret, so sessions survive restarts of a local install.
 */
export async function authSecret(): Promise<string> {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  try {
    const stored = (await readFile(SECRET_FILE, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(SECRET_FILE), { recursive: true });
  // 'wx' fails if another process wrote it first; then theirs wins and we read it back.
  try {
    await writeFile(SECRET_FILE, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(SECRET_FILE, 'utf8')).trim();
  }
}
