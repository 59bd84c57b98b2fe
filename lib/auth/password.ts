import 'server-only';
import { dictionary } from '@zxcvbn-ts/language-common';
import bcrypt from 'bcryptjs';
import { env } from '../env';

// bcrypt caps input at 72 bytes; longer passwords are refused at sign-up rather than silently truncated.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_BYTES = 72;

// zxcvbn-ts's list of the most common leaked passwords (lower case), kept to the ones long
// enough to pass the length rule: the shorter ones are refused by that already.
let common: Set<string> | undefined;
/** Is this among the most common passwords? Case-insensitive ("Password1" is "password1"). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN_LENGTH));
  return common.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().AUTH_BCRYPT_ROUNDS);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown or has no password, so the answer takes as long
// as for a real account and timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  await verifyPassword(password, await dummyHash);
  return false;
}
