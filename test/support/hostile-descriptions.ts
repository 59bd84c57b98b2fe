// Adversarial listing descriptions (HTML as a board would send it), shared by the hostile-input
// tests (lib/ingest/hostile.test.ts) and `npm run bench -- hostile`. Each is built to hit one
// cost: a scan that looks back from every match, a regex that backtracks, a parser that
// recurses or copies per tag, an entity decoder, a size that multiplies any of them.

export interface HostileDescription {
  name: string;
  html: string;
  /** A word the stored text must still contain (the description was kept, not dropped). */
  keeps?: string;
}

const MB = 1_000_000;
const KB = 1_000;

/** `unit` repeated to about `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export const HOSTILE_DESCRIPTIONS: HostileDescription[] = [
  // A word the classifier looks for, a million characters of it, not one newline.
  { name: '1 MB of one word', html: fill('degree ', MB), keeps: 'degree' },
  { name: '1 MB without a newline', html: `<p>${fill('Senior Go engineer, remote (EU), 5+ years, visa sponsorship, degree preferred, $120k - $150k. ', MB)}</p>`, keeps: 'Senior' },
  { name: '1 MB single token', html: fill('a', MB), keeps: 'aaaa' },
  { name: '100,000 entities', html: `<p>Go &amp; ${fill('&amp;&lt;&#8217;&nbsp;&#x2014;', 100_000 * 5)}</p>`, keeps: 'Go' },
  // 250 kB before the text at the bottom: past the stored maximum, so the text to keep comes first.
  { name: '50,000 nested <div>', html: `<p>Go developer</p>${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}`, keeps: 'Go developer' },
  { name: '50,000 nested <b>', html: `${'<b>'.repeat(50_000)}Go developer${'</b>'.repeat(50_000)}`, keeps: 'Go developer' },
  { name: 'one long URL', html: `https://example.com/jobs?${fill('golang=remote&', 190 * KB)}`, keeps: 'https://example.com/jobs' },
  {
    name: 'one long link',
    html: `<a href="https://example.com/${fill('go-remote-', 90 * KB)}">https://example.com/${fill('go-remote-', 90 * KB)}</a>`,
    keeps: 'https://example.com/go-remote',
  },
  { name: '200,000 unclosed tags', html: `Go ${fill('<p', 400 * KB)}` },
  { name: '200,000 bare <', html: `Go developer ${fill('<', 200 * KB)}`, keeps: 'Go developer' },
  { name: 'unclosed comment', html: `<p>Go developer</p><!--${fill('-- x ', 300 * KB)}`, keeps: 'Go developer' },
  { name: '30,000 attributes', html: `<span ${fill('a="1" ', 180 * KB)}>Go developer</span>`, keeps: 'Go developer' },
  { name: 'script flood', html: `<p>Go developer</p>${fill('<script>alert(1)</script><img src=x onerror=alert(1)>', 300 * KB)}`, keeps: 'Go developer' },
  { name: 'mojibake flood', html: `<p>${fill('WeÃ¢â‚¬â„¢re Ã© ', 300 * KB)}</p>` },
  { name: 'salary soup', html: `<p>${fill('$1 - $2 per hour, 3-5 years, €4k/month, ', 300 * KB)}</p>`, keeps: 'years' },
];

/** The issue's own report: five descriptions of about 200 kB, each one word repeated without a newline. */
export const FIVE_200KB_ONE_WORD: HostileDescription[] = ['degree', 'remote', 'senior', 'python', 'visa'].map((word) => ({
  name: `200 kB of "${word}"`,
  html: fill(`${word} `, 200 * KB),
  keeps: word,
}));
