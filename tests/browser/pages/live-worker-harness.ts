/**
 * Drives the pose worker directly (no camera, no UI) for
 * tests/browser/live-pose-worker.test.ts: a burst of frames while the
 * worker is busy, frames one after another, and use after close.
 */
import stillUrl from '../../../fixtures/images/standing-arm-up.png';
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { type PoseResult, PoseWorkerClient } from '../../../src/pose/worker/pose-worker-client.ts';

export interface WorkerCheck {
  engine: string;
  burst: {
    offered: number;
    sent: number;
    dropped: number;
    releasedOnPage: number;
    poseTMs: number;
    found: boolean;
  };
  sequential: {
    sent: number;
    found: number;
    tMsMatch: boolean;
    inferenceMs: number[];
    longTasks: number;
  };
  afterClose: { accepted: boolean; released: boolean };
  /** Nobody in the frame: every orientation tried (three engines made), no error. */
  empty: { found: boolean; tried: number; error?: string };
  /** The person lying across the frame (the picture turned a quarter): found in a turned frame. */
  lying: { found: boolean; orientation: number; headRightOfHips?: boolean; error?: string };
}

declare global {
  interface Window {
    checkWorker: (spec: EngineSpec) => Promise<WorkerCheck>;
    harnessReady: boolean;
  }
}

async function image(): Promise<Blob> {
  const res = await fetch(stillUrl);
  return res.blob();
}

function nextPose(client: PoseWorkerClient): Promise<PoseResult> {
  return new Promise((resolve, reject) => {
    client.onPose = resolve;
    client.onFrameError = (m) => reject(new Error(m));
  });
}

window.checkWorker = async (spec) => {
  const blob = await image();
  const client = await PoseWorkerClient.start(spec);
  try {
    // Burst: ten frames at once; only the first may go, the rest are closed at once.
    const bitmaps = await Promise.all(Array.from({ length: 10 }, () => createImageBitmap(blob)));
    const first = nextPose(client);
    const accepted = bitmaps.map((b, i) => client.offer(b, 1000 + i));
    // A transferred or closed ImageBitmap reads 0×0: the page holds none of them any more.
    const releasedOnPage = bitmaps.filter((b) => b.width === 0 && b.height === 0).length;
    const pose = await first;
    const burst = {
      offered: bitmaps.length,
      sent: accepted.filter(Boolean).length,
      dropped: client.dropped,
      releasedOnPage,
      poseTMs: pose.tMs,
      found: pose.frame !== null,
    };

    // One after another: every frame goes, each answer carries its own timestamp.
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => {
      longTasks += list.getEntries().length;
    });
    observer.observe({ type: 'longtask' });
    const inferenceMs: number[] = [];
    let found = 0;
    let tMsMatch = true;
    let sent = 0;
    for (let i = 0; i < 8; i++) {
      const bitmap = await createImageBitmap(blob);
      const answer = nextPose(client);
      const tMs = 2000 + i * 100;
      if (client.offer(bitmap, tMs)) sent++;
      const p = await answer;
      tMsMatch &&= p.tMs === tMs;
      if (p.frame) found++;
      inferenceMs.push(p.inferenceMs);
    }
    observer.disconnect();

    const empty = await (async () => {
      const canvas = new OffscreenCanvas(360, 480);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#d8d2c8';
      ctx.fillRect(0, 0, 360, 480);
      const answer = nextPose(client);
      client.offer(canvas.transferToImageBitmap(), 5000);
      try {
        const p = await answer;
        return { found: p.frame !== null, tried: p.tried };
      } catch (e) {
        return { found: false, tried: 0, error: (e as Error).message };
      }
    })();

    const lying = await (async () => {
      const picture = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(picture.height, picture.width);
      const ctx = canvas.getContext('2d')!;
      ctx.translate(picture.height, 0);
      ctx.rotate(Math.PI / 2);
      ctx.drawImage(picture, 0, 0);
      picture.close();
      const answer = nextPose(client);
      client.offer(canvas.transferToImageBitmap(), 7000);
      try {
        const p = await answer;
        const nose = p.frame?.landmarks[0];
        const hip = p.frame?.landmarks[23];
        return {
          found: p.frame !== null && p.usable,
          orientation: p.orientation,
          headRightOfHips: nose && hip ? nose.x > hip.x : undefined,
        };
      } catch (e) {
        return { found: false, orientation: 0, error: (e as Error).message };
      }
    })();

    client.close();
    const late = await createImageBitmap(blob);
    const lateAccepted = client.offer(late, 9000);
    return {
      engine: client.info.engine,
      burst,
      sequential: { sent, found, tMsMatch, inferenceMs, longTasks },
      afterClose: { accepted: lateAccepted, released: late.width === 0 },
      empty,
      lying,
    };
  } finally {
    client.close();
  }
};
window.harnessReady = true;
