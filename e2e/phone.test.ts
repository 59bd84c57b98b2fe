import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { newAccount, type Account } from './support/accounts';
import { expectAccessible, screenshot, textOf, useBrowser, visible } from './support/browser';
import { jobRows, pageHeading } from './support/pages';

// trackend on a phone (issue 13): a shared link lands here, so every page must fit 390 px
// without sideways scrolling, /jobs shows listings before its filters, the header's links sit
// behind a menu, and the app is installable (manifest, icons, favicon) with a share target.

const browser = useBrowser();
const PHONE = { width: 390, height: 844 };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let phone: BrowserContext | undefined;
let phonePageOpen: Page | undefined;
const pageErrors: string[] = [];

/** A fresh phone-sized context (its own cookies): 390 × 844 at 2x, touch, mobile viewport. */
async function phonePage(): Promise<Page> {
  phone = await browser.browser.newContext({
    baseURL: browser.baseUrl,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  phone.setDefaultTimeout(20_000);
  phone.setDefaultNavigationTimeout(45_000);
  const page = await phone.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  phonePageOpen = page;
  return page;
}

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && phonePageOpen && !phonePageOpen.isClosed()) await screenshot(phonePageOpen, `FAILED-phone-${task.name}`).catch(() => {});
  phonePageOpen = undefined;
  await phone?.close();
  phone = undefined;
  pageErrors.length = 0;
});

const menuButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Menu' });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main', includeHidden: true });
const filtersButton = (page: Page) => page.getByRole('button', { name: /^Filters/ });
const filtersForm = (page: Page) => page.getByRole('form', { name: 'Job filters' });
const goCheckbox = (page: Page) => page.getByRole('group', { name: 'Language' }).getByRole('checkbox', { name: /^Go(\s+\d+)?$/ });
/** The header's links, found even while the menu hides them (role queries skip hidden elements). */
const navLink = (page: Page, label: string) => mainNav(page).getByRole('link', { name: label, exact: true, includeHidden: true });

/** Sign up through the form; the header's Sign out button is behind the menu on a phone. */
async function signUpOnPhone(page: Page, account: Account = newAccount('phone')): Promise<Account> {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/signup'), page.getByRole('button', { name: 'Create account' }).click()]);
  await menuButton(page).click();
  await visible(page.getByRole('banner').getByRole('button', { name: 'Sign out' }));
  await menuButton(page).click();
  return account;
}

/**
 * Whether the page scrolls sideways, and if so the outermost elements sticking out past the
 * right edge that no scrolling container of their own clips (what to fix).
 */
async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5 || clipped(el)) continue;
      if (el.parentElement && culprits.length && el.parentElement.getBoundingClientRect().right > width + 0.5) continue;
      culprits.push(`<${el.tagName.toLowerCase()} class="${String(el.getAttribute('class') ?? '').slice(0, 80)}"> right=${Math.round(box.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      if (culprits.length >= 6) break;
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await sidewaysOverflow(page);
  expect(overflow.innerWidth, `${label}: the layout viewport stays the phone's width`).toBe(PHONE.width);
  expect(overflow.scrollWidth <= overflow.innerWidth ? [] : overflow.culprits, `${label} scrolls sideways (scrollWidth ${overflow.scrollWidth})`).toEqual([]);
  expect(overflow.scrollWidth, label).toBeLessThanOrEqual(overflow.innerWidth);
}

describe('/jobs on a phone', () => {
  it('shows listings first, the filters behind a Filters button that keeps the same URL state', async () => {
    const page = await phonePage();
    await page.goto('/jobs');
    await expect.poll(() => jobRows(page).count(), { message: 'sample listings on /jobs' }).toBeGreaterThan(0);
    // The first listing starts within the first screen, with room for its title.
    const first = await jobRows(page).first().boundingBox();
    expect(first, 'first job row').not.toBeNull();
    expect(first!.y + 80, `first job row starts at ${Math.round(first!.y)} px`).toBeLessThanOrEqual(PHONE.height);
    // Closed: the form is out of the way; the button counts the active filter (role=backend by default).
    expect(await filtersButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await textOf(filtersButton(page))).toBe('Filters 1 active');
    expect(await filtersForm(page).isVisible()).toBe(false);
    await expectNoSidewaysScroll(page, '/jobs');
    await screenshot(page, 'phone-jobs');
    await expectAccessible(page, '/jobs (phone)');

    await filtersButton(page).click();
    expect(await filtersButton(page).getAttribute('aria-expanded')).toBe('true');
    await visible(filtersForm(page));
    await goCheckbox(page).check();
    await expectNoSidewaysScroll(page, '/jobs with the filters open');
    await screenshot(page, 'phone-jobs-filters-open');
    await expectAccessible(page, '/jobs filters open (phone)');
    await Promise.all([page.waitForURL(/[?&]language=go(&|$)/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    const phoneQuery = new URL(page.url()).search;

    // The desktop sidebar submits the very same query string.
    const desktop = browser.page;
    await desktop.goto('/jobs');
    await goCheckbox(desktop).check();
    await Promise.all([desktop.waitForURL(/[?&]language=go(&|$)/), desktop.getByRole('button', { name: 'Apply filters' }).click()]);
    expect(phoneQuery).toBe(new URL(desktop.url()).search);
    expect(await desktop.getByRole('button', { name: /^Filters/ }).isVisible(), 'no Filters button on desktop').toBe(false);
    expect(await filtersForm(desktop).isVisible(), 'the sidebar form on desktop').toBe(true);

    // Back on the phone: the filter applied, the form closed again, the count says 2.
    await expect.poll(() => textOf(pageHeading(page))).toBe('Go jobs');
    expect(await textOf(filtersButton(page))).toBe('Filters 2 active');
    expect(await filtersForm(page).isVisible()).toBe(false);
    expect(await jobRows(page).count()).toBeGreaterThan(0);
    expect((await jobRows(page).first().boundingBox())!.y + 80).toBeLessThanOrEqual(PHONE.height);
    await filtersButton(page).click();
    expect(await goCheckbox(page).isChecked(), 'the form keeps the URL state').toBe(true);
    await filtersButton(page).click();
    expect(await filtersForm(page).isVisible(), 'the button closes it again').toBe(false);
    await page.reload();
    expect(await textOf(filtersButton(page))).toBe('Filters 2 active');
    await screenshot(page, 'phone-jobs-go');
    expect(pageErrors).toEqual([]);
  });
});

describe('the header on a phone', () => {
  it('fits, and its Menu button (aria-expanded, Escape) reaches every section', async () => {
    const page = await phonePage();
    await page.goto('/');
    await visible(menuButton(page));
    expect(await mainNav(page).isVisible(), 'links hidden until asked for').toBe(false);
    const header = await page.getByRole('banner').boundingBox();
    expect(header!.height, 'a one-line header').toBeLessThan(80);

    await menuButton(page).click();
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('true');
    await visible(mainNav(page));
    await visible(page.getByRole('banner').getByRole('link', { name: 'Sign in' }));
    await expectNoSidewaysScroll(page, 'the open menu');
    await screenshot(page, 'phone-menu-open');
    await expectAccessible(page, 'the open menu (phone)');
    await page.keyboard.press('Escape');
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await mainNav(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'focus back on the menu button').toBe('Menu');

    await signUpOnPhone(page);
    const links = await mainNav(page)
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => ({ label: a.textContent.trim(), path: new URL((a as HTMLAnchorElement).href).pathname })));
    expect(links.map((l) => l.path)).toEqual(expect.arrayContaining(['/', '/jobs', '/applications', '/log', '/projects', '/boards']));
    for (const { label, path } of [...links, { label: 'Settings', path: '/settings' }]) {
      await menuButton(page).click();
      const link = page.getByRole('banner').getByRole('link', { name: label, exact: true });
      await Promise.all([page.waitForURL((url) => url.pathname === path), link.click()]);
      // Following a link closes the menu, and that section's link is marked current.
      await expect.poll(() => mainNav(page).isVisible(), { message: `menu closed on ${path}` }).toBe(false);
      if (path !== '/settings') expect(await navLink(page, label).getAttribute('aria-current'), label).toBe('page');
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('every page at 390 px', () => {
  it('scrolls only up and down, and passes axe', async () => {
    const page = await phonePage();
    for (const path of ['/signin', '/signup']) {
      await page.goto(path);
      await visible(pageHeading(page));
      await expectNoSidewaysScroll(page, path);
      await screenshot(page, `phone${path.replaceAll('/', '-')}`);
      await expectAccessible(page, `${path} (phone)`);
    }

    await signUpOnPhone(page);
    // An application with the long, unbroken kind of link a share sheet hands over.
    const longUrl = `https://careers.example.com/jobs/backend-engineer-${'x'.repeat(120)}?utm_source=share&utm_medium=app&ref=${'y'.repeat(60)}`;
    const created = await page.request.post('/api/applications', {
      data: { company: 'Acme Backend Engineering International GmbH', title: 'Junior Backend Developer (Go, PostgreSQL, Kubernetes)', url: longUrl, notes: `Shared from my phone: ${longUrl}` },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };

    await page.goto('/jobs');
    const listing = new URL((await jobRows(page).first().getByRole('heading').getByRole('link').getAttribute('href'))!, page.url()).pathname;

    for (const path of ['/', '/jobs', listing, '/applications', '/applications?view=list', `/applications/${id}`, '/log', '/projects', '/boards', '/settings']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await visible(pageHeading(page));
      await expectNoSidewaysScroll(page, path);
      await screenshot(page, `phone${path === '/' ? '-dashboard' : path.replace(/\/[\w-]*\d[\w-]*$/, '-item').replace(/\W+/g, '-')}`);
      await expectAccessible(page, `${path} (phone)`);
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('installing the app', () => {
  it('serves the manifest with the share target, icons that load, a favicon, and pages that link them', async () => {
    const base = browser.baseUrl;
    const response = await fetch(`${base}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as { start_url: string; display: string; share_target: unknown; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(manifest).toMatchObject({ start_url: '/jobs', display: 'standalone' });
    expect(manifest.share_target).toEqual({ action: '/applications/save', method: 'GET', enctype: 'application/x-www-form-urlencoded', params: { url: 'url', title: 'title', text: 'text' } });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

    // Anonymous requests, as a phone's installer makes them: each icon loads as a PNG.
    for (const path of [...manifest.icons.map((i) => i.src), '/apple-icon.png']) {
      const icon = await fetch(new URL(path, base));
      expect(icon.status, path).toBe(200);
      expect(icon.headers.get('content-type'), path).toBe('image/png');
      expect([...new Uint8Array(await icon.arrayBuffer()).subarray(0, 8)], path).toEqual(PNG_SIGNATURE);
    }
    const favicon = await fetch(`${base}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const svg = await fetch(`${base}/icon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);

    // A page links them, sets the theme colour, and the browser reads the manifest under the CSP.
    const page = await phonePage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto('/jobs');
    const head = await page.evaluate(() => ({
      manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
      themeColor: document.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
      icons: [...document.querySelectorAll('link[rel="icon"], link[rel="apple-touch-icon"]')].map((l) => `${l.getAttribute('rel')} ${new URL((l as HTMLLinkElement).href).pathname}`),
    }));
    expect(head.manifest).toBe('/manifest.webmanifest');
    expect(head.themeColor).toBe('#047857');
    expect(head.icons).toEqual(expect.arrayContaining(['icon /favicon.ico', 'icon /icon.svg', 'apple-touch-icon /apple-icon.png']));
    const cdp = await page.context().newCDPSession(page);
    const read = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data: string };
    expect(read.url).toBe(`${base}/manifest.webmanifest`);
    expect(read.errors).toEqual([]);
    expect(JSON.parse(read.data)).toMatchObject({ share_target: { action: '/applications/save' } });
    // Chromium's own installability check; a test browser's context is incognito and the app has
    // no service worker (no offline mode), which are the only reasons it may give.
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => !['in-incognito', 'no-matching-service-worker', 'warn-not-offline-capable'].includes(id))).toEqual([]);
    // Every icon the page and the manifest name answered, too (nothing broken in the tab).
    const brokenImages = await page.evaluate(async () => {
      const failed: string[] = [];
      for (const href of ['/favicon.ico', '/icon.svg']) {
        const image = new Image();
        image.src = href;
        await image.decode().catch(() => failed.push(href));
      }
      return failed;
    });
    expect(brokenImages).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
