import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../env';
import { ConfigError } from '../errors';

/** Shorter keys are guessable offline from one cookie; AUTH_SECRET is held to the same length in lib/env.ts. */
export const SECRET_MIN_LENGTH = 32;

export const secretFile = () => path.join(process.cwd(), '.data', 'auth-secret');

/** The file as the operator knows it: relative inside the project (.data/auth-secret), else absolute. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function readStored(file: string): Promise<string | null> {
  let stored: string;
  try {
    stored = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // A short or planted file is never used as the signing key, nor silently replaced (that
  // would hide the tampering and sign everyone out): the app stops and says which file.
  if (stored.length < SECRET_MIN_LENGTH) {
    throw new ConfigError(
      `${shownPath(file)} holds a key shorter than ${SECRET_MIN_LENGTH} characters: delete it (a new one is generated) or set AUTH_SECRET`,
    );
  }
  return stored;
}

/**
 * The key that signs session cookies. AUTH_SECRET when set; otherwise one generated on first
 * start and kept in .data/auth-secret, so sessions survive restarts of a local install.
 */
export async function authSecret(file = secretFile()): Promise<string> {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  const stored = await readStored(file);
  if (stored) return stored;
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  // 'wx' fails if another process wrote it first; then theirs wins and we read it back.
  try {
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = await readStored(file);
    if (!theirs) throw new ConfigError(`${file} vanished while it was being created`, { cause: error });
    return theirs;
  }
}
