/**
 * Renders the install icons (public/icons/icon-*.png) from
 * public/icons/spinewise.svg in Chromium, so the PNGs always match the SVG.
 * The SVG is full-bleed with the mark inside the middle 60 %, which keeps it
 * whole under any mask a platform applies ("maskable").
 * Run: `npm run icons` (the PNGs are committed; rerun after editing the SVG).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.ts';
import { PROJECT_ROOT } from '../support/vite-server.ts';

export const ICON_SIZES = [192, 512] as const;
const ICONS = join(PROJECT_ROOT, 'public/icons');

async function main(): Promise<void> {
  const svg = readFileSync(join(ICONS, 'spinewise.svg'), 'utf8');
  const context = await launchChromium();
  try {
    for (const size of ICON_SIZES) {
      const page = await context.newPage();
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
      );
      writeFileSync(join(ICONS, `icon-${size}.png`), await page.screenshot({ type: 'png' }));
      await page.close();
    }
  } finally {
    await context.close();
  }
}

await main();
