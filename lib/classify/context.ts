// Small helpers for looking at the text around a regex match. Kept allocation-light: they
// slice at most a few dozen characters, since they run for every candidate match.

/** Up to `n` characters before `index`. */
export function before(text: string, index: number, n: number): string {
  return text.slice(Math.max(0, index - n), index);
}

/** Up to `n` characters after `end`. */
export function after(text: string, end: number, n: number): string {
  return text.slice(end, end + n);
}

/** Text before `index` back to the start of its line, at most `n` characters. */
export function lineBefore(text: string, index: number, n: number): string {
  // Only the window is searched: lastIndexOf from `index` would scan back to the start of a
  // text without line breaks, once per match.
  const window = before(text, index, n);
  return window.slice(window.lastIndexOf('\n') + 1);
}

// Searches that look at no character outside [from, to): the native ones run on to the start
// or end of the text when the needle is absent, which is quadratic when done per match.

/** Last index of `needle` wholly inside text[from, to), or -1. */
export function lastIndexIn(text: string, needle: string, from: number, to: number): number {
  const start = Math.max(0, from);
  const at = text.slice(start, Math.max(start, to)).lastIndexOf(needle);
  return at === -1 ? -1 : start + at;
}

/** First index of `needle` wholly inside text[from, to), or -1. */
export function indexIn(text: string, needle: string, from: number, to: number): number {
  const start = Math.max(0, from);
  const at = text.slice(start, Math.max(start, to)).indexOf(needle);
  return at === -1 ? -1 : start + at;
}
