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
  const start = Math.max(0, index - n);
  const nl = text.lastIndexOf('\n', index - 1);
  return text.slice(nl >= start ? nl + 1 : start, index);
}

/**
 * Lower-case copy with the same length as `text`, so indices found in one are valid in the
 * other. (A few characters, e.g. "İ", lower-case to two code units; those are kept as they are.)
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
