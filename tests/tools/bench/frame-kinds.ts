/**
 * Camera frames against decoded frames, frame by frame (driven by
 * `npx tsx tests/tools/bench/camera-frames.ts`): is the model slower on a
 * frame grabbed from the camera, and if so, is it the way the frame is
 * taken? Each kind has its own bare worker (its own engine, so each keeps
 * its own tracking state), and for every fresh camera frame every kind runs
 * once, in an order that turns round from frame to frame, so the machine's
 * load hits all of them alike. The bitmap kinds are copies of one grab (the
 * very same pixels); the kinds taken off the <video> itself see the same
 * camera frame unless it moved on meanwhile; `decoded` is the clip's own
 * frames decoded in the page, in clip order, as the bench's decoded loop
 * feeds them.
 */
import { cameraGrabOptions } from '../../../src/pose/camera-grab-options.ts';
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import { BareClient } from './bare-client.ts';
import type { FromBare, Prep } from './bare-worker.ts';

export const FRAME_KINDS = [
  /** createImageBitmap(video) with the default options, as the app took it before camera-grab-options.ts. */
  'bitmap',
  /** The same pixels read back on the page and made into a bitmap from RGBA bytes, as decoded frames are. */
  'rgba-bitmap',
  /** new VideoFrame(video), transferred; the worker makes an ImageBitmap of it. */
  'videoframe',
  /** createImageBitmap(video) with no colour-space conversion and no premultiplied alpha: as the app takes it now. */
  'bitmap-raw',
  /** The app's bitmap, copied again in the worker (createImageBitmap(bitmap)) before the model reads it. */
  'worker-copy',
  /** The app's bitmap, drawn into a 2D canvas in the worker and read back: the model gets ImageData. */
  'readback',
  /** createImageBitmap(video) scaled to half the width: a smaller frame than the app takes. */
  'half',
  /** Not the camera: the clip's decoded frames (RGBA → ImageBitmap), while the camera plays. */
  'decoded',
] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

/** How the worker turns each kind into what the model reads (default: as it came). */
const PREP: Partial<Record<FrameKind, Prep>> = {
  'worker-copy': 'bitmap-copy',
  readback: 'readback',
  videoframe: 'videoframe-bitmap',
};

export interface FrameKindsRun {
  frameSize: string;
  backend: string;
  /** Per kind run, per camera frame: worker prep (readback, VideoFrame → bitmap) and model time, ms; found a person. */
  kinds: Partial<Record<FrameKind, { prepMs: number[]; modelMs: number[]; found: boolean[] }>>;
}

/** One camera frame's pixels, taken for one kind. */
async function take(
  kind: FrameKind,
  video: HTMLVideoElement,
  scratch: CanvasRenderingContext2D,
  decoded: ImageBitmap,
  shared: ImageBitmap,
): Promise<Parameters<BareClient['detect']>[0]> {
  switch (kind) {
    case 'bitmap':
    case 'worker-copy':
    case 'readback':
      return createImageBitmap(shared);
    case 'bitmap-raw':
      return createImageBitmap(video, cameraGrabOptions(video.videoWidth, video.videoHeight));
    case 'rgba-bitmap': {
      scratch.drawImage(shared, 0, 0);
      const img = scratch.getImageData(0, 0, shared.width, shared.height);
      return createImageBitmap(img);
    }
    case 'videoframe':
      return new VideoFrame(video, { timestamp: Math.round(performance.now() * 1000) });
    case 'half':
      return createImageBitmap(video, {
        resizeWidth: Math.round(video.videoWidth / 2),
        resizeHeight: Math.round(video.videoHeight / 2),
        resizeQuality: 'medium',
      });
    case 'decoded':
      return createImageBitmap(decoded);
  }
}

export async function frameKinds(
  spec: EngineSpec,
  video: HTMLVideoElement,
  decodedFrames: ImageBitmap[],
  n: number,
  only: readonly FrameKind[] = FRAME_KINDS,
): Promise<FrameKindsRun> {
  const kinds = FRAME_KINDS.filter((k) => only.includes(k));
  const clients = new Map<FrameKind, BareClient>();
  try {
    for (const kind of kinds) clients.set(kind, await BareClient.start(spec));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const scratch = canvas.getContext('2d', { willReadFrequently: true })!;
    const run: FrameKindsRun = {
      frameSize: `${video.videoWidth}×${video.videoHeight}`,
      backend: clients.get('bitmap')!.ready.backend,
      kinds: Object.fromEntries(
        kinds.map((k) => [k, { prepMs: [], modelMs: [], found: [] }]),
      ) as unknown as FrameKindsRun['kinds'],
    };
    for (let i = 0; i < n; i++) {
      await new Promise((r) => video.requestVideoFrameCallback(r));
      const tMs = performance.now();
      // Grabbed once, with the default options; the bitmap kinds get copies of these very pixels.
      const shared = await createImageBitmap(video);
      const decoded = decodedFrames[i % decodedFrames.length]!;
      try {
        for (let j = 0; j < kinds.length; j++) {
          const kind = kinds[(i + j) % kinds.length]!;
          const frame = await take(kind, video, scratch, decoded, shared);
          const r: Extract<FromBare, { type: 'pose' }> = await clients
            .get(kind)!
            .detect(frame, tMs, PREP[kind] ?? 'as-is');
          const out = run.kinds[kind]!;
          out.prepMs.push(r.prepMs);
          out.modelMs.push(r.modelMs);
          out.found.push(r.found);
        }
      } finally {
        shared.close();
      }
    }
    return run;
  } finally {
    for (const c of clients.values()) c.close();
  }
}
