import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ICONS, BACKGROUND_COLOR, THEME_COLOR } from './brand';
import manifest from './manifest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (it always comes first, right after the signature). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the web app manifest', () => {
  const m = manifest();

  it('names the app, starts on /jobs in its own window, in the site colours', () => {
    expect(m).toMatchObject({ name: 'trackend', short_name: 'trackend', start_url: '/jobs', scope: '/', display: 'standalone' });
    expect(m.description).toMatch(/backend jobs/i);
    expect(m.theme_color).toBe(THEME_COLOR);
    expect(m.background_color).toBe(BACKGROUND_COLOR);
    // The theme colour is the header mark's brand-700 in app/globals.css, not a second palette.
    const css = readFileSync(join(ROOT, 'app/globals.css'), 'utf8');
    expect(css).toContain(`--color-brand-700: ${THEME_COLOR};`);
    // The JSON survives a round trip unchanged (no functions, no undefined hiding fields).
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('is a share target that opens the prefilled save page with the shared url, title and text', () => {
    expect(m.share_target).toEqual({ action: '/applications/save', method: 'GET', enctype: 'application/x-www-form-urlencoded', params: { url: 'url', title: 'title', text: 'text' } });
  });

  it('lists a 192 and a 512 icon and a maskable 512, each a real PNG of its declared size', () => {
    expect(m.icons).toEqual(APP_ICONS.map((icon) => ({ ...icon })));
    expect(m.icons?.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of m.icons ?? []) {
      expect(icon.src).toMatch(/^\/icons\/[\w-]+\.png$/);
      expect(icon.type).toBe('image/png');
      const [width, height] = icon.sizes!.split('x').map(Number);
      expect(pngSize(readFileSync(join(ROOT, 'public', icon.src))), icon.src).toEqual({ width, height });
    }
  });
});

describe('the favicon and the apple-touch icon', () => {
  it('favicon.ico is an ICO directory of PNGs (16, 32, 48) whose entries point at whole images', () => {
    const ico = readFileSync(join(ROOT, 'app/favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 32, 48]);
  });

  it('apple-icon.png is 180 × 180 and icon.svg is the same mark in the theme colour', () => {
    expect(pngSize(readFileSync(join(ROOT, 'app/apple-icon.png')))).toEqual({ width: 180, height: 180 });
    const svg = readFileSync(join(ROOT, 'app/icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 512 512">/);
    expect(svg).toContain(`fill="${THEME_COLOR}"`);
    expect(svg).not.toMatch(/<script|on\w+=|href=/i);
  });
});
