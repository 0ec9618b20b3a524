/**
 * `npx tsx tests/tools/render-guide-pictures.ts`: renders
 * the pictures of the first-run guide into src/assets/guides/: for each
 * stretch, what the laptop's camera should see (`<id>-camera.webp`) and a
 * floor plan from above with the laptop, its field of view and the distance
 * (`<id>-plan.webp`). Drawn by the project's own scene renderer (tests/tools/
 * guide-page/) from a committed good-form clip, with the camera placed as
 * each stretch's instructions say. Deterministic; each file well under 100 KB.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseId } from '../../src/exercises/exercise-ids.ts';
import { launchChromium } from '../support/chromium.ts';
import { PROJECT_ROOT, startDevServer } from '../support/vite-server.ts';
import type { GuideRender } from './guide-page/guide-page.ts';
import { loadScenes } from './scenes/load-scenes.ts';
import type { SceneCamera } from './scenes/scene-format.ts';

export const GUIDES_DIR = join(PROJECT_ROOT, 'src/assets/guides');
/** PNG copies to look at (git-ignored). */
const PREVIEW_DIR = join(PROJECT_ROOT, 'test-results/guide-pictures');
/** The pictures must stay small: they ship in the app. */
export const GUIDE_MAX_BYTES = 100_000;

interface GuideShot {
  /** A committed good-form clip, and the second in it to show (in the hold). */
  scene: string;
  atS: number;
  /** Where the laptop stands (metres; floor at y = −0.71), as the stretch's card says. */
  camera: Pick<SceneCamera, 'position' | 'target' | 'fov'>;
}

export const GUIDE_SHOTS: Record<ExerciseId, GuideShot> = {
  // "At your side, low, near the floor, about 2–3 m away."
  'foam-roller': {
    scene: 'roller-good-side-male',
    atS: 4.5,
    camera: { position: [2.4, -0.42, 0.25], target: [0, -0.52, 0.25], fov: 40 },
  },
  // "In front of you or at 45°, at chest height, about 2 m away."
  'seated-twist': {
    scene: 'twist-good-right-45-female',
    atS: 6,
    camera: { position: [1.45, -0.2, 1.55], target: [0, -0.33, 0.1], fov: 42 },
  },
  // "At your side, low, about 2–3 m away."
  'childs-pose': {
    scene: 'child-good-side-male',
    atS: 8,
    camera: { position: [2.3, -0.42, 0.2], target: [0, -0.5, 0.2], fov: 40 },
  },
};

async function main() {
  const server = await startDevServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tests/tools/guide-page/index.html`);
    await page.waitForFunction(() => window.guideReady === true, undefined, { timeout: 60_000 });
    mkdirSync(GUIDES_DIR, { recursive: true });
    mkdirSync(PREVIEW_DIR, { recursive: true });
    for (const [id, shot] of Object.entries(GUIDE_SHOTS)) {
      const [loaded] = loadScenes(undefined, [shot.scene]);
      if (!loaded) throw new Error(`No scene ${shot.scene}`);
      const scene = { ...loaded.scene, camera: { ...loaded.scene.camera, ...shot.camera } };
      const index = Math.round(shot.atS * scene.camera.fps);
      const out: GuideRender = await page.evaluate(
        ([s, i]) => window.renderGuide(s, i, { camera: [480, 270], plan: [360, 360] }),
        [scene, index] as const,
      );
      for (const [kind, url] of [
        ['camera', out.camera],
        ['plan', out.plan],
      ] as const) {
        const bytes = Buffer.from(url.replace(/^data:image\/webp;base64,/, ''), 'base64');
        if (bytes.length > GUIDE_MAX_BYTES)
          throw new Error(`${id}-${kind}.webp is ${bytes.length} bytes, over ${GUIDE_MAX_BYTES}`);
        writeFileSync(join(GUIDES_DIR, `${id}-${kind}.webp`), bytes);
        console.log(`src/assets/guides/${id}-${kind}.webp: ${bytes.length} bytes`);
      }
      for (const [kind, url] of [
        ['camera', out.cameraPng],
        ['plan', out.planPng],
      ] as const) {
        const png = Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64');
        writeFileSync(join(PREVIEW_DIR, `${id}-${kind}.png`), png);
      }
      console.log(
        `  ${id}: laptop ${out.distanceM.toFixed(2)} m from the body, lens ${out.heightM.toFixed(2)} m up`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('render-guide-pictures.ts')) await main();
