'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { actionFailure, type ActionOutcome } from '@/app/action-failure';
import { formText } from '@/app/form-text';
import { deleteAccount } from '@/lib/account/data';
import { changePassword } from '@/lib/auth/accounts';
import { clientIp } from '@/lib/auth/client-ip';
import { signIn, signOut } from '@/lib/auth/next-auth';
import { endAllServerSessions } from '@/lib/auth/server-sessions';
import { requireUser } from '@/lib/auth/session';
import { showCompany } from '@/lib/companies/hide';
import { NotFoundError } from '@/lib/errors';
import { saveProfile, setTimeZone } from '@/lib/profile/profile';

/** The settings form: weekly goal is entered in hours, stored in minutes like the API's. */
export async function saveSettings(_previous: ActionOutcome, formData: FormData): Promise<ActionOutcome> {
  try {
    const user = await requireUser();
    const hours = formText(formData, 'weeklyLearningGoalHours').trim();
    const weeklyMinutes = hours === '' || Number.isNaN(Number(hours)) ? hours : Math.round(Number(hours) * 60);
    await saveProfile(await getDb(), user.id, {
      languages: formData.getAll('languages').map(String),
      targetSeniority: formData.get('targetSeniority') ?? '',
      remote: formData.get('remote') ?? '',
      dailyApplyBudgetMinutes: formData.get('dailyApplyBudgetMinutes') ?? '',
      weeklyLearningGoalMinutes: weeklyMinutes,
      timeZone: formData.get('timeZone') ?? '',
      currency: formData.get('currency') || undefined,
    });
  } catch (error) {
    const failure = actionFailure(error, { area: 'settings', what: 'save your settings', missing: 'Your account no longer exists.' });
    // The form asks for the weekly goal in hours; the profile keeps minutes.
    const { weeklyLearningGoalMinutes, ...rest } = failure.fields ?? {};
    return weeklyLearningGoalMinutes ? { ...failure, fields: { ...rest, weeklyLearningGoalHours: weeklyLearningGoalMinutes } } : failure;
  }
  revalidatePath('/', 'layout');
  return { ok: 'Saved. Your job filters and dashboard now use these settings.' };
}

/** "Your browser is in Europe/Berlin; use it?": saves that zone alone. */
export async function adoptBrowserTimeZone(_previous: ActionOutcome, formData: FormData): Promise<ActionOutcome> {
  let zone: string;
  try {
    const user = await requireUser();
    zone = (await setTimeZone(await getDb(), user.id, formData.get('timeZone'))).timeZone;
  } catch (error) {
    return actionFailure(error, { area: 'settings', what: 'change your time zone', missing: 'Your account no longer exists.' });
  }
  revalidatePath('/', 'layout');
  return { ok: `Your time zone is now ${zone}.` };
}

/** "Change password": the current one required; every session ends, then this browser signs in again. */
export async function changePasswordAction(_previous: ActionOutcome, formData: FormData): Promise<ActionOutcome> {
  const newPassword = formText(formData, 'newPassword');
  let email: string | null;
  try {
    const user = await requireUser();
    email = user.email;
    await changePassword(await getDb(), user.id, { currentPassword: formText(formData, 'currentPassword'), newPassword }, clientIp(await headers()));
  } catch (error) {
    return actionFailure(error, { area: 'settings', what: 'change your password', missing: 'Your account no longer exists.' });
  }
  // Outside the try: signIn answers with a redirect, which is thrown.
  await signIn('credentials', { email, password: newPassword, redirectTo: '/settings?password=changed' });
  return { ok: 'Password changed.' };
}

/** "Sign out everywhere": ends every session of the account, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await endAllServerSessions(await getDb(), user.id);
  await signOut({ redirectTo: '/signin' });
}

/** "Show again" beside a hidden company: its listings come back to /jobs. An unknown key changes nothing. */
export async function showCompanyAgainAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const key = formText(formData, 'companyKey').slice(0, 200);
  await showCompany(await getDb(), user.id, key).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
  });
  revalidatePath('/settings');
  revalidatePath('/jobs');
}

/** "Delete my account": typed confirmation and password; then this browser's cookie goes too. */
export async function deleteAccountAction(_previous: ActionOutcome, formData: FormData): Promise<ActionOutcome> {
  try {
    const user = await requireUser();
    await deleteAccount(await getDb(), user.id, { password: formText(formData, 'password'), confirm: formText(formData, 'confirm') }, clientIp(await headers()));
  } catch (error) {
    return actionFailure(error, { area: 'settings', what: 'delete your account', missing: 'Your account no longer exists.' });
  }
  await signOut({ redirectTo: '/' });
  return { ok: 'Deleted.' };
}
