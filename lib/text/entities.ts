import { decodeHTML } from 'entities';

/**
 * Decode HTML character references as a browser does in text: every named reference of the
 * HTML standard, numeric ones (the C1 range mapped to Windows-1252, so &#146; is ’), and the
 * legacy names a browser accepts without ";" (&amp, &eacute). Unknown names stay as written.
 */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTML(text);
}
