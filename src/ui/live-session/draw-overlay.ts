/**
 * Draws the skeleton over the live video on a transparent canvas, in the
 * frame's true image coordinates (the mirror, if any, is applied to video
 * and canvas together by CSS, so left stays the person's left).
 */
import { LANDMARK } from '../../core/landmarks.ts';
import type { PoseFrame } from '../../core/pose-frame.ts';
import type { ColouredSegment, SegmentStatus } from './segment-status.ts';

export const SEGMENT_COLOURS: Record<SegmentStatus, string> = {
  good: '#2f9e44',
  off: '#f76707',
  unknown: '#adb5bd',
  idle: '#a5d8ff',
};

/**
 * Sizes the canvas to the frame (its pixels are the frame's, so points
 * land where the model saw them; CSS scales it with the video), then draws.
 * No canvas or no 2D context: nothing to draw on, nothing happens.
 */
export function drawOnCanvas(
  canvas: HTMLCanvasElement | undefined,
  frame: PoseFrame | null,
  segments: ColouredSegment[],
): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  if (frame && (canvas.width !== frame.imageWidth || canvas.height !== frame.imageHeight)) {
    canvas.width = frame.imageWidth;
    canvas.height = frame.imageHeight;
  }
  drawOverlay(ctx, frame, segments);
}

export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  frame: PoseFrame | null,
  segments: ColouredSegment[],
): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  if (!frame) return;
  ctx.lineCap = 'round';
  const line = Math.max(3, width / 110);
  for (const s of segments) {
    const p = frame.landmarks[LANDMARK[s.from]];
    const q = frame.landmarks[LANDMARK[s.to]];
    if (!p || !q) continue;
    ctx.setLineDash(s.status === 'unknown' ? [line * 1.5, line * 1.5] : []);
    // A dark halo keeps the colours readable on any background.
    ctx.strokeStyle = 'rgba(0,0,0,0.45)';
    ctx.lineWidth = line + 3;
    ctx.beginPath();
    ctx.moveTo(p.x * width, p.y * height);
    ctx.lineTo(q.x * width, q.y * height);
    ctx.stroke();
    ctx.strokeStyle = SEGMENT_COLOURS[s.status];
    ctx.lineWidth = line;
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
