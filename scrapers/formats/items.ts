import { z } from 'zod';
import type { ParseResult, RawListing, SkippedItem } from '../types';

// Per-item validation for JSON boards: each element is checked with a lenient zod schema
// (unknown fields ignored), and an element that fails, or that maps to no listing, becomes a
// SkippedItem with a reason that names the field. One bad element never fails the feed.

/** A number, or a string holding one ("80000"): boards are not consistent about it. */
export const numberish = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number),
]);

/** An id that may come as a number or a string. */
export const idish = z.union([z.string(), z.number().transform(String)]);

/** The first issue of a failed parse, as "field: problem". */
export function issueReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid item';
  const field = issue.path.map(String).join('.') || 'item';
  return `${field}: ${issue.message}`;
}

/** The reason an item was left out, or the listing it became. */
export type MapOutcome = { listing: RawListing } | { skip: string };

/**
 * Validate every element with `schema`, map the valid ones with `map`, and collect the rest as
 * skipped. `ref` names an element in reasons (its id, else its index); `ignore` drops elements
 * that are not postings at all (a legal notice) without counting them as skipped.
 */
export function parseElements<S extends z.ZodType>(options: {
  elements: readonly unknown[];
  schema: S;
  map: (item: z.output<S>, index: number) => MapOutcome;
  ref: (element: unknown, index: number) => string;
  ignore?: (element: unknown, index: number) => boolean;
}): ParseResult {
  const items: RawListing[] = [];
  const skipped: SkippedItem[] = [];
  options.elements.forEach((element, index) => {
    if (options.ignore?.(element, index)) return;
    const ref = options.ref(element, index);
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
      skipped.push({ reason: `item is ${element === null ? 'null' : Array.isArray(element) ? 'an array' : `a ${typeof element}`}, not an object`, ref });
      return;
    }
    const parsed = options.schema.safeParse(element);
    if (!parsed.success) {
      skipped.push({ reason: issueReason(parsed.error), ref });
      return;
    }
    const outcome = options.map(parsed.data, index);
    if ('skip' in outcome) skipped.push({ reason: outcome.skip, ref });
    else items.push(outcome.listing);
  });
  return { items, skipped };
}

/** A reference for an element: its id-like field when it has one, else "#index". */
export function elementRef(element: unknown, index: number, keys: readonly string[]): string {
  if (typeof element === 'object' && element !== null) {
    for (const key of keys) {
      const value = (element as Record<string, unknown>)[key];
      if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim();
    }
  }
  return `#${index}`;
}

/** The value as a normalized absolute http(s) URL, or null. */
export function httpUrl(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text || !/^https?:\/\//i.test(text) || !URL.canParse(text)) return null;
  const url = new URL(text);
  return url.hostname ? url.href : null;
}

/** Salary bounds: non-positive, non-finite or missing values mean unknown; swapped bounds are put in order. */
export function salaryBounds(min: number | null | undefined, max: number | null | undefined): { min: number | null; max: number | null } | null {
  const clean = (value: number | null | undefined) => (value != null && Number.isFinite(value) && value > 0 ? value : null);
  let low = clean(min);
  let high = clean(max);
  if (low === null && high === null) return null;
  if (low !== null && high !== null && low > high) [low, high] = [high, low];
  return { min: low, max: high };
}
