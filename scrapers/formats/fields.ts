import { lineText } from '../../lib/text';

// The fields of a listing as parsers hand them over: short texts as one line of plain text,
// cut to ingestion's limits; descriptions as the board's HTML; tags plain and deduped.

/** A short field (title, company, place) as one line of plain text (lib/text's lineText), cut to maxLength. Empty -> null. */
export function cleanText(value: string | null | undefined, maxLength?: number): string | null {
  if (value == null) return null;
  const text = lineText(value);
  if (!text) return null;
  return maxLength === undefined ? text : truncate(text, maxLength);
}

/**
 * Description HTML as the board sent it, without a BOM and with its ends trimmed: ingestion
 * repairs, sanitizes and turns it into text, once (lib/ingest/prepare.ts).
 */
export function cleanHtml(value: string | null | undefined): string {
  return value == null ? '' : value.replace(/^\ufeff/, '').trim();
}

/** Cut at a word boundary, with an ellipsis, so the result has at most maxLength characters. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// Ingestion accepts at most 60 tags of at most 60 characters.
const MAX_TAGS = 60;
const MAX_TAG_LENGTH = 60;

/** Tags as plain, trimmed, lower-case strings without duplicates or empties, in first-seen order. */
export function normalizeTags(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const tag = cleanText(value)?.toLowerCase();
    if (!tag || tag.length > MAX_TAG_LENGTH || seen.has(tag)) continue;
    seen.add(tag);
    if (seen.size === MAX_TAGS) break;
  }
  return [...seen];
}

/** Ingestion's length limits for listing fields (lib/ingest/validate.ts); parsers cut to them. */
export const FIELD_LIMITS = { title: 300, company: 200, location: 300, salaryText: 200 } as const;
