import { describe, expect, it } from 'vitest';
import { sanitizeListingHtml } from './sanitize';

describe('sanitizeListingHtml', () => {
  it('keeps the structure a reader needs', () => {
    expect(sanitizeListingHtml('<h2>About</h2><p>We use <strong>Go</strong> and <code>gRPC</code>.</p><ul><li>Remote</li></ul>')).toBe(
      '<h4>About</h4><p>We use <strong>Go</strong> and <code>gRPC</code>.</p><ul><li>Remote</li></ul>',
    );
  });

  it('drops scripts, styles, iframes and their content', () => {
    const out = sanitizeListingHtml(
      '<p>Hi</p><script>alert(1)</script><style>body{display:none}</style><iframe src="https://evil.example"></iframe><noscript>x</noscript>',
    );
    expect(out).toBe('<p>Hi</p>');
  });

  it('drops event handlers and inline styles', () => {
    expect(sanitizeListingHtml('<p onclick="steal()" style="color:red" class="x">Text</p><b onmouseover="x()">b</b>')).toBe(
      '<p>Text</p><b>b</b>',
    );
  });

  it('neutralises javascript: and data: links and opens safe links safely', () => {
    expect(sanitizeListingHtml('<a href="javascript:alert(1)">x</a>')).toBe('<span>x</span>');
    expect(sanitizeListingHtml('<a href="JaVaScRiPt:alert(1)">x</a>')).toBe('<span>x</span>');
    expect(sanitizeListingHtml('<a href="data:text/html,<script>alert(1)</script>">x</a>')).toBe('<span>x</span>');
    expect(sanitizeListingHtml('<a href="https://jobs.example/apply" onclick="x()">Apply</a>')).toBe(
      '<a href="https://jobs.example/apply" target="_blank" rel="nofollow noopener noreferrer ugc">Apply</a>',
    );
  });

  it('drops images (tracking pixels), forms and svg', () => {
    expect(
      sanitizeListingHtml('<p>a<img src="https://t.example/pixel.gif" width="1" height="1"></p><form><input></form><svg onload="x()"><circle/></svg>'),
    ).toBe('<p>a</p>');
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeListingHtml('<p>1 &lt; 2 &amp;&amp; "<b>ok</b>"</p>')).toBe('<p>1 &lt; 2 &amp;&amp; "<b>ok</b>"</p>');
  });

  it('drops tags nested deeper than 40 levels and keeps their text', () => {
    const out = sanitizeListingHtml(`${'<b>'.repeat(50_000)}deep${'</b>'.repeat(50_000)}`);
    expect(out).toBe(`${'<b>'.repeat(40)}deep${'</b>'.repeat(40)}`);
    expect(sanitizeListingHtml('<ul><li><b>a</b></li></ul>')).toBe('<ul><li><b>a</b></li></ul>');
  });
});
