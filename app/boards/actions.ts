'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionFailure, type ActionOutcome } from '@/app/action-failure';
import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { hideBoard, removeFeed, reviewFeed, setBoardEnabledAs, submitFeed } from '@/lib/boards/manage';
import { loadSamples, refreshAllBoards, refreshBoard } from '@/lib/boards/refresh';
import { ForbiddenError, TooManyRequestsError } from '@/lib/errors';

// Every action here is a public POST endpoint: each passes the request's actor to lib/boards,
// which checks the policy (lib/auth/roles.ts) before touching anything.

export type FormState = ActionOutcome;

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

const minutesUntil = (date: Date) => Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));

/** The answer for a refused or failed board action; never the raw error. */
function failure(error: unknown, what: string): FormState {
  if (error instanceof ForbiddenError) return { error: 'Only an admin of this instance can do that.' };
  if (error instanceof TooManyRequestsError) return { error: `${error.message} Try again in ${minutesUntil(error.retryAt)} min.` };
  return actionFailure(error, { area: 'boards', what, missing: 'That board is gone.', signedOut: 'Sign in to do that.' });
}

async function run(what: string, work: () => Promise<string>): Promise<FormState> {
  try {
    const ok = await work();
    revalidatePath('/boards');
    revalidatePath('/jobs');
    return { ok };
  } catch (error) {
    return failure(error, what);
  }
}

/** Refresh the board named in the form (an admin's refresh forces it), or every board. */
export async function refreshBoards(_previous: FormState, formData: FormData): Promise<FormState> {
  return run('refresh the boards', async () => {
    const db = await getDb();
    const actor = await currentActor();
    const boardId = field(formData, 'boardId');
    if (!boardId) {
      const { started, skipped } = await refreshAllBoards(db, actor);
      if (started === 0) return 'Every board was refreshed in the last few minutes or is backing off; nothing to do yet.';
      return `Refreshing ${started} board${started === 1 ? '' : 's'}${skipped ? ` (${skipped} refreshed recently or backing off)` : ''}.`;
    }
    await refreshBoard(db, actor, boardId, { force: field(formData, 'force') === 'true' });
    return 'Refreshing…';
  });
}

export async function loadSampleListings(_previous: FormState): Promise<FormState> {
  return run('load the sample listings', async () => {
    const started = await loadSamples(await getDb(), await currentActor());
    return started ? 'Loading the sample listings…' : 'An ingestion is already under way; try again when it ends.';
  });
}

export async function toggleBoard(_previous: FormState, formData: FormData): Promise<FormState> {
  return run('change the board', async () => {
    const enabled = z.enum(['true', 'false']).safeParse(field(formData, 'enabled'));
    if (!enabled.success) return 'Nothing changed.';
    await setBoardEnabledAs(await getDb(), await currentActor(), field(formData, 'boardId'), enabled.data === 'true');
    return enabled.data === 'true' ? 'Enabled.' : 'Disabled for everyone.';
  });
}

export async function reviewProposal(_previous: FormState, formData: FormData): Promise<FormState> {
  return run('review the feed', async () => {
    const decision = field(formData, 'decision') === 'approve' ? 'approve' : 'reject';
    await reviewFeed(await getDb(), await currentActor(), field(formData, 'boardId'), decision);
    return decision === 'approve' ? 'Approved: its first ingestion has started.' : 'Rejected and removed.';
  });
}

export async function removeBoard(_previous: FormState, formData: FormData): Promise<FormState> {
  return run('remove the feed', async () => {
    await removeFeed(await getDb(), await currentActor(), field(formData, 'boardId'));
    return 'Removed, with its listings.';
  });
}

export async function setBoardHidden(_previous: FormState, formData: FormData): Promise<FormState> {
  return run('change your hidden boards', async () => {
    const hidden = field(formData, 'hidden') === 'true';
    await hideBoard(await getDb(), await currentActor(), field(formData, 'boardId'), hidden);
    return hidden ? 'Hidden from your jobs.' : 'Shown in your jobs again.';
  });
}

/** The add-feed form: an admin adds a feed, a user proposes one. */
export async function addFeed(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const { outcome } = await submitFeed(await getDb(), await currentActor(), { name: field(formData, 'name'), url: field(formData, 'url') });
    revalidatePath('/boards');
    return {
      ok: outcome === 'added' ? 'Added. Its first ingestion has started.' : 'Proposed. An admin will review it; until then it is not fetched.',
    };
  } catch (error) {
    return failure(error, 'add the feed');
  }
}
