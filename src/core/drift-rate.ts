/**
 * How fast a measure drifts over a short window: the least-squares slope of
 * its samples against time, per second. Steadier than a smoothed
 * frame-to-frame speed, whose jitter on a still body reads as slow motion
 * (issue 14: the roller's pauses against its slow rolls).
 */
export interface TimedValue {
  tMs: number;
  value: number;
}

/**
 * Slope, units per second, unsigned unless `signed`; undefined with fewer
 * than 3 samples or under `minSpanMs` of time.
 */
export function driftPerS(
  samples: readonly TimedValue[],
  minSpanMs: number,
  signed = false,
): number | undefined {
  if (samples.length < 3) return undefined;
  const span = samples.at(-1)!.tMs - samples[0]!.tMs;
  if (!(span >= minSpanMs) || span <= 0) return undefined;
  const n = samples.length;
  const meanT = samples.reduce((s, p) => s + p.tMs, 0) / n;
  const meanV = samples.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of samples) {
    num += (p.tMs - meanT) * (p.value - meanV);
    den += (p.tMs - meanT) ** 2;
  }
  if (!(den > 0)) return undefined;
  const slope = (num / den) * 1000;
  return signed ? slope : Math.abs(slope);
}
