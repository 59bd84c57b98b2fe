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
