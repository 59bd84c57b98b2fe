'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionOutcome } from '@/app/action-failure';
import { getDb } from '@/db/client';
import { startBackgroundIngest } from '@/lib/ingest/background';
import { addCustomFeed, loadIngestTargets, setBoardEnabled } from '@/lib/ingest/catalog';
import { isPublicFeedUrl } from '@/lib/ingest/feed-url';
import { sampleTargets } from '@/lib/ingest/sample';
import { requireUser } from '@/lib/auth/session';
import { BadInputError, UnauthorizedError } from '@/lib/errors';

export type FormState = ActionOutcome;

const boardIdField = z.string().trim().regex(/^[a-z0-9-]{1,60}$/);

/** Refresh every enabled board, or the one named in the form, in the background. */
export async function refreshBoards(formData: FormData): Promise<void> {
  const boardId = boardIdField.safeParse(formData.get('boardId'));
  const db = await getDb();
  const targets = await loadIngestTargets(db, boardId.success ? [boardId.data] : []).catch(() => []);
  startBackgroundIngest(db, targets, { force: boardId.success });
  revalidatePath('/boards');
}

export async function loadSampleListings(): Promise<void> {
  const db = await getDb();
  startBackgroundIngest(db, await sampleTargets(db), { sample: true });
  revalidatePath('/boards');
}

// Refreshing and loading samples are open to visitors (a fresh install has no account yet, and
// both are leased, idempotent runs). Changing the board catalog needs an account.
export async function toggleBoard(formData: FormData): Promise<void> {
  await requireUser();
  const parsed = z.object({ boardId: boardIdField, enabled: z.enum(['true', 'false']) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  await setBoardEnabled(await getDb(), parsed.data.boardId, parsed.data.enabled === 'true');
  revalidatePath('/boards');
}

const feedForm = z.object({
  name: z.string().trim().min(1, 'Give the board a name.').max(80, 'Keep the name under 80 characters.'),
  url: z
    .string()
    .trim()
    .url('Enter the full feed URL, starting with https://')
    .refine(isPublicFeedUrl, 'Use a public http(s) feed URL (not a local or private address).'),
});

export async function addFeed(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await requireUser();
  } catch (error) {
    if (error instanceof UnauthorizedError) return { error: 'Sign in to add a board.' };
    throw error;
  }
  const parsed = feedForm.safeParse({ name: formData.get('name') ?? '', url: formData.get('url') ?? '' });
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return { error: 'Check the highlighted fields.', fields };
  }
  try {
    const db = await getDb();
    const id = await addCustomFeed(db, parsed.data);
    startBackgroundIngest(db, await loadIngestTargets(db, [id]));
    revalidatePath('/boards');
    return { ok: `Added ${parsed.data.name}. Its first ingestion has started.` };
  } catch (error) {
    if (error instanceof BadInputError) return { error: error.message, fields: error.fields };
    console.error('addFeed failed', error);
    return { error: 'Could not add the feed. Try again in a moment.' };
  }
}
