'use server';

import { revalidatePath } from 'next/cache';
import { actionFailure, type ActionOutcome } from '@/app/action-failure';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { createProject, deleteProject, updateProject } from '@/lib/projects/projects';

// Exported actions are public POST endpoints: each calls requireUser() first, and lib/
// scopes every query by the user's id.

export type FormState = ActionOutcome;

const failure = (error: unknown, what: string) => actionFailure(error, { area: 'projects', what, missing: 'That project no longer exists.' });

function fields(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return { name: text('name'), language: text('language'), repoUrl: text('repoUrl'), liveUrl: text('liveUrl'), status: text('status') };
}

function refresh() {
  revalidatePath('/projects');
  revalidatePath('/log');
  revalidatePath('/');
}

export async function createProjectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const project = await createProject(await getDb(), user.id, fields(formData));
    refresh();
    return { ok: `Added ${project.name}.` };
  } catch (error) {
    return failure(error, 'add the project');
  }
}

export async function updateProjectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const id = formData.get('id');
    const project = await updateProject(await getDb(), user.id, typeof id === 'string' ? id : '', fields(formData));
    refresh();
    return { ok: `Saved ${project.name}.` };
  } catch (error) {
    return failure(error, 'save the project');
  }
}

export async function deleteProjectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const id = formData.get('id');
    await deleteProject(await getDb(), user.id, typeof id === 'string' ? id : '');
    refresh();
    return { ok: 'Project deleted.' };
  } catch (error) {
    return failure(error, 'delete the project');
  }
}
