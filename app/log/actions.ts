'use server';

import { revalidatePath } from 'next/cache';
import { actionFailure, type ActionOutcome } from '@/app/action-failure';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/profile/profile';
import { createEntry, deleteEntry, updateEntry } from '@/lib/timelog/entries';
import { entryFromForm } from '@/lib/timelog/form';
import { discardTimer, startTimer, stopTimer } from '@/lib/timelog/timer';
import { formatMinutes } from '@/lib/timelog/labels';

// Every exported action is a public POST endpoint: each calls requireUser() first and passes
// the user's id to lib/, which scopes every query by it.

export type FormState = ActionOutcome;

const failure = (error: unknown, what: string) => actionFailure(error, { area: 'log', what, missing: 'That entry no longer exists.' });

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

function formFields(formData: FormData) {
  return {
    kind: text(formData, 'kind'),
    area: text(formData, 'area') ?? null,
    projectId: text(formData, 'projectId') ?? null,
    applicationId: text(formData, 'applicationId') ?? null,
    note: text(formData, 'note') ?? null,
  };
}

function refresh() {
  revalidatePath('/log');
  revalidatePath('/');
  revalidatePath('/projects');
}

export async function startTimerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    await startTimer(await getDb(), user.id, formFields(formData));
    refresh();
    return { ok: 'Timer started.' };
  } catch (error) {
    return failure(error, 'start the timer');
  }
}

export async function stopTimerAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const entry = await stopTimer(await getDb(), user.id);
    refresh();
    return {
      ok: entry.capped
        ? `Saved ${formatMinutes(entry.minutes)}, capped: the timer ran too long. Edit the entry if you really worked longer.`
        : `Saved ${formatMinutes(entry.minutes)}.`,
    };
  } catch (error) {
    return failure(error, 'stop the timer');
  }
}

export async function discardTimerAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    await discardTimer(await getDb(), user.id);
    refresh();
    return { ok: 'Timer discarded.' };
  } catch (error) {
    return failure(error, 'discard the timer');
  }
}

async function entryInput(userId: string, formData: FormData) {
  const db = await getDb();
  const { timeZone } = await getProfile(db, userId);
  const input = entryFromForm(
    { ...formFields(formData), date: text(formData, 'date'), time: text(formData, 'time'), minutes: text(formData, 'minutes') },
    timeZone,
  );
  return { db, input };
}

export async function createEntryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const { db, input } = await entryInput(user.id, formData);
    await createEntry(db, user.id, input);
    refresh();
    return { ok: 'Entry added.' };
  } catch (error) {
    return failure(error, 'add the entry');
  }
}

export async function updateEntryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const { db, input } = await entryInput(user.id, formData);
    await updateEntry(db, user.id, text(formData, 'id') ?? '', input);
    refresh();
    return { ok: 'Entry saved.' };
  } catch (error) {
    return failure(error, 'save the entry');
  }
}

export async function deleteEntryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    await deleteEntry(await getDb(), user.id, text(formData, 'id') ?? '');
    refresh();
    return { ok: 'Entry deleted.' };
  } catch (error) {
    return failure(error, 'delete the entry');
  }
}
