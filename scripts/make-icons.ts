// Writes trackend's icons from one drawing of the header's "t/" mark: the manifest's PNGs
// (public/icons/), the apple-touch icon (app/apple-icon.png), the SVG favicon (app/icon.svg) and
// /favicon.ico (app/favicon.ico: PNG images inside an ICO directory, which every browser reads).
// Rendered by the Chromium the browser tests use, so no image package is needed:
//   npx tsx scripts/make-icons.ts        (commit the files it writes)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { APP_ICONS, THEME_COLOR } from '../app/brand';
import { chromiumPath } from '../e2e/support/chromium';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The mark on a 512 × 512 canvas: white strokes (no font, so it renders the same everywhere).
 * `rounded` leaves transparent corners like the header's badge; `scale` shrinks the glyph
 * towards the centre (a maskable icon keeps it inside the middle 80 %, which any mask shows).
 */
export function markSvg({ rounded, scale }: { rounded: boolean; scale: number }): string {
  const offset = 256 * (1 - scale);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
    `<rect width="512" height="512" rx="${rounded ? 112 : 0}" fill="${THEME_COLOR}"/>`,
    `<g transform="translate(${offset} ${offset}) scale(${scale})" fill="none" stroke="#fff" stroke-width="56" stroke-linecap="round" stroke-linejoin="round">`,
    // "t": stem with a foot that turns right, and its crossbar; then the slash.
    '<path d="M176 116 V316 Q176 384 240 384"/>',
    '<path d="M112 200 H248"/>',
    '<path d="M416 116 L324 396"/>',
    '</g>',
    '</svg>',
  ].join('');
}

/** An ICO file holding PNG images (allowed since Windows Vista; all browsers read it). */
export function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (svg: string, size: number): Promise<Buffer> => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      return page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    };
    const write = (path: string, data: Buffer | string) => {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), data);
      console.log(`wrote ${path}`);
    };

    const rounded = markSvg({ rounded: true, scale: 1 });
    for (const icon of APP_ICONS) {
      const size = Number(icon.sizes.split('x')[0]);
      const svg = icon.purpose === 'maskable' ? markSvg({ rounded: false, scale: 0.72 }) : rounded;
      write(join('public', icon.src), await render(svg, size));
    }
    // iOS rounds the corners itself and shows transparency as black: a full square.
    write('app/apple-icon.png', await render(markSvg({ rounded: false, scale: 0.84 }), 180));
    write('app/icon.svg', `${rounded}\n`);
    write('app/favicon.ico', icoFromPngs([{ size: 16, png: await render(rounded, 16) }, { size: 32, png: await render(rounded, 32) }, { size: 48, png: await render(rounded, 48) }]));
  } finally {
    await browser.close();
  }
}

await main();
