'use server';

import { revalidatePath } from 'next/cache';
import { actionFailure } from '@/app/action-failure';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { createInterview, deleteInterview, interviewFromForm, updateInterview } from '@/lib/interviews/interviews';
import { getProfile } from '@/lib/profile/profile';
import type { ActionState } from '../actions';

// The interview forms on /applications/[id]. Public POST endpoints like every server action:
// each asks for the user first, and lib/interviews scopes every query by that user's id.

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

const failure = (error: unknown, what: string, formData: FormData): ActionState => ({
  ...actionFailure(error, { area: 'interviews', what, missing: 'That application or interview no longer exists.' }),
  values: { date: text(formData, 'date') ?? '', time: text(formData, 'time') ?? '', minutes: text(formData, 'minutes') ?? '', kind: text(formData, 'kind') ?? '', notes: text(formData, 'notes') ?? '' },
});

function refresh(applicationId: string) {
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath('/');
}

/** Add an interview (no `interviewId`) or change one; date and time are on the user's own clock. */
export async function saveInterviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const applicationId = text(formData, 'applicationId') ?? '';
  const interviewId = text(formData, 'interviewId');
  try {
    const user = await requireUser();
    const db = await getDb();
    const { timeZone } = await getProfile(db, user.id);
    const input = interviewFromForm(
      { date: text(formData, 'date'), time: text(formData, 'time'), minutes: text(formData, 'minutes'), kind: text(formData, 'kind'), notes: text(formData, 'notes') },
      timeZone,
    );
    if (interviewId) await updateInterview(db, user.id, applicationId, interviewId, input);
    else await createInterview(db, user.id, applicationId, input);
    refresh(applicationId);
    return { ok: interviewId ? 'Interview changed.' : 'Interview added.', id: applicationId };
  } catch (error) {
    return failure(error, interviewId ? 'change the interview' : 'add the interview', formData);
  }
}

export async function deleteInterviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const applicationId = text(formData, 'applicationId') ?? '';
  try {
    const user = await requireUser();
    await deleteInterview(await getDb(), user.id, applicationId, text(formData, 'interviewId') ?? '');
    refresh(applicationId);
    return { ok: 'Interview deleted.' };
  } catch (error) {
    return actionFailure(error, { area: 'interviews', what: 'delete the interview', missing: 'That interview no longer exists.' });
  }
}
