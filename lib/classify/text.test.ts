import { describe, expect, it } from 'vitest';
import { collapseWhitespace, decodeEntities, htmlToText, repairMojibake } from './text';

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

  it('handles a 20 KB description', () => {
    const html = '<p>Senior Go engineer &amp; mentor.</p>'.repeat(500);
    const text = htmlToText(html);
    expect(text.length).toBe(500 * 'Senior Go engineer & mentor.\n'.length - 1);
    expect(text.split('\n')).toHaveLength(500);
    expect(text.startsWith('Senior Go engineer & mentor.')).toBe(true);
  });
});

describe('text helpers', () => {
  it('decodeEntities leaves text without "&" untouched', () => {
    const s = 'plain text';
    expect(decodeEntities(s)).toBe(s);
  });

  it('repairMojibake repairs UTF-8 read as Latin-1 or Windows-1252, and nothing else', () => {
    expect(repairMojibake('cafÃ© â€” done')).toBe('café — done');
    expect(repairMojibake('It\u00e2\u0080\u0099s')).toBe('It’s'); // Latin-1 form (Remote OK)
    expect(repairMojibake('Ã alone')).toBe('Ã alone');
    expect(repairMojibake('naïve résumé – “quoted” é… Ü”')).toBe('naïve résumé – “quoted” é… Ü”');
  });

  it('collapseWhitespace keeps one line break between lines', () => {
    expect(collapseWhitespace(' a\u200b b \u00a0\n \n\tc\u2028d ')).toBe('a b\nc\nd');
  });
});
