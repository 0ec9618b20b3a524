/**
 * The corpus's renderer additions in headless Chromium (issue 14): a
 * passer-by, a side light, skin and clothing and a rolled camera change the
 * picture, the same frame renders to the same pixels every time, and the
 * truth is the stretching figure's alone (the roll turns it, the passer-by
 * and the light leave it be).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfflineBrowser, openRunContext } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { loadCorpusScenes } from '../tools/corpus/corpus-files.ts';
import { openScenePage } from '../tools/scenes/render-clip.ts';
import type { Scene } from '../tools/scenes/scene-format.ts';

let server: RunningServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await openRunContext(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('corpus rendering', () => {
  it('draws the passer-by, light and roll into the picture, and only the roll into the truth', async () => {
    const chosen = loadCorpusScenes().find(
      (c) => c.scene.passerby && c.scene.light?.side && Math.abs(c.scene.camera.roll ?? 0) > 3,
    );
    expect(
      chosen,
      'a committed corpus scene with a passer-by, a side light and a roll',
    ).toBeDefined();
    const scene = chosen!.scene;
    const p = scene.passerby!;
    const index = Math.floor(((p.start + p.end) / 2) * scene.camera.fps);
    const page = await openScenePage(browser.context, server.url);
    const render = (s: Scene) =>
      page.evaluate(([sc, i]) => window.renderClipFrame(sc, i), [s, index] as const);
    // A different id makes the page build the cast afresh, as for a new clip.
    const variant = (id: string, change: (s: Scene) => void) => {
      const s = structuredClone(scene);
      s.id = `${scene.id}-${id}`;
      change(s);
      return s;
    };

    const a = await render(scene);
    const again = await render(variant('again', () => {}));
    expect(again.png).toBe(a.png);
    expect(again.truth).toEqual(a.truth);

    const alone = await render(variant('alone', (s) => delete s.passerby));
    expect(alone.png).not.toBe(a.png);
    expect(alone.truth).toEqual(a.truth);

    const unlit = await render(variant('unlit', (s) => delete s.light));
    expect(unlit.png).not.toBe(a.png);
    expect(unlit.truth).toEqual(a.truth);

    const plain = await render(
      variant('plain', (s) => {
        delete s.figure.skin;
        delete s.figure.clothes;
      }),
    );
    expect(plain.png).not.toBe(a.png);

    // Roll: the picture turns counter-clockwise by `roll` degrees (image y points down,
    // so a counter-clockwise turn lowers the angle).
    const level = await render(variant('level', (s) => delete s.camera.roll));
    const { width: w, height: h } = scene.camera;
    const angle = (t: typeof a.truth) => {
      const [sx, sy] = t.joints.left_shoulder;
      const [hx, hy] = t.joints.left_ankle;
      return (Math.atan2((sy - hy) * h, (sx - hx) * w) * 180) / Math.PI;
    };
    const turned = ((angle(a.truth) - angle(level.truth) + 540) % 360) - 180;
    expect(turned).toBeCloseTo(-scene.camera.roll!, 0);
    await page.close();
  });
});
