/**
 * How much the whole body is moving: the median, over the seen body points
 * (head, shoulders, elbows, wrists, hips, knees, ankles), of each point's
 * least-squares speed over a short window, in torso lengths per second. A
 * stopwatch starts a hold once the person has stopped moving into it; one
 * restless point (a wrist the model loses) does not move the median, the
 * arms still reaching forward into child's pose or the turn into a twist
 * do. Pure: time comes with each frame. Lifetime: one stream.
 */
import type { LandmarkName } from './landmarks.ts';
import { getLandmark, type PoseFrame } from './pose-frame.ts';
import { SEEN_VISIBILITY } from './usable-pose.ts';

const POINTS: readonly LandmarkName[] = [
  'nose',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
];

/** A point's speed needs this many samples over at least half the window. */
const MIN_SAMPLES = 3;
/** At least this many points with a speed, or the motion is unknown. */
const MIN_POINTS = 4;

interface Sample {
  tMs: number;
  x: number;
  y: number;
}

export class BodyMotion {
  private readonly tracks = new Map<LandmarkName, Sample[]>();

  constructor(private readonly windowMs = 1000) {}

  /**
   * Feeds one smoothed frame (null: nobody seen, which clears the window)
   * with its torso length in pixels; returns torso lengths per second, or
   * undefined until enough points have been seen for long enough.
   */
  update(frame: PoseFrame | null, torsoPx: number | undefined, tMs: number): number | undefined {
    if (!frame || !torsoPx || !(torsoPx > 0)) {
      this.tracks.clear();
      return undefined;
    }
    const speeds: number[] = [];
    for (const name of POINTS) {
      const p = getLandmark(frame, name);
      if (!p || !(p.visibility >= SEEN_VISIBILITY)) {
        this.tracks.delete(name);
        continue;
      }
      const track = (this.tracks.get(name) ?? []).filter((s) => s.tMs > tMs - this.windowMs);
      // Pixels over the torso: the unit does not change with the camera's distance.
      track.push({
        tMs,
        x: (p.x * frame.imageWidth) / torsoPx,
        y: (p.y * frame.imageHeight) / torsoPx,
      });
      this.tracks.set(name, track);
      const speed = trackSpeed(track, this.windowMs / 2);
      if (speed !== undefined) speeds.push(speed);
    }
    if (speeds.length < MIN_POINTS) return undefined;
    speeds.sort((a, b) => a - b);
    return speeds[Math.floor((speeds.length - 1) / 2)];
  }
}

/** Least-squares speed of a 2D track, units per second; undefined when too short. */
function trackSpeed(track: readonly Sample[], minSpanMs: number): number | undefined {
  if (track.length < MIN_SAMPLES) return undefined;
  if (track.at(-1)!.tMs - track[0]!.tMs < minSpanMs) return undefined;
  const n = track.length;
  const mt = track.reduce((s, p) => s + p.tMs, 0) / n;
  const mx = track.reduce((s, p) => s + p.x, 0) / n;
  const my = track.reduce((s, p) => s + p.y, 0) / n;
  let den = 0;
  let nx = 0;
  let ny = 0;
  for (const p of track) {
    const dt = p.tMs - mt;
    den += dt * dt;
    nx += dt * (p.x - mx);
    ny += dt * (p.y - my);
  }
  return den > 0 ? (Math.hypot(nx, ny) / den) * 1000 : undefined;
}
