import { describe, expect, it } from 'vitest';
import { LANDMARK, LANDMARK_COUNT } from '../../src/core/landmarks.ts';
import type { ImageLandmark, PoseFrame } from '../../src/core/pose-frame.ts';
import { FloorTracker } from '../../src/pose/floor-tracker.ts';
import type { PoseEngine, PoseInput, RgbaImage } from '../../src/pose/pose-engine.ts';

/**
 * Fake engines at the tracker's boundary: each sees the (possibly turned)
 * image and answers from a script keyed by the image's shape, so a test can
 * say "found only when turned". Image 4 wide × 2 high: turned frames are 2 × 4.
 */
const IMAGE: RgbaImage = { data: new Uint8ClampedArray(4 * 2 * 4), width: 4, height: 2 };

function trunk(
  points: { ls: [number, number]; hip: [number, number] },
  visibility = 0.9,
): PoseFrame {
  const landmarks: (ImageLandmark | null)[] = new Array(LANDMARK_COUNT).fill(null);
  const put = (name: keyof typeof LANDMARK, [x, y]: [number, number]) => {
    landmarks[LANDMARK[name]] = { x, y, visibility };
  };
  put('left_shoulder', points.ls);
  put('right_shoulder', points.ls);
  put('left_hip', points.hip);
  put('right_hip', points.hip);
  return { tMs: 0, engine: 'tfjs/fake', imageWidth: 0, imageHeight: 0, landmarks };
}

type Answer = (input: RgbaImage, tMs: number) => PoseFrame | null;

function fakeEngines(answer: Answer) {
  const log: { shape: string; tMs: number }[] = [];
  let closed = 0;
  let created = 0;
  const createEngine = async (): Promise<PoseEngine> => {
    created++;
    return {
      id: 'tfjs',
      model: 'fake',
      runtime: { backend: 'none' },
      async detect(input: PoseInput, tMs: number) {
        const image = input as RgbaImage;
        log.push({ shape: `${image.width}x${image.height}`, tMs });
        const f = answer(image, tMs);
        return f && { ...f, tMs, imageWidth: image.width, imageHeight: image.height };
      },
      close() {
        closed++;
      },
    };
  };
  return { createEngine, log, closed: () => closed, created: () => created };
}

const upright = trunk({ ls: [0.5, 0.2], hip: [0.5, 0.7] });
const uprightOnly: Answer = (img) => (img.width === 4 ? upright : null);
/** In a turned (2×4) frame the body looks upright; in the original it is not found. */
const turnedOnly: Answer = (img) => (img.width === 2 ? upright : null);

describe('FloorTracker', () => {
  it('uses the frame as it is while that finds the person: one inference a frame', async () => {
    const f = fakeEngines(uprightOnly);
    const tracker = new FloorTracker({ createEngine: f.createEngine });
    for (const t of [0, 100, 200]) {
      const r = await tracker.detect(IMAGE, t);
      expect(r).toMatchObject({ usable: true, orientation: 0, tried: [0] });
    }
    expect(f.created()).toBe(1);
    tracker.close();
    await Promise.resolve();
    expect(f.closed()).toBe(1);
  });

  it('finds a lying person in the turned frame, maps the landmarks back, and stays turned', async () => {
    const f = fakeEngines(turnedOnly);
    const tracker = new FloorTracker({ createEngine: f.createEngine });
    const first = await tracker.detect(IMAGE, 0);
    expect(first.usable).toBe(true);
    expect(first.tried).toEqual([0, 1]);
    expect(first.orientation).toBe(1);
    // Clockwise turn, found at (0.5, 0.2) → original (x = y', y = 1 - x') = (0.2, 0.5); hip (0.7, 0.5).
    const ls = first.frame!.landmarks[LANDMARK.left_shoulder]!;
    expect([ls.x, ls.y]).toEqual([0.2, 0.5]);
    expect([first.frame!.imageWidth, first.frame!.imageHeight]).toEqual([4, 2]);
    const next = await tracker.detect(IMAGE, 100);
    expect(next.tried).toEqual([1]);
    tracker.close();
  });

  it('while turned, tries the frame as it is once a second and returns to it when it works', async () => {
    let standing = false;
    const f = fakeEngines((img) =>
      standing ? (img.width === 4 ? upright : null) : turnedOnly(img, 0),
    );
    const tracker = new FloorTracker({ createEngine: f.createEngine });
    const tried: string[] = [];
    for (let t = 0; t <= 1200; t += 100)
      tried.push((await tracker.detect(IMAGE, t)).tried.join(','));
    // Found turned at 0 ms; the next look at the upright frame is 1 s later (it fails: still lying).
    expect(tried).toEqual(['0,1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '0,1', '1', '1']);
    standing = true;
    const back = await tracker.detect(IMAGE, 2100);
    expect(back.tried).toEqual([0]);
    expect(back.orientation).toBe(0);
    expect((await tracker.detect(IMAGE, 2200)).tried).toEqual([0]);
    tracker.close();
  });

  it('after losing a trunk that lay head-right, tries the counter-clockwise turn first', async () => {
    let lying = false;
    // Before: found as it is, lying with the head to the right. After: found only turned.
    const headRight = trunk({ ls: [0.8, 0.5], hip: [0.3, 0.5] });
    const f = fakeEngines((img) =>
      lying ? (img.width === 2 ? upright : null) : img.width === 4 ? headRight : null,
    );
    const tracker = new FloorTracker({ createEngine: f.createEngine });
    expect((await tracker.detect(IMAGE, 0)).orientation).toBe(0);
    lying = true;
    // The same engine once more (it dropped its track and searches afresh), then the turn.
    expect((await tracker.detect(IMAGE, 100)).tried).toEqual([0, 0, -1]);
    tracker.close();
  });

  it('when a track is lost, searches afresh with the same engine before turning', async () => {
    // Every other call finds the person: a track that fails while a fresh search succeeds.
    const f = fakeEngines(() => (f.log.length % 2 === 1 ? upright : null));
    const tracker = new FloorTracker({ createEngine: f.createEngine });
    const results = [];
    for (const t of [0, 100, 200]) results.push(await tracker.detect(IMAGE, t));
    expect(results.map((r) => [r.usable, r.tried])).toEqual([
      [true, [0]],
      [true, [0, 0]],
      [true, [0, 0]],
    ]);
    expect(f.created()).toBe(1);
    tracker.close();
  });

  it('without turning (the baseline) tries only the frame as it is', async () => {
    const f = fakeEngines(turnedOnly);
    const tracker = new FloorTracker({ createEngine: f.createEngine, turnFrames: false });
    expect(await tracker.detect(IMAGE, 0)).toMatchObject({
      frame: null,
      usable: false,
      tried: [0],
    });
    tracker.close();
  });

  it('returns an unusable pose rather than nothing, and marks it so', async () => {
    const faint = trunk({ ls: [0.5, 0.2], hip: [0.5, 0.7] }, 0.2);
    const tracker = new FloorTracker({ createEngine: fakeEngines(() => faint).createEngine });
    const r = await tracker.detect(IMAGE, 0);
    expect(r.usable).toBe(false);
    expect(r.frame).not.toBeNull();
    expect(r.tried).toEqual([0, 1, -1]);
    tracker.close();
  });

  it('in an empty room, retries the turns only now and then', async () => {
    const f = fakeEngines(() => null);
    const tracker = new FloorTracker({
      createEngine: f.createEngine,
      idleAfterMs: 1000,
      idleRetryMs: 500,
    });
    const tries: number[] = [];
    for (let t = 0; t <= 3000; t += 100) tries.push((await tracker.detect(IMAGE, t)).tried.length);
    // Up to 1 s lost: all three each frame. Then one frame in five (every 500 ms) tries all three.
    expect(tries.slice(0, 11)).toEqual(new Array(11).fill(3));
    expect(tries.slice(11).filter((n) => n === 3).length).toBe(4);
    expect(tries.slice(11).filter((n) => n === 1).length).toBe(16);
    tracker.close();
  });

  it('refuses to run after close()', async () => {
    const tracker = new FloorTracker({ createEngine: fakeEngines(uprightOnly).createEngine });
    tracker.close();
    await expect(tracker.detect(IMAGE, 0)).rejects.toThrow('after close()');
  });
});
