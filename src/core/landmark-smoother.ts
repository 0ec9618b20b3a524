/**
 * One Euro smoothing of every landmark's image x and y (and world x, y, z),
 * so measures read steady on a held pose. Created once per stream; a gap
 * with no pose longer than `resetAfterMs` starts the filters afresh, so a
 * person coming back is not dragged from where they were.
 */
import { DEFAULT_ONE_EURO, OneEuroFilter, type OneEuroOptions } from './one-euro-filter.ts';
import type { ImageLandmark, PoseFrame, WorldLandmark } from './pose-frame.ts';

export const DEFAULT_RESET_AFTER_MS = 500;

export class LandmarkSmoother {
  private readonly image: OneEuroFilter[][] = [];
  private readonly world: OneEuroFilter[][] = [];
  private lastMs: number | undefined;

  constructor(
    private readonly options: OneEuroOptions = DEFAULT_ONE_EURO,
    private readonly resetAfterMs = DEFAULT_RESET_AFTER_MS,
  ) {}

  private filters(bank: OneEuroFilter[][], i: number, n: number): OneEuroFilter[] {
    bank[i] ??= Array.from({ length: n }, () => new OneEuroFilter(this.options));
    return bank[i]!;
  }

  /** The frame with smoothed positions (visibility as given). */
  apply(frame: PoseFrame): PoseFrame {
    const t = frame.tMs;
    if (this.lastMs !== undefined && t - this.lastMs > this.resetAfterMs) this.reset();
    this.lastMs = t;
    const smooth = (bank: OneEuroFilter[][], i: number, values: number[]) => {
      const f = this.filters(bank, i, values.length);
      return values.map((v, k) => f[k]!.apply(v, t) ?? v);
    };
    const landmarks = frame.landmarks.map((p, i): ImageLandmark | null => {
      // A point the model could not place (NaN, Infinity) is no point: never drawn or measured.
      if (!p || !finite(p.x, p.y, p.visibility)) return null;
      const [x, y] = smooth(this.image, i, [p.x, p.y]) as [number, number];
      return { ...p, x, y };
    });
    const out: PoseFrame = { ...frame, landmarks };
    if (frame.world) {
      out.world = frame.world.map((p, i): WorldLandmark | null => {
        if (!p || !finite(p.x, p.y, p.z)) return null;
        const [x, y, z] = smooth(this.world, i, [p.x, p.y, p.z]) as [number, number, number];
        return { x, y, z };
      });
    }
    return out;
  }

  /** Notes a frame without a pose (for the gap rule). */
  markMissing(tMs: number): void {
    if (this.lastMs !== undefined && tMs - this.lastMs > this.resetAfterMs) this.reset();
  }

  reset(): void {
    for (const bank of [this.image, this.world])
      for (const fs of bank) for (const f of fs ?? []) f.reset();
    this.lastMs = undefined;
  }
}

function finite(...values: number[]): boolean {
  return values.every(Number.isFinite);
}
