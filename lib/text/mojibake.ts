// Some boards send UTF-8 text that was once decoded as Latin-1 (or Windows-1252) and encoded
// again: "’" arrives as "\u00e2\u0080\u0099" ("â€™"), a no-break space as "\u00c2\u00a0" ("Â "),
// "é" as "Ã©" (Remote OK ships its descriptions like that). repairMojibake turns each such run
// back into the character it spelled, and leaves everything else (real accented letters,
// correct UTF-8, other scripts) untouched.
//
// Two rules keep real text safe. A run is repaired only when its bytes decode as valid UTF-8
// (no overlong form, surrogate or code point past U+10FFFF). And the Windows-1252 form of a
// continuation byte ("€" for 0x80, "™" for 0x99) is taken only after "â" (E2, the lead byte
// of all typographic punctuation): after any other lead it is far likelier real text, so
// "é…" and "Ü”" stay as they are. Real text almost never has a C1 control after "Â"-"ô", so
// the Latin-1 form is taken after any lead byte.

// Windows-1252 prints bytes 0x80-0x9F as these characters (0x81, 0x8D, 0x8F, 0x90 and 0x9D
// have none and stay C1 controls).
const CP1252_HIGH = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const CP1252_BYTES = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f];
const CP1252_BYTE = new Map<string, number>([...CP1252_HIGH].map((char, i) => [char, CP1252_BYTES[i]!]));

// A whole UTF-8 sequence as it looks read as Latin-1: a lead byte and its continuation bytes.
const LATIN1_RUN = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;
// A three-byte punctuation sequence read as Windows-1252 ("â€™"), Latin-1 bytes mixed in.
const CP1252_RUN = new RegExp(`\u00e2[\u0080-\u00bf${CP1252_HIGH}]{2}`, 'g');
const HINT = new RegExp(`[\u00c2-\u00f4][\u0080-\u00bf]|\u00e2[${CP1252_HIGH}]`);

/** The run decoded as UTF-8 bytes, or the run itself when those bytes are not valid UTF-8. */
function decodeRun(run: string): string {
  const bytes = Uint8Array.from(run, (char) => CP1252_BYTE.get(char) ?? char.charCodeAt(0));
  const decoded = Buffer.from(bytes).toString('utf8');
  return decoded.includes('\ufffd') ? run : decoded;
}

function repairOnce(text: string): string {
  return text.replace(LATIN1_RUN, decodeRun).replace(CP1252_RUN, decodeRun);
}

/**
 * Undo UTF-8-read-as-Latin-1/Windows-1252 damage: "donâ\u0080\u0099t" -> "don’t",
 * "Â\u00a0" -> no-break space, "ZÃ³calo" -> "Zócalo", 4-byte emoji included. Text decoded
 * wrongly twice is repaired too. Correct text comes back unchanged.
 */
export function repairMojibake(text: string): string {
  let current = text;
  // Each pass undoes one level of double encoding; three is more than any board does.
  for (let pass = 0; pass < 3 && HINT.test(current); pass++) {
    const repaired = repairOnce(current);
    if (repaired === current) break;
    current = repaired;
  }
  return current;
}
