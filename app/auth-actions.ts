'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { formText } from '@/app/form-text';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/auth/client-ip';
import { signIn, signOut } from '@/lib/auth/next-auth';
import { safeNextPath } from '@/lib/auth/next-path';
import { signUpFrom } from '@/lib/auth/signup';
import { BadInputError, TooManyRequestsError } from '@/lib/errors';

// The way in and out, shared by /signin, /signup and the header's user menu (app/components).

export interface AuthFormState {
  error?: string;
  fields?: Record<string, string>;
  email?: string;
}

// One message for a wrong email and a wrong password: which one was wrong is not the visitor's business.
const GENERIC_FAILURE = 'That email and password do not match an account.';
const RATE_LIMITED = 'Too many sign-in attempts. Wait 15 minutes and try again.';

export async function signInWithPassword(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = formText(formData, 'email');
  try {
    await signIn('credentials', {
      email,
      password: formText(formData, 'password'),
      redirectTo: safeNextPath(formData.get('next')),
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only its AuthErrors are ours to explain.
    if (!(error instanceof AuthError)) throw error;
    const code = 'code' in error ? (error as { code?: string }).code : undefined;
    return { error: code === 'rate_limited' ? RATE_LIMITED : GENERIC_FAILURE, email };
  }
}

export async function signInWithGitHub(formData: FormData): Promise<void> {
  await signIn('github', { redirectTo: safeNextPath(formData.get('next')) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

// Public on purpose (no requireUser): it is how an account comes to be. signUpFrom applies the
// sign-up rules (per-address limit, password strength, the time zone checked as a real zone).
export async function signUpWithPassword(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = formText(formData, 'email');
  const password = formText(formData, 'password');
  try {
    await signUpFrom(await getDb(), { email, password, timeZone: formData.get('timeZone') }, clientIp(await headers()));
  } catch (error) {
    if (error instanceof BadInputError) return { error: error.message, fields: error.fields, email };
    if (error instanceof TooManyRequestsError) return { error: error.message, email };
    throw error;
  }
  // New accounts start at settings: the specialization drives everything else.
  await signIn('credentials', { email, password, redirectTo: safeNextPath(formData.get('next'), '/settings?welcome=1') });
  return {};
}
