'use server';

import { revalidatePath } from 'next/cache';
import { actionFailure, type ActionOutcome } from '@/app/action-failure';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { followCompany, previewCompany, unfollowCompany, type CompanyPreview } from '@/lib/companies/follow';
import { sharedIngestFetchers } from '@/lib/ingest/fetchers';

// Every action here is a public POST endpoint: each asks for the user first; the follows are the
// user's own (scoped by user id in lib/companies).

export interface PreviewOutcome extends ActionOutcome {
  preview?: CompanyPreview;
  url?: string;
}

const failure = (error: unknown, what: string) =>
  actionFailure(error, { area: 'companies', what, missing: 'You do not follow that company.', signedOut: 'Sign in to follow companies.' });

const urlOf = (formData: FormData) => {
  const value = formData.get('url');
  return typeof value === 'string' ? value : '';
};

/** Step one: what the URL leads to (name, open and backend jobs), nothing stored. */
export async function previewCompanyAction(_previous: PreviewOutcome, formData: FormData): Promise<PreviewOutcome> {
  try {
    await requireUser();
    const url = urlOf(formData);
    const preview = await previewCompany(await getDb(), url, sharedIngestFetchers());
    return { preview, url };
  } catch (error) {
    return failure(error, 'read that careers page');
  }
}

/** Step two: the user confirmed the preview. */
export async function followCompanyAction(_previous: PreviewOutcome, formData: FormData): Promise<PreviewOutcome> {
  try {
    const user = await requireUser();
    const result = await followCompany(await getDb(), user.id, urlOf(formData), sharedIngestFetchers());
    revalidatePath('/companies');
    revalidatePath('/jobs');
    return {
      ok: result.created
        ? `Following ${result.name}: ${result.openJobs} open job${result.openJobs === 1 ? '' : 's'}, ${result.backendJobs} backend.`
        : `You already follow ${result.name}.`,
    };
  } catch (error) {
    return failure(error, 'follow that company');
  }
}

export async function unfollowCompanyAction(_previous: ActionOutcome, formData: FormData): Promise<ActionOutcome> {
  try {
    const user = await requireUser();
    const id = formData.get('id');
    await unfollowCompany(await getDb(), user.id, typeof id === 'string' ? id : '');
    revalidatePath('/companies');
    revalidatePath('/jobs');
    return { ok: 'Unfollowed.' };
  } catch (error) {
    return failure(error, 'unfollow that company');
  }
}
