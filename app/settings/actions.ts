'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { actionFailure, type ActionOutcome } from '@/app/action-failure';
import { requireUser } from '@/lib/auth/session';
import { saveProfile } from '@/lib/profile/profile';

/** The settings form: weekly goal is entered in hours, stored in minutes like the API's. */
export async function saveSettings(_previous: ActionOutcome, formData: FormData): Promise<ActionOutcome> {
  try {
    const user = await requireUser();
    const hours = String(formData.get('weeklyLearningGoalHours') ?? '').trim();
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
