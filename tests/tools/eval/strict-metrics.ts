/**
 * The strict scoring's arithmetic (issue 14), pure and checked on hand-made
 * cases: false praise, holds matched one to one, pooled ratios and
 * bootstrap intervals over clips. Cue precision and recall reuse
 * `scoreCues` (metrics.ts) with the strict windows, and are pooled here.
 */
import { prng } from '../rotation/prng.ts';
import { type Hold, percentile, type Span } from './metrics.ts';

/** A fault is caught by a cue 0–1.5 s after it starts; a correction is right up to 1.5 s after its fault ended. */
export const STRICT_MAX_DELAY_S = 1.5;
export const STRICT_LINGER_S = 1.5;

/** Praise given while any fault is present (it must never happen). */
export function falsePraise(praiseTimes: readonly number[], faults: readonly Span[]): number {
  return praiseTimes.filter((t) => faults.some((f) => t >= f.from && t < f.to)).length;
}

export interface HoldMatch {
  /** Per true hold: |found duration − true duration|, or the true duration when nothing matched it. */
  errors: number[];
  matched: number;
  /** True holds nothing matched. */
  missed: number;
  /** Found holds matched to no true hold. */
  extra: number;
}

/**
 * Pairs true and found holds one to one, the pair that overlaps most first,
 * then the next among those left, until no remaining pair overlaps.
 */
export function matchHolds(truth: readonly Hold[], found: readonly Hold[]): HoldMatch {
  const pairs: { i: number; j: number; overlap: number }[] = [];
  truth.forEach((h, i) => {
    found.forEach((f, j) => {
      const overlap = Math.min(h.to, f.to) - Math.max(h.from, f.from);
      if (overlap > 0) pairs.push({ i, j, overlap });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.i - b.i || a.j - b.j);
  const partner = new Map<number, number>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (partner.has(p.i) || used.has(p.j)) continue;
    partner.set(p.i, p.j);
    used.add(p.j);
  }
  const errors = truth.map((h, i) => {
    const j = partner.get(i);
    const duration = h.to - h.from;
    if (j === undefined) return duration;
    const f = found[j]!;
    return Math.abs(f.to - f.from - duration);
  });
  return {
    errors,
    matched: partner.size,
    missed: truth.length - partner.size,
    extra: found.length - used.size,
  };
}

/** Σ numerators / Σ denominators; NaN when there is nothing to count. */
export function pooled(parts: readonly { num: number; den: number }[]): number {
  const den = parts.reduce((s, p) => s + p.den, 0);
  return den ? parts.reduce((s, p) => s + p.num, 0) / den : Number.NaN;
}

/**
 * A 95 % bootstrap interval of a statistic over units (clips): the units are
 * drawn with replacement `resamples` times, the statistic computed on each
 * draw, and the 2.5th and 97.5th percentiles kept. Seeded, so a report is
 * repeatable. NaN draws (nothing to count in them) are left out.
 */
export function bootstrapInterval<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  resamples = 1000,
  seed = 1,
): [number, number] {
  if (!units.length) return [Number.NaN, Number.NaN];
  const rnd = prng(seed);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from(
      { length: units.length },
      () => units[Math.floor(rnd() * units.length)]!,
    );
    const v = statistic(sample);
    if (!Number.isNaN(v)) values.push(v);
  }
  return [percentile(values, 2.5), percentile(values, 97.5)];
}
