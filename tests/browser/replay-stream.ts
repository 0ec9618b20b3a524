/**
 * Plays a committed landmark stream (real model output recorded from a
 * rendered clip, fixtures/landmarks/) into the live coach in Chromium, in
 * place of the camera and the model, so a test sets the analysis rate: the
 * coach's own pose path (worker client → LiveSession → pipeline → banner,
 * ring, skeleton, summary) takes each pose as if the worker had sent it.
 * The camera keeps running underneath (the coach needs one to go live), but
 * its frames are no longer taken.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Side } from '../../src/core/body-points.ts';
import type { PoseFrame } from '../../src/core/pose-frame.ts';
import type { ExerciseId } from '../../src/exercises/exercise-ids.ts';
import { SCENES_DIR, STREAMS_DIR, TRUTH_DIR } from '../tools/scenes/load-scenes.ts';
import { decodeFrame, parseStream } from '../tools/streams/landmark-stream.ts';

export interface RecordedClip {
  clip: string;
  exercise: ExerciseId;
  side?: Side;
  /** Clip time (ms from the start) and the recorded pose (null: nobody found). */
  frames: { t: number; frame: PoseFrame | null }[];
  /** The scripted truth per frame: faults present, phase. */
  truth: { t: number; faults: string[]; phase: string }[];
}

export function loadRecordedClip(clip: string, engine = 'mediapipe-lite'): RecordedClip {
  const scene = JSON.parse(readFileSync(join(SCENES_DIR, `${clip}.json`), 'utf8')) as {
    exercise: ExerciseId;
    side?: Side;
  };
  const file = join(STREAMS_DIR, clip, `${engine}.json`);
  const stream = parseStream(readFileSync(file, 'utf8'), file);
  const truth = JSON.parse(readFileSync(join(TRUTH_DIR, `${clip}.json`), 'utf8')) as {
    frames: { t: number; faults: string[]; phase: string }[];
  };
  return {
    clip,
    exercise: scene.exercise,
    ...(scene.side ? { side: scene.side } : {}),
    frames: stream.frames.map((f) => ({ t: f.t, frame: f.u ? decodeFrame(stream, f) : null })),
    truth: truth.frames.map((f) => ({ ...f, t: Math.round(f.t * 1000) })),
  };
}

/** What the screen showed right after one fed pose had been rendered. */
export interface ScreenSample {
  /** Clip time of the pose fed, ms. */
  clipMs: number;
  /** The pose's timestamp as the coach saw it, ms. */
  tMs: number;
  /** How late the page delivered it against the schedule, ms (a busy machine). */
  lateMs: number;
  bannerText: string;
  bannerCode: string;
  bannerState: string;
  ringHeldMs: number;
  ringCounting: boolean;
  rateWarning: string;
  /** Overlay pixels in the skeleton's "off" (orange) and "good" (green) colours. */
  orangePx: number;
  greenPx: number;
}

export interface FeedOptions {
  /**
   * Frames a second, paced by the test: frame k is stamped k / perS
   * seconds after the start (odd frames 15 ms late, as a real loop never
   * keeps exact time), shows the recorded frame of that moment, and is
   * delivered at that moment in real time. The stamps, not the delivery,
   * set what the coach analyses, so a stall on a busy machine does not
   * change the result. Undefined: every recorded frame, as fast as the
   * page renders, stamped with the clip's own times.
   */
  perS?: number;
  /** Read the skeleton's colours off the overlay after each pose (slower). */
  readSkeleton?: boolean;
}

/**
 * Feeds the clip into the live coach (which must be live) and returns what
 * the screen showed after each pose. Runs in the page.
 */
export function feedClip(
  page: Page,
  clip: RecordedClip,
  opts: FeedOptions = {},
): Promise<ScreenSample[]> {
  return page.evaluate(
    async ({ frames, perS, readSkeleton }) => {
      const coach = document.querySelector('sw-live-coach')!;
      const root = coach.shadowRoot!;
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
      // Take over only once the model has answered a camera frame and has none out: the
      // worker's stall watch would time a frame still out against the 1 ms model time of
      // the poses fed below, and on a loaded machine a first frame can outlast its limit;
      // either way the coach pauses for a restart mid-clip and the hold comes out short.
      while (coach.loop.stats.inferenceMs === undefined) await sleep(100);
      // The camera's own frames stop going to the model: only the recording is analysed.
      coach.loop.detach();
      coach.loop.paused = true;
      while (!coach.loop.client || coach.loop.client.busy) await sleep(50);
      const client = coach.loop.client;
      const near = (d: Uint8ClampedArray, i: number, c: number[]) =>
        Math.abs(d[i]! - c[0]!) + Math.abs(d[i + 1]! - c[1]!) + Math.abs(d[i + 2]! - c[2]!) < 40;
      const ORANGE = [0xf7, 0x67, 0x07];
      const GREEN = [0x2f, 0x9e, 0x44];
      const out: ScreenSample[] = [];
      const endMs = frames.at(-1)!.t;
      const start = performance.now();
      let next = 0;
      for (let k = 0; ; k++) {
        let clipMs: number;
        if (perS) {
          clipMs = (k * 1000) / perS + (k % 2) * 15;
          if (clipMs > endMs + 50) break;
          await sleep(start + clipMs - performance.now());
          while (next + 1 < frames.length && frames[next + 1]!.t <= clipMs) next++;
        } else {
          if (k >= frames.length) break;
          next = k;
          clipMs = frames[k]!.t;
        }
        const recorded = frames[next]!;
        const tMs = start + clipMs;
        const lateMs = Math.max(0, performance.now() - tMs);
        const frame = recorded.frame && { ...recorded.frame, tMs };
        client.onPose({
          type: 'pose',
          id: k + 1,
          tMs,
          frame,
          usable: frame !== null,
          orientation: 0,
          tried: 1,
          inferenceMs: 1,
          receivedMs: performance.now(),
        });
        await coach.updateComplete;
        const cue = root.querySelector<HTMLElement>('[data-testid="cue"]');
        const ring = root.querySelector<HTMLElement & { counting: boolean }>('sw-hold-ring');
        let orangePx = 0;
        let greenPx = 0;
        if (readSkeleton) {
          const canvas = root.querySelector<HTMLCanvasElement>('[data-testid="overlay"]')!;
          const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3]! < 250) continue;
            if (near(d, i, ORANGE)) orangePx++;
            else if (near(d, i, GREEN)) greenPx++;
          }
        }
        out.push({
          clipMs,
          tMs,
          lateMs,
          bannerText: cue?.textContent?.trim() ?? '',
          bannerCode: cue?.dataset.code ?? '',
          bannerState: cue?.dataset.state ?? '',
          ringHeldMs: Number(ring?.dataset.heldMs ?? 0),
          ringCounting: ring?.counting === true,
          rateWarning:
            root.querySelector('[data-testid="rate-warning"]')?.textContent?.trim() ?? '',
          orangePx,
          greenPx,
        });
      }
      return out;
    },
    { frames: clip.frames, perS: opts.perS, readSkeleton: opts.readSkeleton === true },
  );
}

/** Picks the clip's stretch (and the twist's side), starts the camera and goes live. */
export async function goLiveFor(page: Page, clip: RecordedClip): Promise<void> {
  await page.getByTestId(`choose-${clip.exercise}`).click();
  if (clip.side) await page.getByTestId(`twist-${clip.side}`).click();
  await page.getByTestId('start-camera').click();
  // The camera shows the fake device's test pattern (nobody): start coaching by hand.
  await page.getByTestId('start-now').click({ timeout: 120_000 });
  await page.getByTestId('pause').waitFor({ timeout: 20_000 });
}
