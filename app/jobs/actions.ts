'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionFailure } from '@/app/action-failure';
import { getDb } from '@/db/client';
import { createFromListing, markListingApplied } from '@/lib/applications/applications';
import { dismissListing, undismissListing } from '@/lib/applications/listing-state';
import { STATUS_LABEL } from '@/lib/applications/statuses';
import { requireUser } from '@/lib/auth/session';
import { hideCompanyOfListing } from '@/lib/companies/hide';
import { NotFoundError } from '@/lib/errors';

// Save / Mark applied / Dismiss on /jobs/[id]. Each asks for the user first; the listing is
// public, the application and the dismissal are the user's own.

export interface JobActionState {
  ok?: string;
  error?: string;
}

const listingId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function readListingId(formData: FormData): number {
  const parsed = listingId.safeParse(formData.get('listingId'));
  if (!parsed.success) throw new NotFoundError('Listing not found');
  return parsed.data;
}

const failure = (error: unknown, what: string): JobActionState => {
  const { error: message } = actionFailure(error, { area: 'jobs', what, missing: 'That listing no longer exists.', signedOut: 'Sign in to keep track of jobs.' });
  return { error: message };
};

function refresh(id: number) {
  revalidatePath(`/jobs/${id}`);
  revalidatePath('/jobs');
  revalidatePath('/applications');
}

export async function saveListing(_previous: JobActionState, formData: FormData): Promise<JobActionState> {
  try {
    const user = await requireUser();
    const id = readListingId(formData);
    const { created } = await createFromListing(await getDb(), user.id, { listingId: id });
    refresh(id);
    return { ok: created ? 'Saved to your applications.' : 'Already in your applications.' };
  } catch (error) {
    return failure(error, 'save the job');
  }
}

export async function markApplied(_previous: JobActionState, formData: FormData): Promise<JobActionState> {
  try {
    const user = await requireUser();
    const id = readListingId(formData);
    const app = await markListingApplied(await getDb(), user.id, id);
    refresh(id);
    return { ok: app.status === 'applied' ? 'Marked as applied.' : `Already further along: ${STATUS_LABEL[app.status]}.` };
  } catch (error) {
    return failure(error, 'mark the job applied');
  }
}

export async function dismissJob(_previous: JobActionState, formData: FormData): Promise<JobActionState> {
  try {
    const user = await requireUser();
    const id = readListingId(formData);
    await dismissListing(await getDb(), user.id, id);
    refresh(id);
    return { ok: 'Dismissed: hidden from your job results.' };
  } catch (error) {
    return failure(error, 'dismiss the job');
  }
}

export async function undismissJob(_previous: JobActionState, formData: FormData): Promise<JobActionState> {
  try {
    const user = await requireUser();
    const id = readListingId(formData);
    await undismissListing(await getDb(), user.id, id);
    refresh(id);
    return { ok: 'Back in your job results.' };
  } catch (error) {
    return failure(error, 'undo the dismissal');
  }
}

export async function hideListingCompany(_previous: JobActionState, formData: FormData): Promise<JobActionState> {
  try {
    const user = await requireUser();
    const id = readListingId(formData);
    const { name } = await hideCompanyOfListing(await getDb(), user.id, id);
    refresh(id);
    revalidatePath('/settings');
    return { ok: `${name} is hidden from your job results. Show it again from Settings.` };
  } catch (error) {
    return failure(error, 'hide the company');
  }
}
