import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { boards, listings } from '../../db/schema';

/**
 * A listing whose description is everything a hostile board could send: scripts, event
 * handlers, javascript:/data: URLs, an SVG with onload, an iframe, a form, inline styles and
 * a tracking pixel. Global setup stores it raw (as if the ingestion sanitizer had missed it),
 * so the test proves /jobs/[id] makes it inert on its own.
 */
export const HOSTILE_TITLE = 'E2E hostile listing: Go backend engineer';

export const HOSTILE_HTML = `
<p id="hostile-intro">Build Go services with PostgreSQL.</p>
<script id="hostile-script">window.__xss = 'script'; alert('script');</script>
<img id="hostile-img" src="x" onerror="window.__xss='img'; alert('img')">
<a id="hostile-js" href="javascript:window.__xss='link';alert('link')">Apply via javascript</a>
<a href="JaVaScRiPt:alert('mixed case')">Mixed case link</a>
<a href="  javascript:alert('spaces')">Link with leading spaces</a>
<a href="jav&#x09;ascript:alert('tab')">Link with an encoded tab</a>
<a href="data:text/html,&lt;script&gt;alert('data')&lt;/script&gt;">Data link</a>
<a id="hostile-safe" href="https://example.com/apply" onclick="window.__xss='click';alert('click')">Apply on example.com</a>
<svg onload="window.__xss='svg';alert('svg')"><script>alert('svg script')</script></svg>
<iframe src="javascript:alert('iframe')"></iframe>
<div id="hostile-hover" onmouseover="window.__xss='hover';alert('hover')">Hover over this line</div>
<form action="javascript:alert('form')"><button formaction="javascript:alert('button')">Send</button></form>
<p style="background:url(javascript:alert('css'))">Styled paragraph</p>
<img src="https://tracker.example/pixel.gif" width="1" height="1" alt="">
<object data="javascript:alert('object')"></object>
<math><mtext><table><mglyph><style><img src=x onerror="alert('mxss')"></style></mglyph></table></mtext></math>
<p>End of the hostile description.</p>`;

/** Store the hostile listing on the first board (ingestion has created them) and return its id. */
export async function insertHostileListing(db: Db): Promise<number> {
  const [board] = await db.select({ id: boards.id }).from(boards).orderBy(asc(boards.id)).limit(1);
  if (!board) throw new Error('no boards: the sample ingestion should have created them');
  const [row] = await db
    .insert(listings)
    .values({
      boardId: board.id,
      externalId: 'e2e-hostile',
      url: 'https://example.com/jobs/e2e-hostile',
      canonicalUrl: 'https://example.com/jobs/e2e-hostile',
      fingerprint: 'e2e-hostile',
      contentHash: 'e2e-hostile',
      title: HOSTILE_TITLE,
      company: 'Hostile Board Inc',
      location: 'Remote',
      remote: 'remote',
      languages: ['go'],
      seniority: 'mid',
      role: 'backend',
      descriptionHtml: HOSTILE_HTML,
      descriptionText: 'Build Go services with PostgreSQL.',
      // Older than the samples, so it does not push them off the first page.
      postedAt: new Date(Date.now() - 20 * 24 * 3600_000),
    })
    .returning({ id: listings.id });
  return row!.id;
}
