import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, detectCharset, normalizeCharset } from './decode';

const ascii = (text: string) => Buffer.from(text, 'latin1');

describe('detectCharset', () => {
  it('prefers a BOM over a contradicting header', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é')]);
    expect(detectCharset(body, 'text/html; charset=iso-8859-1')).toBe('utf-8');
    expect(decodeBody(body, 'text/html; charset=iso-8859-1')).toBe('é');
    expect(detectCharset(Buffer.from([0xff, 0xfe, 0x41, 0x00]), null)).toBe('utf-16le');
  });

  it('prefers the header over the document', () => {
    const body = ascii('<?xml version="1.0" encoding="Shift_JIS"?><rss/>');
    expect(detectCharset(body, 'application/xml; charset=utf-8')).toBe('utf-8');
  });

  it('treats an XML prolog without encoding as UTF-8, ignoring markup quoted in the feed', () => {
    const body = ascii('<?xml version="1.0"?><rss><description><![CDATA[<meta charset="windows-1252">]]></description></rss>');
    expect(detectCharset(body, null)).toBe('utf-8');
  });

  it('reads <meta charset> and http-equiv only for HTML or unlabelled bodies', () => {
    const meta = ascii('<!doctype html><html><head><meta charset="windows-1252"><title>x</title>');
    const httpEquiv = ascii('<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">');
    expect(detectCharset(meta, 'text/html')).toBe('windows-1252');
    expect(detectCharset(meta, null)).toBe('windows-1252');
    expect(detectCharset(httpEquiv, 'application/xhtml+xml')).toBe('shift_jis');
    expect(detectCharset(ascii('{"html":"<meta charset=\\"windows-1252\\">"}'), 'application/json')).toBe('utf-8');
    expect(detectCharset(meta, 'application/rss+xml')).toBe('utf-8');
  });

  it('ignores a meta charset beyond the first 1024 bytes', () => {
    const late = ascii(`<html><head><script>${' '.repeat(1100)}</script><meta charset="windows-1252">`);
    expect(detectCharset(late, 'text/html')).toBe('utf-8');
  });

  it('reads a UTF-16 declaration in ASCII-readable markup as UTF-8', () => {
    expect(detectCharset(ascii('<meta charset="utf-16">'), 'text/html')).toBe('utf-8');
    expect(detectCharset(ascii('<?xml version="1.0" encoding="UTF-16"?><a/>'), null)).toBe('utf-8');
  });

  it('skips an unknown header label and uses the next evidence', () => {
    const body = iconv.encode('<meta charset="windows-1252">“x”', 'windows-1252');
    expect(detectCharset(body, 'text/html; charset=bogus')).toBe('windows-1252');
    expect(decodeBody(body, 'text/html; charset=bogus')).toBe('<meta charset="windows-1252">“x”');
  });
});

describe('normalizeCharset', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['"latin1"', 'windows-1252'],
    ['US-ASCII', 'windows-1252'],
    ['Shift_JIS', 'shift_jis'],
    ['koi8-r', 'koi8-r'],
    ['no-such-charset', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected);
  });
});
