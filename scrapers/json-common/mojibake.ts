// Some boards send UTF-8 text that was once decoded as Latin-1 (or Windows-1252) and encoded
// again: "’" arrives as "\u00e2\u0080\u0099" ("â€™"), a no-break space as "\u00c2\u00a0" ("Â ").
// repairMojibake turns each such run back into the character it spelled, and leaves
// everything else (real accented letters, correct UTF-8, other scripts) untouched.

// Windows-1252 prints bytes 0x80-0x9F as these characters; a cp1252 round trip leaves them
// where the continuation bytes were.
const CP1252_TO_BYTE: ReadonlyMap<string, number> = new Map([
  ['\u20ac', 0x80], ['\u201a', 0x82], ['\u0192', 0x83], ['\u201e', 0x84], ['\u2026', 0x85],
  ['\u2020', 0x86], ['\u2021', 0x87], ['\u02c6', 0x88], ['\u2030', 0x89], ['\u0160', 0x8a],
  ['\u2039', 0x8b], ['\u0152', 0x8c], ['\u017d', 0x8e], ['\u2018', 0x91], ['\u2019', 0x92],
  ['\u201c', 0x93], ['\u201d', 0x94], ['\u2022', 0x95], ['\u2013', 0x96], ['\u2014', 0x97],
  ['\u02dc', 0x98], ['\u2122', 0x99], ['\u0161', 0x9a], ['\u203a', 0x9b], ['\u0153', 0x9c],
  ['\u017e', 0x9e], ['\u0178', 0x9f],
]);

const CONTINUATION_CLASS = '\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178';
// A lead byte (0xC2-0xF4) followed by one to three continuation bytes, each as it looks after
// the wrong decoding.
const CANDIDATE = new RegExp(`[\\u00c2-\\u00f4][${CONTINUATION_CLASS}]{1,3}`, 'g');

function byteOf(char: string): number | null {
  const code = char.charCodeAt(0);
  if (code <= 0xff) return code;
  return CP1252_TO_BYTE.get(char) ?? null;
}

/** Decode one UTF-8 sequence from the start of `bytes`; null unless it is complete and valid. */
function decodeSequence(bytes: number[]): { char: string; length: number } | null {
  const lead = bytes[0]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (bytes.length < length) return null;
  const rest = bytes.slice(1, length);
  if (rest.some((b) => b < 0x80 || b > 0xbf)) return null;
  const second = rest[0]!;
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not text.
  if (lead === 0xe0 && second < 0xa0) return null;
  if (lead === 0xed && second > 0x9f) return null;
  if (lead === 0xf0 && second < 0x90) return null;
  if (lead === 0xf4 && second > 0x8f) return null;
  let code = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
  for (const b of rest) code = (code << 6) | (b & 0x3f);
  return { char: String.fromCodePoint(code), length };
}

function repairOnce(text: string): string {
  return text.replace(CANDIDATE, (run) => {
    const chars = [...run];
    const bytes: number[] = [];
    for (const char of chars) {
      const b = byteOf(char);
      if (b === null) return run;
      bytes.push(b);
    }
    const decoded = decodeSequence(bytes);
    if (!decoded) return run;
    // Characters after the sequence (a real "»" after a repaired "é", say) stay as they were.
    return decoded.char + chars.slice(decoded.length).join('');
  });
}

/**
 * Undo UTF-8-read-as-Latin-1/Windows-1252 damage: "donâ\u0080\u0099t" -> "don’t",
 * "Â\u00a0" -> no-break space, "ZÃ³calo" -> "Zócalo", 4-byte emoji included. Text decoded
 * wrongly twice is repaired too. Correct text comes back unchanged.
 */
export function repairMojibake(text: string): string {
  let current = text;
  // Each pass undoes one level of double encoding; three is more than any board does.
  for (let pass = 0; pass < 3; pass++) {
    const repaired = repairOnce(current);
    if (repaired === current) break;
    current = repaired;
  }
  return current;
}
