'use server';

import { AuthError } from 'next-auth';
import { formText } from '@/app/form-text';
import { signIn, signOut } from '@/lib/auth/next-auth';
import { safeNextPath } from '@/lib/auth/next-path';

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
