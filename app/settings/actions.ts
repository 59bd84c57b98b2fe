'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { BadInputError, UnauthorizedError } from '@/lib/errors';
import { saveProfile } from '@/lib/profile/profile';

export interface SettingsState {
  ok?: string;
  error?: string;
  fields?: Record<string, string>;
}

/** The settings form: weekly goal is entered in hours, stored in minutes like the API's. */
export async function saveSettings(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
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
    if (error instanceof UnauthorizedError) return { error: 'Your session ended. Sign in again to save.' };
    if (error instanceof BadInputError) {
      const { weeklyLearningGoalMinutes, ...rest } = error.fields;
      return { error: error.message, fields: weeklyLearningGoalMinutes ? { ...rest, weeklyLearningGoalHours: weeklyLearningGoalMinutes } : rest };
    }
    throw error;
  }
  revalidatePath('/', 'layout');
  return { ok: 'Saved. Your job filters and dashboard now use these settings.' };
}
