import { describe, expect, it } from 'vitest';
import { findHiringBoardInHtml, hiringBoardFromUrl } from './index';

describe('hiringBoardFromUrl: the careers and API URLs of each system', () => {
  const cases: [string, string, string][] = [
    ['https://boards.greenhouse.io/acme', 'greenhouse', 'acme'],
    ['boards.greenhouse.io/acme', 'greenhouse', 'acme'],
    ['https://boards.greenhouse.io/acme/jobs/4100001', 'greenhouse', 'acme'],
    ['https://job-boards.greenhouse.io/acme', 'greenhouse', 'acme'],
    ['job-boards.greenhouse.io/acme/jobs/4100001?gh_src=abc#apply', 'greenhouse', 'acme'],
    ['https://boards.greenhouse.io/embed/job_board?for=acme', 'greenhouse', 'acme'],
    ['https://boards.greenhouse.io/embed/job_board/js?for=acme', 'greenhouse', 'acme'],
    ['https://boards.greenhouse.io/embed/job_app?for=acme&token=4100001', 'greenhouse', 'acme'],
    ['https://job-boards.greenhouse.io/embed/job_board?for=acme', 'greenhouse', 'acme'],
    ['https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true', 'greenhouse', 'acme'],
    ['https://boards-api.greenhouse.io/v1/boards/acme/jobs/4100001', 'greenhouse', 'acme'],
    ['https://jobs.lever.co/acme', 'lever', 'acme'],
    ['jobs.lever.co/acme', 'lever', 'acme'],
    ['https://jobs.lever.co/acme/7b1e2c3d-0000-4000-8000-000000000001/apply', 'lever', 'acme'],
    ['https://jobs.eu.lever.co/acme', 'lever-eu', 'acme'],
    ['https://jobs.eu.lever.co/acme/7b1e2c3d-0000-4000-8000-000000000001', 'lever-eu', 'acme'],
    ['https://api.lever.co/v0/postings/acme?mode=json', 'lever', 'acme'],
    ['https://api.eu.lever.co/v0/postings/acme?mode=json', 'lever-eu', 'acme'],
    ['https://jobs.ashbyhq.com/acme', 'ashby', 'acme'],
    ['jobs.ashbyhq.com/acme.io/0c5a7d11-1111-4111-8111-000000000001', 'ashby', 'acme.io'],
    ['https://jobs.ashbyhq.com/acme/embed?version=2', 'ashby', 'acme'],
    ['https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true', 'ashby', 'acme'],
    ['https://apply.workable.com/acme', 'workable', 'acme'],
    ['apply.workable.com/acme/', 'workable', 'acme'],
    ['https://apply.workable.com/acme/j/A1B2C3D4E5/', 'workable', 'acme'],
    ['https://apply.workable.com/api/v1/widget/accounts/acme?details=true', 'workable', 'acme'],
    ['https://apply.workable.com/api/v3/accounts/acme/jobs', 'workable', 'acme'],
    ['https://acme.workable.com/', 'workable', 'acme'],
    // Host names are case-insensitive (and may end with the root dot); tokens keep their case.
    ['HTTPS://Jobs.Lever.CO/Acme', 'lever', 'Acme'],
    ['https://jobs.lever.co./acme', 'lever', 'acme'],
    ['http://boards.greenhouse.io/acme', 'greenhouse', 'acme'],
    ['  https://jobs.ashbyhq.com/acme  ', 'ashby', 'acme'],
  ];
  for (const [url, system, token] of cases) {
    it(`${url} -> ${system} ${token}`, () => {
      expect(hiringBoardFromUrl(url)).toEqual({ system, token });
    });
  }

  it('reads the URL the way a browser does: /%2e%2e/ is a dot segment, so this is jobs.lever.co/x', () => {
    expect(hiringBoardFromUrl('https://jobs.lever.co/%2e%2e/x')).toEqual({ system: 'lever', token: 'x' });
  });
});

describe('hiringBoardFromUrl refuses everything else', () => {
  const hostile = [
    // Look-alike hosts: never a suffix or prefix match.
    'https://boards.greenhouse.io.evil.example/acme',
    'https://evil.example/boards.greenhouse.io/acme',
    'https://evilboards.greenhouse.io/acme',
    'https://jobs.lever.co.evil.example/acme',
    'https://notjobs.ashbyhq.com/acme',
    'https://evil.example/?u=https://jobs.lever.co/acme',
    // Other schemes.
    'javascript:alert(1)',
    'javascript://jobs.lever.co/acme',
    'javascript:fetch("https://jobs.lever.co/acme")',
    'data:text/html,https://jobs.lever.co/acme',
    'ftp://jobs.lever.co/acme',
    'file:///etc/passwd',
    // Userinfo tricks and odd ports.
    'https://jobs.lever.co@evil.example/x',
    'https://jobs.lever.co:443@evil.example/x',
    'https://user:pass@jobs.lever.co/acme',
    'https://x@jobs.lever.co/acme',
    'https://jobs.lever.co:8443/acme',
    // Tokens that are not one safe path segment.
    'https://jobs.lever.co/..',
    'https://jobs.lever.co/%2e%2e',
    'https://jobs.lever.co/a%2fb',
    'https://jobs.lever.co/a%2Fb/x',
    'https://jobs.lever.co/%2e%2e%2fadmin',
    'https://jobs.ashbyhq.com/acme%3Fx',
    'https://jobs.ashbyhq.com/.acme',
    'https://jobs.ashbyhq.com/acme.',
    'https://jobs.ashbyhq.com/ac..me',
    'https://boards.greenhouse.io/embed/job_board?for=..%2fadmin',
    'https://boards.greenhouse.io/embed/job_board?for=acme%2F..',
    'https://boards.greenhouse.io/embed/job_board?for=acme%23x',
    'https://boards.greenhouse.io/embed/job_board?for=',
    'https://boards.greenhouse.io/embed/job_board',
    'https://boards.greenhouse.io/acme.io',
    `https://jobs.lever.co/${'a'.repeat(101)}`,
    // The hosts' own pages, not boards.
    'https://boards.greenhouse.io/',
    'https://boards.greenhouse.io/embed',
    'https://jobs.lever.co/',
    'https://apply.workable.com/j/A1B2C3D4E5',
    'https://apply.workable.com/',
    'https://www.workable.com/',
    'https://apply.workable.com/api/v1/widget/accounts/',
    'https://api.lever.co/v0/postings/',
    // Greenhouse's EU data centre has its own API host, which trackend does not read.
    'https://job-boards.eu.greenhouse.io/acme',
    // Host names that are Object.prototype keys.
    'https://constructor/acme',
    'https://__proto__/acme',
    'https://tostring/acme',
    'https://hasownproperty/acme',
    // Not URLs at all.
    '',
    'acme',
    'jobs lever co acme',
    '//',
    `https://jobs.lever.co/acme/${'x'.repeat(3000)}`,
  ];
  for (const url of hostile) {
    it(`null for ${JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url)}`, () => {
      expect(hiringBoardFromUrl(url)).toBeNull();
    });
  }

  it('null for a value that is not a string', () => {
    expect(hiringBoardFromUrl(undefined as unknown as string)).toBeNull();
    expect(hiringBoardFromUrl({ href: 'https://jobs.lever.co/acme' } as unknown as string)).toBeNull();
  });
});

describe('findHiringBoardInHtml', () => {
  const PAGE = 'https://www.acme.example/careers';
  const page = (body: string, head = '') => `<!doctype html><html><head><title>Careers at Acme</title>${head}</head><body><h1>Join us</h1>${body}</body></html>`;

  it('finds the Greenhouse embed script (old and new hosts)', () => {
    expect(findHiringBoardInHtml(page('<div id="grnhse_app"></div><script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>'), PAGE)).toEqual({ system: 'greenhouse', token: 'acme' });
    expect(findHiringBoardInHtml(page('<script src="https://job-boards.greenhouse.io/embed/job_board/js?for=acme&amp;b=https%3A%2F%2Facme.example"></script>'), PAGE)).toEqual({ system: 'greenhouse', token: 'acme' });
  });

  it('resolves a protocol-relative embed against the page', () => {
    expect(findHiringBoardInHtml(page('<script src="//boards.greenhouse.io/embed/job_board/js?for=acme"></script>'), PAGE)).toEqual({ system: 'greenhouse', token: 'acme' });
  });

  it('finds iframes (a Greenhouse board, a lazily loaded Ashby board)', () => {
    expect(findHiringBoardInHtml(page('<iframe src="https://boards.greenhouse.io/embed/job_board?for=acme" width="100%"></iframe>'), PAGE)).toEqual({ system: 'greenhouse', token: 'acme' });
    expect(findHiringBoardInHtml(page('<iframe data-src="https://jobs.ashbyhq.com/acme?embed=js"></iframe>'), PAGE)).toEqual({ system: 'ashby', token: 'acme' });
  });

  it('finds the Ashby embed script', () => {
    expect(findHiringBoardInHtml(page('<div id="ashby_embed"></div><script src="https://jobs.ashbyhq.com/acme/embed?version=2" async></script>'), PAGE)).toEqual({ system: 'ashby', token: 'acme' });
  });

  it('finds the Lever embed configured in a script, and Lever/Workable API URLs inside inline scripts (JSON-escaped too)', () => {
    expect(findHiringBoardInHtml(page(`<div id="lever-jobs-container"></div><script>window.leverJobsOptions = {accountName: 'acme', includeCss: true};</script><script src="https://andreasmb.github.io/lever-jobs-embed/index.js"></script>`), PAGE)).toEqual({ system: 'lever', token: 'acme' });
    expect(findHiringBoardInHtml(page('<script>fetch("https://api.eu.lever.co/v0/postings/acme?mode=json").then(render)</script>'), PAGE)).toEqual({ system: 'lever-eu', token: 'acme' });
    expect(findHiringBoardInHtml(page('<script type="application/json">{"jobsApi":"https:\\/\\/apply.workable.com\\/api\\/v1\\/widget\\/accounts\\/acme"}</script>'), PAGE)).toEqual({ system: 'workable', token: 'acme' });
  });

  it('finds plain links to a board and to its jobs', () => {
    expect(findHiringBoardInHtml(page('<p>See <a href="https://apply.workable.com/acme/">our open roles</a>.</p>'), PAGE)).toEqual({ system: 'workable', token: 'acme' });
    expect(findHiringBoardInHtml(page('<ul><li><a href="https://jobs.lever.co/acme/1">Go dev</a></li><li><a href="https://jobs.lever.co/acme/2">SRE</a></li></ul>'), PAGE)).toEqual({ system: 'lever', token: 'acme' });
  });

  it('prefers the embedded board over links elsewhere on the page, and the most-linked board among links', () => {
    const html = page(
      '<a href="https://jobs.lever.co/partner">Our partner is hiring</a><a href="https://jobs.lever.co/partner/2">too</a><script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>',
    );
    expect(findHiringBoardInHtml(html, PAGE)).toEqual({ system: 'greenhouse', token: 'acme' });
    const links = page('<a href="https://jobs.ashbyhq.com/friend">x</a><a href="https://jobs.lever.co/acme/1">a</a><a href="https://jobs.lever.co/acme/2">b</a>');
    expect(findHiringBoardInHtml(links, PAGE)).toEqual({ system: 'lever', token: 'acme' });
  });

  it('follows a meta refresh to a board', () => {
    expect(findHiringBoardInHtml('<html><head><meta http-equiv="Refresh" content="0; URL=\'https://jobs.ashbyhq.com/acme\'"></head></html>', PAGE)).toEqual({ system: 'ashby', token: 'acme' });
    expect(findHiringBoardInHtml('<html><head><meta http-equiv="refresh" content="5"></head></html>', PAGE)).toBeNull();
  });

  it('is the board itself when the page is on a hiring system (a careers link that redirected there)', () => {
    expect(findHiringBoardInHtml('<html><body>Jobs</body></html>', 'https://jobs.ashbyhq.com/acme')).toEqual({ system: 'ashby', token: 'acme' });
  });

  it('null for a page without any board, and for hostile mentions', () => {
    expect(findHiringBoardInHtml(page('<p>No openings right now.</p><a href="/careers/engineer">Engineer</a>'), PAGE)).toBeNull();
    expect(findHiringBoardInHtml(page('<a href="https://boards.greenhouse.io.evil.example/acme">x</a>'), PAGE)).toBeNull();
    expect(findHiringBoardInHtml(page('<a href="javascript:location=\'https://jobs.lever.co/acme\'">x</a>'), PAGE)).toBeNull();
    expect(findHiringBoardInHtml(page('<a href="https://jobs.lever.co@evil.example/acme">x</a>'), PAGE)).toBeNull();
    expect(findHiringBoardInHtml(page('<script src="https://boards.greenhouse.io/embed/job_board/js?for=..%2f..%2fadmin"></script>'), PAGE)).toBeNull();
    expect(findHiringBoardInHtml(page('<p>Text mentioning jobs.lever.co/acme is not a link.</p>'), PAGE)).toBeNull();
    // Workable's old embed names an account only by its number.
    expect(findHiringBoardInHtml(page('<script src="https://www.workable.com/assets/embed.js"></script><script>whr_embed(123456, {detail: "titles"});</script>'), PAGE)).toBeNull();
  });

  it('copes with broken HTML, a bad page URL and a huge page', () => {
    expect(findHiringBoardInHtml('<div><a href="https://jobs.lever.co/acme">x<<<script</div></p></table>', 'not a url')).toEqual({ system: 'lever', token: 'acme' });
    expect(findHiringBoardInHtml('', PAGE)).toBeNull();
    const huge = page(`${'<a href="/x">x</a>'.repeat(5000)}<p>${'x'.repeat(3_100_000)}</p><a href="https://jobs.lever.co/late">late</a>`);
    // Only the first few megabytes are read, and only so many links: the late link is not reached.
    expect(findHiringBoardInHtml(huge, PAGE)).toBeNull();
  });
});
