'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actionFailure, type ActionOutcome } from '@/app/action-failure';
import { getDb } from '@/db/client';
import {
  changeStatus,
  createManual,
  deleteApplication,
  markGhosted,
  updateApplication,
} from '@/lib/applications/applications';
import { savePosting } from '@/lib/applications/from-page';
import { requireUser } from '@/lib/auth/session';

// Server actions for /applications and /applications/[id]. Each is a public POST endpoint:
// it asks for the user first, and lib/ scopes every query by that user's id.

export interface ActionState extends ActionOutcome {
  /** The application the action created or changed. */
  id?: string;
  /** What the user sent, so a form that failed shows their input again (React resets forms after an action). */
  values?: Record<string, string>;
}

const echo = (formData: FormData): Record<string, string> =>
  Object.fromEntries([...formData.entries()].flatMap(([k, v]) => (typeof v === 'string' && !k.startsWith('$') ? [[k, v]] : [])));

const failure = (error: unknown, what: string): ActionState =>
  actionFailure(error, { area: 'applications', what, missing: 'That application no longer exists.' });

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** Only the details fields the form sends (absent fields stay as they are). */
function detailsFrom(formData: FormData) {
  const names = ['company', 'title', 'url', 'notes', 'contact', 'contactEmail', 'source', 'location', 'salaryDiscussed', 'resumeLink', 'nextFollowUpAt', 'appliedAt'];
  return Object.fromEntries(names.flatMap((name) => (formData.has(name) ? [[name, field(formData, name)]] : [])));
}

function refresh(id?: string) {
  revalidatePath('/applications');
  if (id) revalidatePath(`/applications/${id}`);
}

const POSTING_FIELDS = ['url', 'title', 'company', 'location', 'salaryText', 'postedAt', 'closesAt', 'employmentType', 'description', 'status', 'source', 'notes'];

/**
 * "Add application" and the save page: a job found anywhere. With a link, what the user kept of
 * the page's posting is saved with it (linked to trackend's listing of that link, if any);
 * without one, the company and title typed by hand.
 */
export async function addApplication(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireUser();
    const db = await getDb();
    if (field(formData, 'url')?.trim()) {
      const input = Object.fromEntries(POSTING_FIELDS.flatMap((name) => (formData.has(name) ? [[name, field(formData, name)]] : [])));
      const { application, created } = await savePosting(db, user.id, input);
      refresh(application.id);
      return { ok: created ? `Added ${application.title} at ${application.company}.` : `Already in your pipeline: ${application.title} at ${application.company}.`, id: application.id };
    }
    const app = await createManual(db, user.id, { ...detailsFrom(formData), status: field(formData, 'status') });
    refresh();
    return { ok: `Added ${app.title} at ${app.company}.`, id: app.id };
  } catch (error) {
    return { ...failure(error, 'add the application'), values: echo(formData) };
  }
}

/** The details form on /applications/[id]. */
export async function saveDetails(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireUser();
    const id = field(formData, 'id') ?? '';
    await updateApplication(await getDb(), user.id, id, detailsFrom(formData));
    refresh(id);
    return { ok: 'Saved.', id, values: echo(formData) };
  } catch (error) {
    return { ...failure(error, 'save the changes'), values: echo(formData) };
  }
}

/** A status change with an optional note and date (the detail page's form, the board's "Move to…"). */
export async function moveApplication(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireUser();
    const id = field(formData, 'id') ?? '';
    const app = await changeStatus(await getDb(), user.id, id, {
      status: field(formData, 'status'),
      note: field(formData, 'note'),
      at: field(formData, 'at'),
    });
    refresh(id);
    return { ok: `Moved ${app.title} to ${app.status}.`, id };
  } catch (error) {
    return { ...failure(error, 'change the status'), values: echo(formData) };
  }
}

/** One click from "Possibly ghosted". */
export async function markGhostedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireUser();
    const id = field(formData, 'id') ?? '';
    const app = await markGhosted(await getDb(), user.id, id);
    refresh(id);
    return { ok: `Marked ${app.title} at ${app.company} as ghosted.`, id };
  } catch (error) {
    return failure(error, 'mark it ghosted');
  }
}

/** "Done" on a due follow-up: clears the date. */
export async function clearFollowUp(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireUser();
    const id = field(formData, 'id') ?? '';
    await updateApplication(await getDb(), user.id, id, { nextFollowUpAt: null });
    refresh(id);
    return { ok: 'Follow-up done.', id };
  } catch (error) {
    return failure(error, 'clear the follow-up');
  }
}

/** Delete after confirmation; back to the list. */
export async function removeApplication(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireUser();
    await deleteApplication(await getDb(), user.id, field(formData, 'id') ?? '');
  } catch (error) {
    return failure(error, 'delete the application');
  }
  revalidatePath('/applications');
  redirect('/applications?deleted=1');
}
