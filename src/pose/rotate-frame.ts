/**
 * Quarter turns of a frame and of the landmarks found in it. A person lying
 * across the frame is found when the frame is turned so the body looks
 * upright to the detector (FACTS.md); the landmarks are then turned back
 * into the original image's coordinates.
 */
import type { ImageLandmark, PoseFrame, WorldLandmark } from '../core/pose-frame.ts';
import { inputSize, isRgbaImage, type PoseInput, type RgbaImage } from './pose-engine.ts';

/** 1 = a quarter turn clockwise, -1 = counter-clockwise. */
export type QuarterTurn = 1 | -1;

export function rotateRgba(image: RgbaImage, turn: QuarterTurn): RgbaImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8ClampedArray(w * h * 4);
  // Output is h wide, w high. Clockwise: (x, y) → (h-1-y, x); counter-clockwise: (x, y) → (y, w-1-x).
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ox = turn === 1 ? h - 1 - y : y;
      const oy = turn === 1 ? x : w - 1 - x;
      const src = (y * w + x) * 4;
      const dst = (oy * h + ox) * 4;
      out[dst] = data[src]!;
      out[dst + 1] = data[src + 1]!;
      out[dst + 2] = data[src + 2]!;
      out[dst + 3] = data[src + 3]!;
    }
  }
  return { data: out, width: h, height: w };
}

/** Maps a point found in the turned frame back to the original (normalised coordinates). */
function unturnPoint(p: ImageLandmark, turn: QuarterTurn): ImageLandmark {
  // Clockwise turn sent (x, y) to (1-y, x); undo: x = y', y = 1-x'. Counter-clockwise: x = 1-y', y = x'.
  return turn === 1 ? { ...p, x: p.y, y: 1 - p.x } : { ...p, x: 1 - p.y, y: p.x };
}

/** World axes follow the image's (x right, y down), so they turn with it. */
function unturnWorld(p: WorldLandmark, turn: QuarterTurn): WorldLandmark {
  return turn === 1 ? { x: p.y, y: -p.x, z: p.z } : { x: -p.y, y: p.x, z: p.z };
}

/** A PoseFrame found in a turned frame, expressed in the original frame. */
export function unturnFrame(frame: PoseFrame, turn: QuarterTurn): PoseFrame {
  const out: PoseFrame = {
    ...frame,
    imageWidth: frame.imageHeight,
    imageHeight: frame.imageWidth,
    landmarks: frame.landmarks.map((p) => (p ? unturnPoint(p, turn) : null)),
  };
  if (frame.world) out.world = frame.world.map((p) => (p ? unturnWorld(p, turn) : null));
  return out;
}

/**
 * One canvas per turn, reused frame after frame (a live camera would
 * otherwise allocate a canvas and its backing store every frame). Resized
 * only when the frame size changes.
 */
const turnCanvases = new Map<QuarterTurn, OffscreenCanvas>();

function turnCanvas(turn: QuarterTurn, width: number, height: number): OffscreenCanvas {
  let canvas = turnCanvases.get(turn);
  if (!canvas) {
    canvas = new OffscreenCanvas(width, height);
    turnCanvases.set(turn, canvas);
  } else if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  return canvas;
}

/**
 * Any engine input turned a quarter: pixels are moved directly for raw RGBA
 * and ImageData, drawn turned on an OffscreenCanvas for bitmaps, canvases and
 * video (browsers and workers). Raw pixels come back as a new image owned by
 * the caller; drawn frames come back on this turn's shared canvas, valid
 * until the next `turnInput` with the same turn (engines read it at once).
 */
export function turnInput(input: PoseInput, turn: QuarterTurn): PoseInput {
  if (isRgbaImage(input) || (typeof ImageData !== 'undefined' && input instanceof ImageData)) {
    return rotateRgba(input as RgbaImage, turn);
  }
  if (typeof OffscreenCanvas === 'undefined') {
    throw new Error('Turning a frame needs raw pixels or OffscreenCanvas');
  }
  const { width, height } = inputSize(input);
  const canvas = turnCanvas(turn, height, width);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D context for turning a frame');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  // Clockwise: the source's top-left corner goes to the top-right.
  ctx.translate(turn === 1 ? height : 0, turn === 1 ? 0 : width);
  ctx.rotate((turn * Math.PI) / 2);
  ctx.drawImage(input as CanvasImageSource, 0, 0);
  return canvas;
}
