/**
 * Renders the committed still image fixtures (`npm run fixtures:image`):
 * the mannequin figure in a plain room, plus the projected truth of its
 * joints, into fixtures/images/. Heavy work stays here, out of CI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.ts';
import { PROJECT_ROOT, startDevServer } from '../support/vite-server.ts';
import type { StillSpec, StillTruth } from './scene-page/still-spec.ts';

/**
 * Standing, turned 20° to its left from facing the camera, left arm raised
 * overhead so that a left/right swap cannot pass unnoticed.
 */
export const STANDING_ARM_UP: StillSpec = {
  width: 360,
  height: 480,
  figure: 'male',
  figureHeight: 1.8,
  camera: { position: [0, 0.25, 4.4], target: [0, 0.2, 0], fov: 35 },
  posture: { turn: -70, 'l_arm.straddle': 150, 'l_elbow.bend': 20, 'r_arm.straddle': 12 },
};

const STILLS: Record<string, StillSpec> = { 'standing-arm-up': STANDING_ARM_UP };

async function main() {
  const server = await startDevServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tests/tools/scene-page/index.html`);
    await page.waitForFunction(() => window.sceneReady === true, undefined, { timeout: 60_000 });
    const outDir = join(PROJECT_ROOT, 'fixtures/images');
    mkdirSync(outDir, { recursive: true });
    for (const [name, spec] of Object.entries(STILLS)) {
      const truth: StillTruth = await page.evaluate((s) => window.renderStill(s), spec);
      const png = Buffer.from(truth.png.replace(/^data:image\/png;base64,/, ''), 'base64');
      writeFileSync(join(outDir, `${name}.png`), png);
      const joints = Object.fromEntries(
        Object.entries(truth.joints).map(([k, j]) => [
          k,
          { x: +j.x.toFixed(4), y: +j.y.toFixed(4) },
        ]),
      );
      writeFileSync(
        join(outDir, `${name}.truth.json`),
        `${JSON.stringify({ spec, joints }, null, 2)}\n`,
      );
      console.log(`fixtures/images/${name}.png: ${png.length} bytes`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('render-still.ts')) await main();
