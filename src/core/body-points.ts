/**
 * Landmarks as points in image pixels, only when seen (visibility at or
 * above SEEN_VISIBILITY): everything measured from them is body-relative
 * and undefined when a point it needs is not seen.
 */
import { dist2, mid2, type Vec2, type Vec3 } from './geometry.ts';
import type { LandmarkName } from './landmarks.ts';
import { getLandmark, getWorldLandmark, type PoseFrame } from './pose-frame.ts';
import { SEEN_VISIBILITY } from './usable-pose.ts';

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];

export class BodyPoints {
  constructor(readonly frame: PoseFrame) {}

  /** A seen landmark in pixels (x right, y down), else undefined (also for non-finite input). */
  at(name: LandmarkName): Vec2 | undefined {
    const p = getLandmark(this.frame, name);
    if (!p || !(p.visibility >= SEEN_VISIBILITY)) return undefined;
    const x = p.x * this.frame.imageWidth;
    const y = p.y * this.frame.imageHeight;
    return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
  }

  /** A seen landmark's world position (metres), when the model gives world points. */
  world(name: LandmarkName): Vec3 | undefined {
    if (!this.at(name)) return undefined;
    const w = getWorldLandmark(this.frame, name);
    return w && Number.isFinite(w.x) && Number.isFinite(w.y) && Number.isFinite(w.z)
      ? w
      : undefined;
  }

  side(side: Side, part: string): Vec2 | undefined {
    return this.at(`${side}_${part}` as LandmarkName);
  }

  /** Midpoint of both sides when both are seen, else the one that is. */
  pair(part: string): Vec2 | undefined {
    const l = this.side('left', part);
    const r = this.side('right', part);
    return l && r ? mid2(l, r) : (l ?? r);
  }

  /** Midpoint of both sides' world positions (metres), only when both are seen. */
  worldPair(part: string): Vec3 | undefined {
    const l = this.world(`left_${part}` as LandmarkName);
    const r = this.world(`right_${part}` as LandmarkName);
    return l && r ? { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2, z: (l.z + r.z) / 2 } : undefined;
  }

  /** Mean of whichever of the named points are seen. */
  meanOf(names: LandmarkName[]): Vec2 | undefined {
    const pts = names.map((n) => this.at(n)).filter((p): p is Vec2 => p !== undefined);
    if (!pts.length) return undefined;
    return {
      x: pts.reduce((s, p) => s + p.x, 0) / pts.length,
      y: pts.reduce((s, p) => s + p.y, 0) / pts.length,
    };
  }

  /** Mid-shoulder to mid-hip, pixels. */
  torsoLength(): number | undefined {
    const s = this.pair('shoulder');
    const h = this.pair('hip');
    return s && h ? dist2(s, h) : undefined;
  }

  /**
   * Hip to knee, pixels: the longer seen side, since a thigh pointing at the
   * camera looks short and one never looks longer than it is.
   */
  thighLength(): number | undefined {
    const lengths = SIDES.map((s) => {
      const h = this.side(s, 'hip');
      const k = this.side(s, 'knee');
      return h && k ? dist2(h, k) : 0;
    });
    const best = Math.max(...lengths);
    return best > 0 ? best : undefined;
  }

  /** Centre of the head from whichever of nose and ears are seen. */
  head(): Vec2 | undefined {
    return this.meanOf(['nose', 'left_ear', 'right_ear']);
  }
}
