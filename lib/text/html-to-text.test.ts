import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities';
import { collapseWhitespace, htmlToText, lineText } from './html-to-text';

describe('htmlToText', () => {
  it.each([
    ['entities', '<p>Tom &amp; Jerry &lt;3 &quot;cheese&quot; &#39;n&#x2019;s &rsquo;&mdash;&hellip;</p>', 'Tom & Jerry <3 "cheese" \'n’s ’—…'],
    ['Windows-1252 numeric references', 'don&#146;t &#150; stop', 'don’t – stop'],
    ['unknown entity left as written', 'a &bogus; b', 'a &bogus; b'],
    ['no-break spaces collapse', 'a&nbsp;&nbsp; b', 'a b'],
    ['block tags end lines', '<ul><li>Go</li><li>Rust</li></ul><p>Done</p>', 'Go\nRust\nDone'],
    ['inline tags vanish without gluing words', 'Use <strong>Go</strong> and <a href="x">Rust</a>.', 'Use Go and Rust.'],
    ['br is a line break', 'one<br>two<br/>three', 'one\ntwo\nthree'],
    ['table cells are separated', '<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
    ['scripts, styles and comments dropped', '<style>p{color:red}</style>x<script>alert("<p>")</script>y<!-- hidden -->z', 'x y z'],
    ['a quoted ">" stays inside its tag', '<a title="a > b" href="/">link</a>', 'link'],
    ['a bare "<" in text is kept', 'if a < b then', 'if a < b then'],
    ['blank lines and spaces collapse', '<p>  a \t b  </p>\n\n<p>\n c </p>', 'a b\nc'],
    ['decoded markup stays text', '&lt;script&gt;x&lt;/script&gt;', '<script>x</script>'],
    ['mojibake repaired', 'Weâ€™re hiring â€“ Â£50k', 'We’re hiring – £50k'],
    ['empty', '', ''],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('htmlToText keeps line structure', () => {
    expect(htmlToText('Acme | Backend<p>We&#x27;re hiring.<br>Apply <a href="https:&#x2F;&#x2F;x.example">here</a>\n-- Go')).toBe(
      "Acme | Backend\nWe're hiring.\nApply here\n-- Go",
    );
  });

  it('drops zero-width, direction and control characters', () => {
    expect(htmlToText('a\u200e\u200fb\u0007c\u0085d&shy;e')).toBe('abcde');
  });

  it('handles a 20 KB description', () => {
    const html = '<p>Senior Go engineer &amp; mentor.</p>'.repeat(500);
    const text = htmlToText(html);
    expect(text.length).toBe(500 * 'Senior Go engineer & mentor.\n'.length - 1);
    expect(text.split('\n')).toHaveLength(500);
    expect(text.startsWith('Senior Go engineer & mentor.')).toBe(true);
  });
});

describe('text helpers', () => {
  it('decodeEntities decodes named, decimal and hex entities, and leaves unknown ones', () => {
    expect(decodeEntities('Tom &amp; Jerry &#x27;s &#39;x&#39; &lt;b&gt; &eacute;t&eacute; &hellip; &nbsp;| &bogus; &#146;')).toBe(
      "Tom & Jerry 's 'x' <b> été … \u00a0| &bogus; ’",
    );
  });

  it('decodeEntities reads legacy names without ";" as a browser does, and only those', () => {
    expect(decodeEntities('AT&T &amp co &eacute;t&eacute &copy 2024 &notanentity &bogus')).toBe('AT&T & co été © 2024 ¬anentity &bogus');
  });

  it('decodeEntities leaves text without "&" untouched', () => {
    const s = 'plain text';
    expect(decodeEntities(s)).toBe(s);
  });

  it('collapseWhitespace keeps one line break between lines', () => {
    expect(collapseWhitespace(' a\u200b b \u00a0\n \n\tc\u2028d ')).toBe('a b\nc\nd');
  });
});

describe('lineText', () => {
  it('is one line: tags removed, entities decoded, mojibake repaired, whitespace collapsed', () => {
    expect(lineText('  <b>Senior</b>\n Go &amp;  Rust\u00a0Engineer ')).toBe('Senior Go & Rust Engineer');
    expect(lineText('<p>Backend</p><p>Berlin</p>')).toBe('Backend Berlin');
    expect(lineText('Z\u00c3\u00b3calo')).toBe('Zócalo');
    expect(lineText('We <3 Go')).toBe('We <3 Go');
  });
});
