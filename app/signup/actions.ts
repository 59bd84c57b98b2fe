'use server';

import { headers } from 'next/headers';
import { formText } from '@/app/form-text';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/auth/client-ip';
import { signIn } from '@/lib/auth/next-auth';
import { safeNextPath } from '@/lib/auth/next-path';
import { signUpFrom } from '@/lib/auth/signup';
import { BadInputError, TooManyRequestsError } from '@/lib/errors';
import type { AuthFormState } from '../signin/actions';

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
