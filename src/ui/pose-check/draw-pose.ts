import { LANDMARK, SKELETON_SEGMENTS } from '../../core/landmarks.ts';
import type { PoseFrame } from '../../core/pose-frame.ts';

/** Below this visibility a point is "unknown": drawn grey and dashed, never judged. */
export const VISIBLE_THRESHOLD = 0.5;

/** Draws the image and the skeleton over it, in the image's own (unmirrored) coordinates. */
export function drawPose(
  ctx: CanvasRenderingContext2D,
  image: CanvasImageSource,
  frame: PoseFrame | null,
) {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  if (!frame) return;
  ctx.lineWidth = Math.max(2, width / 160);
  ctx.lineCap = 'round';
  for (const [a, b] of SKELETON_SEGMENTS) {
    const p = frame.landmarks[LANDMARK[a]];
    const q = frame.landmarks[LANDMARK[b]];
    if (!p || !q) continue;
    const known = p.visibility >= VISIBLE_THRESHOLD && q.visibility >= VISIBLE_THRESHOLD;
    ctx.setLineDash(known ? [] : [4, 4]);
    ctx.strokeStyle = known ? '#0b7a75' : '#8a8a8a';
    ctx.beginPath();
    ctx.moveTo(p.x * width, p.y * height);
    ctx.lineTo(q.x * width, q.y * height);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const [name, i] of Object.entries(LANDMARK)) {
    const p = frame.landmarks[i];
    if (!p) continue;
    ctx.fillStyle =
      p.visibility < VISIBLE_THRESHOLD
        ? '#8a8a8a'
        : name.startsWith('left')
          ? '#d9480f'
          : '#1c64b5';
    ctx.beginPath();
    ctx.arc(p.x * width, p.y * height, Math.max(2.5, width / 120), 0, Math.PI * 2);
    ctx.fill();
  }
}
