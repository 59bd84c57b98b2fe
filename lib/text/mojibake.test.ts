import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { repairMojibake } from './mojibake';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

/** Encode text as UTF-8 and decode the bytes as Latin-1: the damage Remote OK's descriptions carry. */
const asLatin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('repairMojibake', () => {
  it('repairs the sequences Remote OK sends', () => {
    expect(repairMojibake('don\u00e2\u0080\u0099t')).toBe('don’t');
    expect(repairMojibake('a\u00c2\u00a0b')).toBe('a\u00a0b');
    expect(repairMojibake('\u00e2\u0080\u0094 and \u00e2\u0080\u0093')).toBe('— and –');
    expect(repairMojibake('\u00e2\u0080\u009cquoted\u00e2\u0080\u009d')).toBe('“quoted”');
    expect(repairMojibake('Z\u00c3\u00b3calo Health')).toBe('Zócalo Health');
    expect(repairMojibake('Gda\u00c5\u0084sk')).toBe('Gdańsk');
    expect(repairMojibake('\u00e2\u0080\u00a2 bullet')).toBe('• bullet');
  });

  it('repairs 4-byte sequences (emoji) and variation selectors', () => {
    expect(repairMojibake(asLatin1('Launch 🚀 now'))).toBe('Launch 🚀 now');
    expect(repairMojibake(asLatin1('⚡️'))).toBe('⚡️');
  });

  it('repairs the Windows-1252 flavour ("â€™") too', () => {
    expect(repairMojibake('donâ€™t')).toBe('don’t');
    expect(repairMojibake('â€œhiâ€\u009d')).toBe('“hi”');
    expect(repairMojibake('â‚¬50k')).toBe('€50k');
  });

  it('repairs text that was mis-decoded twice', () => {
    expect(repairMojibake(asLatin1(asLatin1('café ’')))).toBe('café ’');
  });

  it('leaves correct text alone', () => {
    for (const text of ['café, naïve, Zürich, São Paulo', 'Gdańsk – Kraków', '“smart” quotes’ and … ellipsis', 'Ærøskøbing', '東京 🚀', 'Â la carte', 'plain ASCII']) {
      expect(repairMojibake(text)).toBe(text);
    }
  });

  it('leaves invalid or incomplete sequences as they are', () => {
    // A lead byte without enough continuation bytes, an overlong form, a surrogate.
    expect(repairMojibake('\u00e2\u0080 end')).toBe('\u00e2\u0080 end');
    expect(repairMojibake('\u00e0\u0080\u0080')).toBe('\u00e0\u0080\u0080');
    expect(repairMojibake('\u00ed\u00a0\u0080')).toBe('\u00ed\u00a0\u0080');
  });

  it('repairs UTF-8 read as Latin-1 or Windows-1252, and nothing else', () => {
    expect(repairMojibake('cafÃ© â€” done')).toBe('café — done');
    expect(repairMojibake('It\u00e2\u0080\u0099s')).toBe('It’s'); // Latin-1 form (Remote OK)
    expect(repairMojibake('Ã alone')).toBe('Ã alone');
    expect(repairMojibake('naïve résumé – “quoted” é… Ü”')).toBe('naïve résumé – “quoted” é… Ü”');
  });

  it('keeps a real character that follows a repaired one', () => {
    expect(repairMojibake('\u00c3\u00a9\u00bb')).toBe('é»');
  });

  describe.skipIf(!HAS_SHARED_CAPTURES)('on the Remote OK capture', () => {
    it('leaves no Latin-1-looking UTF-8 sequence in any description', () => {
      const jobs = (JSON.parse(readSharedCapture('remoteok-1.json')) as { description?: string }[]).slice(1);
      const damaged = /[\u00c2-\u00f4][\u0080-\u00bf]/;
      expect(jobs.filter((job) => damaged.test(job.description ?? '')).length).toBeGreaterThan(50);
      const repaired = jobs.map((job) => repairMojibake(job.description ?? ''));
      expect(repaired.filter((text) => damaged.test(text))).toEqual([]);
      expect(repaired.join('\n')).toContain('’');
    });
  });
});
