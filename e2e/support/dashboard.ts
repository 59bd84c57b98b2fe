import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { textOf } from './browser';

// Reading the dashboard (/) and writing the time log (/log) as a user does.

/** A figure in a dashboard section: the <dd> after the <dt> named `term`, e.g. ("Today", "Applying") → "30 min of 1 h". */
export function figure(page: Page, section: 'Today' | 'This week', term: string): Promise<string> {
  const dl = page.getByRole('region', { name: section, exact: true }).locator('dl');
  return textOf(dl.locator('dt', { hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]'));
}

/** HH:MM (UTC, the browser's and the profile's zone in these tests) `minutesAgo` before now, but not before today's midnight. */
export function startTimeToday(minutesAgo: number, now = new Date()): string {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = new Date(Math.max(midnight, now.getTime() - minutesAgo * 60_000));
  return start.toISOString().slice(11, 16);
}

/** The "Add time" form on /log. */
export const addTimeForm = (page: Page): Locator => page.getByRole('region', { name: 'Add time' }).locator('form');

/** Add a manual entry today through the "Add time" form; waits until today's list shows it. */
export async function addEntry(
  page: Page,
  entry: { kind: 'applying' | 'learning' | 'building'; minutes: number; note: string; area?: string; startMinutesAgo?: number },
): Promise<void> {
  const form = addTimeForm(page);
  await form.getByLabel('Activity').selectOption(entry.kind);
  if (entry.area) await form.getByLabel('Learning area').selectOption(entry.area);
  await form.getByLabel('Start time').fill(startTimeToday(entry.startMinutesAgo ?? entry.minutes + 5));
  await form.getByLabel('Minutes').fill(String(entry.minutes));
  await form.getByLabel('Note').fill(entry.note);
  await form.getByRole('button', { name: 'Add entry' }).click();
  // "Entry added." may still show from the previous entry: wait for this one in today's list.
  await expect.poll(() => textOf(todayEntries(page)).catch(() => '')).toContain(entry.note);
  expect(await textOf(form.getByRole('status'))).toBe('Entry added.');
}

/** Today's entries on /log: the day group named "Today, Wednesday 25 November". */
export function todayEntries(page: Page): Locator {
  return page.getByRole('region', { name: /^Today, / });
}
